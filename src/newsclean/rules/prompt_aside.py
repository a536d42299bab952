"""A call to action as an aside in the writer's own prose, which the sign-up prompt rule keeps.

A newsletter pitch is a pitch from end to end: "Love movies? Live for TV? Our newsletter has the
best picks, delivered to your inbox. Sign up now." A story's paragraph can carry the same words
as one sentence among others about something else: "New York remains the final marathon of the
Majors, though Frankfurt may yet have a say. Join us for those in coming weeks!", "If you're
interested in learning more about Dynamic Search Ads, stay tuned to our blog. More information
and an invitation to join us for a Hangout on Air will be coming soon." The difference is how
much of the block the pitch is: a block whose sentences without a prompt and without a question
to the reader hold at least half its words is prose that mentions a prompt, and stays, unless
its prompt is a follow line (a bio's or a signature's end, which the truths split on).
"""

from __future__ import annotations

import regex

from newsclean.lazyre import lazy
from newsclean.phrases import label_family
from newsclean.prefilter import PromptMatcher

#: Shortest block (words) the aside test reads. ``bench/rule_losses.py --by-size`` at 5f64293:
#: the sign-up prompts of 15 words or more are the story's more often than not on dragnet-dev
#: (377 of 674 words), wcxb-dev (492 of 871) and wceb2026-dev's 30-word blocks (98 of 129),
#: while those of 4 to 14 words are boilerplate on every set (0.00-0.35 of their words).
PROMPT_ASIDE_MIN_WORDS = 15
#: Share of the block's words that must sit in plain sentences (no prompt, no question). Half:
#: a pitch with one line of its own ("Joining is free and takes 2 minutes.", 7 of 29 words;
#: "There's plenty of other editorial on our sister site!", 11 of 28) stays a pitch, a story's
#: paragraph with an invitation at its end (dragnet-dev R550: 20 of 28 words; R612: 19 of 35)
#: is prose. At 0.55 R612 goes again; at 0.45 nothing moves (docs/benchmarks.md, session 13).
PROMPT_ASIDE_PLAIN_SHARE = 0.5

#: A prompt to follow someone on a network ("Follow Agam on Twitter at @agamsh", "You should
#: follow him on Twitter here") closes a writer's bio or a site's signature, which some truths
#: keep and others drop for the same shape (session 12: dragnet-dev R16, R374, R694 against
#: T58, R455, R979): a block whose prompt is one is left to the rule.
_FOLLOW = lazy(
    r"\b(?:follow|folgen|folge|suivez|suivre|s[ií]guenos|seguici|segui|siga|sigue)\b", regex.IGNORECASE
)

#: Where a sentence ends: ., ! or ? (and any closing quote or bracket) before a space and a
#: capital letter, so an abbreviation inside a sentence ("from 5:00 p.m. to 7:00 p.m. at the
#: Spitfire", dragnet-dev R147's event line in text input) does not split it.
_SENTENCE_END = lazy(r"(?<=[.!?…][\"'”’)\]]?)\s+(?=[\"'“‘(\[]?\p{Lu})")


#: A sentence headed by a sign-up label ("Sign Up: Stay on top of the latest news!") is the
#: pitch's own line: the label is read in this many first characters, up to a colon.
LABEL_HEAD_MAX_CHARS = 30


def _label_headed(sentence: str) -> bool:
    head, colon, _ = sentence[: LABEL_HEAD_MAX_CHARS + 1].partition(":")
    return bool(colon) and label_family(head) == "subscribe"


def is_prompt_aside(text: str, prompts: PromptMatcher, timeout: float) -> bool:
    """Whether a block that holds a prompt is mostly plain prose: at least
    :data:`PROMPT_ASIDE_PLAIN_SHARE` of its words (when it has :data:`PROMPT_ASIDE_MIN_WORDS` or
    more) are in sentences that hold no prompt pattern, ask no question and are not headed by a
    sign-up label."""
    words = len(text.split())
    if words < PROMPT_ASIDE_MIN_WORDS:
        return False
    plain = 0
    for sentence in _SENTENCE_END.split(text):
        stripped = sentence.rstrip("\"'”’)] ")
        if not stripped or stripped.endswith("?") or _label_headed(sentence):
            continue
        if prompts.search(sentence, timeout) is not None:
            if _FOLLOW.search(sentence) is not None:
                return False  # a bio's or a signature's follow line (_FOLLOW)
            continue
        plain += len(sentence.split())
    return plain >= PROMPT_ASIDE_PLAIN_SHARE * words
