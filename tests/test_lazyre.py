"""Patterns compiled on first use (newsclean.lazyre): they answer as the compiled pattern does,
compile once even when threads race to the first use, and importing the package compiles none."""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading

import regex

from newsclean.lazyre import KEEP_GIL, LazyPattern, compiled, lazy


def test_lazy_pattern_answers_as_the_compiled_one() -> None:
    pattern = lazy(r"(?P<word>\p{Lu}\p{Ll}+)", regex.IGNORECASE)
    match = pattern.search("12 berlin, Paris")
    assert match is not None and match["word"] == "berlin"
    assert pattern.sub("X", "a Bc") == "a X"  # one letter is no word here
    assert [m.group() for m in pattern.finditer("Rome and Oslo")] == ["Rome", "and", "Oslo"]
    assert pattern.groupindex == {"word": 1}
    assert pattern.flags & regex.IGNORECASE


def test_not_compiled_until_used_and_source_readable_before() -> None:
    stand_in = LazyPattern(r"\d+")
    assert stand_in.pattern == r"\d+"  # building a pattern from another's source compiles nothing
    assert stand_in._compiled is None
    assert stand_in.match("42x") is not None
    first = stand_in._compiled
    assert isinstance(first, regex.Pattern)
    assert stand_in.compiled() is first  # compiled once, kept


def test_threads_racing_to_the_first_use_share_one_compiled_pattern() -> None:
    stand_in = LazyPattern(r"(?:foo|bar)+baz")
    results: list[object] = []
    seen: list[regex.Pattern[str]] = []
    start = threading.Barrier(8)

    def work() -> None:
        start.wait()
        m = stand_in.search("xx foobarbaz")
        results.append(m.span() if m else None)
        seen.append(stand_in.compiled())

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [(3, 12)] * 8
    assert all(p is seen[0] for p in seen)


def test_pickles_as_a_pattern_with_the_same_source() -> None:
    copy = pickle.loads(pickle.dumps(lazy(r"a+b", regex.IGNORECASE)))
    assert copy.fullmatch("AAb") is not None
    assert copy.pattern == "a+b"


def test_compiled_helper_unwraps_only_stand_ins() -> None:
    plain = regex.compile("x")
    assert compiled(plain) is plain
    assert isinstance(compiled(lazy("y")), regex.Pattern)


def test_importing_the_package_compiles_no_lazy_pattern() -> None:
    # (a fresh interpreter: this one has long since used them)
    code = (
        "import gc, newsclean\n"
        "from newsclean.lazyre import LazyPattern\n"
        "stand_ins = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(stand_ins), sum(o._compiled is not None for o in stand_ins))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    total, compiled_count = map(int, out.split())
    assert total > 40  # the lazy patterns of the modules import loads exist...
    assert compiled_count == 0  # ...and none was compiled by importing it


def test_a_process_forked_while_a_thread_compiles_can_compile() -> None:
    # (in a fresh interpreter: fork from the test process would copy pytest's threads)
    code = (
        "import os, signal, threading, newsclean.lazyre as lz\n"
        "if not hasattr(os, 'fork'): raise SystemExit(0)\n"
        "signal.alarm(20)  # a deadlock fails the test instead of hanging it\n"
        "held, release = threading.Event(), threading.Event()\n"
        "def hold():\n"
        "    with lz._LOCK:\n"
        "        held.set(); release.wait()\n"
        "threading.Thread(target=hold).start(); held.wait()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    signal.alarm(20)\n"
        "    os._exit(0 if lz.lazy('a+').match('aa') else 1)\n"
        "release.set()\n"
        "_, status = os.waitpid(pid, 0)\n"
        "raise SystemExit(os.waitstatus_to_exitcode(status))\n"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0


def test_the_sixth_positional_argument_of_search_and_match_is_the_time_budget() -> None:
    # The date, byline and phrase searches pass their time budget positionally
    # (newsclean.meta.clock.TIMEOUT_ARGS: string, pos, endpos, concurrent, partial, timeout). A
    # regex release that moved the argument would leave them unbounded; this pattern takes about
    # 2**26 steps on 26 letters, so only a budget can stop it within a millisecond.
    runaway = regex.compile(r"(a|aa)+c")
    for method in (runaway.search, runaway.match):
        try:
            method("a" * 26, 0, None, None, False, 0.001)
        except TimeoutError:
            continue
        raise AssertionError(f"{method.__name__}: the sixth argument was not the time budget")
    # and the fifth is ``partial`` (False), not a budget of zero seconds
    assert regex.compile("ab").search("xab", 0, None, None, True) is not None
    assert regex.compile("abc").match("ab", 0, None, None, True) is not None
    assert regex.compile("abc").match("ab", 0, None, None, False) is None


def test_keep_gil_sits_where_each_method_reads_concurrent() -> None:
    # The per-line searches pass lazyre.KEEP_GIL positionally: search/match/fullmatch's fourth
    # argument, findall's fifth, sub's sixth (pattern.sub has no flags), split's third. Given
    # by position and by name too, the argument is refused, so each position is ``concurrent``
    # (a wrong one would put KEEP_GIL into a count, a flag or the time budget instead).
    pattern = regex.compile("b")
    calls = (
        lambda: pattern.search("abc", 0, None, KEEP_GIL, concurrent=True),
        lambda: pattern.match("abc", 0, None, KEEP_GIL, concurrent=True),
        lambda: pattern.fullmatch("abc", 0, None, KEEP_GIL, concurrent=True),
        lambda: pattern.findall("abc", 0, None, False, KEEP_GIL, concurrent=True),
        lambda: pattern.sub("", "abc", 0, None, None, KEEP_GIL, concurrent=True),
        lambda: pattern.split("abc", 0, KEEP_GIL, concurrent=True),
    )
    for call in calls:
        try:
            call()
        except TypeError as error:
            assert "concurrent" in str(error)
            continue
        raise AssertionError("the argument given by position was not concurrent")
    # and with it the calls answer as without it
    assert pattern.sub("", "abcb", 0, None, None, KEEP_GIL) == "ac"
    assert pattern.split("abcb", 0, KEEP_GIL) == ["a", "c", ""]
    assert pattern.findall("abcb", 0, None, False, KEEP_GIL) == ["b", "b"]
    assert KEEP_GIL is False
