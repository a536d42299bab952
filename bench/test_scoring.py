"""Hand-computed checks of bench/scoring.py (run: pytest bench/test_scoring.py).

Not part of the main suite (tests/ is its path); the expected numbers below are
worked out by hand in the comments, not copied from program output.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring  # noqa: E402
from scoring import PageCounts  # noqa: E402


def test_tokens_are_unicode_word_runs_and_case_sensitive() -> None:
    assert scoring.tokenize("Café, naïve—東京! it's") == ["Café", "naïve", "東京", "it", "s"]
    assert scoring.tokenize(None) == []
    assert not scoring.exact_match("The cat", "the cat")


def test_shingles_of_five_tokens() -> None:
    # a b c d e -> (a,b,c,d), (b,c,d,e)
    assert scoring.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_text_is_one_whole_tuple_shingle_and_empty_has_none() -> None:
    assert scoring.shingles("hello world") == {("hello", "world"): 1}
    assert scoring.shingles("  ... ") == {}


def test_partial_prediction() -> None:
    # truth has 2 shingles, prediction has 1 of them: tp=1 fp=0 fn=1 -> /2
    c = scoring.match("a b c d e", "a b c d")
    assert (c.tp, c.fp, c.fn) == (0.5, 0.0, 0.5)
    assert c.precision == 1.0
    assert c.recall == 0.5


def test_punctuation_and_spacing_do_not_matter() -> None:
    c = scoring.match("a, b. c! d", "a b\n\nc d")
    assert (c.tp, c.fp, c.fn) == (1.0, 0.0, 0.0)
    assert scoring.exact_match("a, b. c! d", "a b\n\nc d")


def test_short_texts_match_only_as_a_whole() -> None:
    assert scoring.match("hello world", "hello world!").recall == 1.0
    # ('hello',) vs ('hello', 'world'): different shingles, tp=0 fp=1 fn=1
    c = scoring.match("hello world", "hello")
    assert (c.tp, c.fp, c.fn) == (0.0, 0.5, 0.5)
    assert c.precision == 0.0 and c.recall == 0.0


def test_shingles_are_counted_as_a_multiset() -> None:
    truth = "a b c d a b c d"  # abcd x2, bcda, cdab, dabc: 5 shingles
    c = scoring.match(truth, "a b c d")  # tp=1 fn=4
    assert math.isclose(c.tp, 0.2) and math.isclose(c.fn, 0.8) and c.fp == 0
    # 12 tokens -> 9 shingles: abcd x3, bcda x2, cdab x2, dabc x2
    # tp = 2+1+1+1 = 5, fp = 1+1+1+1 = 4, fn = 0 -> P = 5/9, R = 1
    c = scoring.match(truth, "a b c d a b c d a b c d")
    assert math.isclose(c.precision, 5 / 9)
    assert c.recall == 1.0


def test_empty_prediction_skips_precision_and_scores_recall_zero() -> None:
    c = scoring.match("a b c d e", "")
    assert not c.has_prediction and c.has_truth
    assert c.recall == 0.0
    # page 1: P=1 R=0.5; page 2: empty -> P skipped, R=0
    # P = 1, R = 0.25, F1 = 2*1*0.25/1.25 = 0.4 (not the mean of per-page F1)
    p, r, f1 = scoring.precision_recall_f1([scoring.match("a b c d e", "a b c d"), c])
    assert (p, r) == (1.0, 0.25)
    assert math.isclose(f1, 0.4)


def test_f1_is_harmonic_mean_of_means_not_mean_of_page_f1() -> None:
    # page 1: P=1 R=0.5 (F1 2/3); page 2: P=0.5 R=1 (F1 2/3)
    # 2 truth shingles, predicted 1 -> P=1 R=.5 ; truth "a b c d", pred "a b c d e"
    pages = [scoring.match("a b c d e", "a b c d"), scoring.match("a b c d", "a b c d e")]
    s = scoring.score(pages, [False, False], resamples=0)
    assert (s.precision, s.recall) == (0.75, 0.75)
    assert math.isclose(s.f1, 0.75)
    assert math.isclose(s.mean_page_f1, 2 / 3)


def test_prediction_for_page_without_truth_costs_precision_only() -> None:
    c = scoring.match("", "a b c d")
    assert (c.tp, c.fp, c.fn) == (0.0, 1.0, 0.0)
    assert c.has_prediction and not c.has_truth
    p, r, _ = scoring.precision_recall_f1([c, scoring.match("a b c d", "a b c d")])
    assert (p, r) == (0.5, 1.0)


def test_all_empty_predictions_score_zero_instead_of_crashing() -> None:
    s = scoring.score_texts(["a b c d", "e f g h"], ["", None])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_accuracy_is_share_of_identical_token_lists() -> None:
    s = scoring.score_texts(["a b c d", "e f g h"], ["a b c d", "e f g"], resamples=0)
    assert s.accuracy == 0.5


def test_bootstrap_is_reproducible_and_zero_for_identical_pages() -> None:
    same = [PageCounts(0.5, 0.0, 0.5)] * 20
    assert scoring.score(same).f1_std == 0.0
    mixed = [PageCounts(1.0, 0.0, 0.0)] * 10 + [PageCounts(0.0, 0.5, 0.5)] * 10
    a, b = scoring.score(mixed), scoring.score(mixed)
    assert a.f1_std == b.f1_std > 0
    # the F1 of a 50/50 mix of perfect and useless pages is 0.5; the bootstrap
    # share of perfect pages has std sqrt(.25/20) ~ 0.11, so the F1 std is near it
    assert a.f1 == 0.5
    assert 0.07 < a.f1_std < 0.15


def test_misaligned_inputs_are_an_error() -> None:
    with pytest.raises(ValueError):
        scoring.score_texts(["a"], [])


def test_snippets_are_whitespace_normalised_and_case_sensitive() -> None:
    text = "First  line\nsecond\tline. Subscribe now"
    assert scoring.snippets_found(text, ["line second line.", "Subscribe now"]) == 2
    assert scoring.snippets_found(text, ["subscribe now", "absent"]) == 0


def test_snippet_scores_pool_over_pages() -> None:
    s = scoring.score_snippets(
        ["keep this and that", "nothing here"],
        [["keep this", "and that"], ["gone"]],
        [["nothing"], ["nothing", "  "]],  # blank snippets are ignored
    )
    assert (s.with_found, s.with_total) == (2, 3)
    # 'nothing' occurs only on page 2: 1 of the 2 non-blank without-snippets
    assert (s.without_found, s.without_total) == (1, 2)
    assert math.isclose(s.with_rate, 2 / 3) and s.without_rate == 0.5


def test_compare_agrees_with_match_and_exact_match() -> None:
    for truth, pred in [("a b c d e", "a b c d"), ("x y", "x y"), ("a b c d", ""), ("", "a")]:
        counts, exact = scoring.compare(truth, pred)
        assert counts == scoring.match(truth, pred)
        assert exact == scoring.exact_match(truth, pred)
    assert scoring.compare("x y", "x, y!")[1] is True


def test_word_prf_is_a_lowercased_bag_of_words() -> None:
    # truth: the(2) cat sat -> 4 words; prediction: The cat ran -> 3 words.
    # overlap: the 1 (min of 2 and 1), cat 1 -> 2. P = 2/3, R = 2/4, F1 = 2*(2/3)*(1/2)/(7/6) = 4/7
    p, r, f1 = scoring.word_prf("the cat sat the", "The cat ran")
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(0.5)
    assert f1 == pytest.approx(4 / 7)
    assert scoring.word_prf("", "") == (1.0, 1.0, 1.0)
    assert scoring.word_prf("", "words") == (0.0, 0.0, 0.0)
    assert scoring.word_prf("words", "") == (0.0, 0.0, 0.0)


def test_word_f1_mean_is_the_mean_of_page_f1() -> None:
    # page 1: identical -> 1.0; page 2: nothing predicted -> 0.0; mean 0.5
    assert scoring.word_f1_mean(["a b", "c d"], ["a b", ""]) == pytest.approx(0.5)


def test_snippet_prf_pools_decisions() -> None:
    # 3 of 4 `with` found (tp 3, fn 1), 1 of 2 `without` found (fp 1): P 3/4, R 3/4, F1 3/4
    p, r, f1 = scoring.snippet_prf(scoring.SnippetScores(3, 4, 1, 2))
    assert (p, r, f1) == (pytest.approx(0.75), pytest.approx(0.75), pytest.approx(0.75))
    assert scoring.snippet_prf(scoring.SnippetScores(0, 0, 0, 0)) == (0.0, 0.0, 0.0)


def test_page_snippet_score_counts_right_decisions() -> None:
    # keep "a b" found (right), keep "x" missed (wrong), drop "c" present (wrong), drop "z" absent (right)
    assert scoring.page_snippet_score("a  b c", ["a b", "x"], ["c", "z"]) == pytest.approx(0.5)
    assert scoring.page_snippet_score("anything", [], []) == 1.0
