"""The compiled-pattern cache (newsclean.patterncache): a pattern rebuilt from the file is the
pattern ``regex`` compiles; a missing, damaged, foreign or disabled file only means compiling;
a folder that cannot be written never fails a call.

Each test stands for a fresh process by resetting the module's state (``fresh_process``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

import newsclean
from newsclean import patterncache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of the test's own, the module's state saved and restored."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(patterncache.ENV_DIR, str(folder))
    monkeypatch.delenv(patterncache.ENV_OFF, raising=False)
    saved = (patterncache._entries, patterncache._writable, dict(patterncache.PENDING))
    fresh_process()
    yield folder
    patterncache._entries, patterncache._writable = saved[0], saved[1]
    patterncache.PENDING.clear()
    patterncache.PENDING.update(saved[2])


def fresh_process() -> None:
    """The module as a new process has it: nothing read, nothing waiting, writes allowed."""
    patterncache._entries = None
    patterncache._writable = True
    patterncache.PENDING.clear()


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources ``regex.compile`` is asked to compile from now on."""
    seen: list[str] = []
    real = regex.compile

    def spy(source: str, flags: int = 0, **kwargs: object) -> regex.Pattern[str]:
        seen.append(source)
        return real(source, flags, **kwargs)

    monkeypatch.setattr(regex, "compile", spy)
    return seen


def a_source() -> str:
    # a source no earlier test compiled (regex keeps its own in-process cache)
    return rf"(?P<word>\w+)-(?:{uuid.uuid4().hex})\s*(?:,\s*\d+)?"


def the_data(pattern: regex.Pattern[str]) -> tuple[object, ...]:
    """What pickling the pattern would store: its compiled code and tables."""
    reduced = patterncache._reducer(pattern)
    assert reduced is not None
    return reduced[1]


def written(folder: Path, source: str, flags: int = 0) -> Path:
    """The cache file after one process compiled ``source`` and saved."""
    patterncache.compile_pattern(source, flags)
    patterncache.save()
    path = patterncache.cache_file()
    assert path is not None and Path(path).parent == folder and Path(path).is_file()
    return Path(path)


def lines_of(path: Path) -> dict[str, str]:
    """The cache file's pattern lines: key -> entry JSON."""
    body = path.read_bytes().partition(b"\n")[2].decode()
    return dict(line.split("\t", 1) for line in body.split("\n"))


def test_a_miss_compiles_and_is_written_for_the_next_process(cache: Path, compiles: list[str]) -> None:
    source = a_source()
    pattern = patterncache.compile_pattern(source, regex.IGNORECASE)
    assert compiles == [source] and pattern.pattern == source
    assert ascii((source, int(regex.IGNORECASE))).encode() in patterncache.PENDING
    assert not cache.exists()  # nothing written before save()
    patterncache.save()
    assert not patterncache.PENDING
    lines = lines_of(Path(patterncache.cache_file() or ""))
    assert json.loads(lines[ascii((source, int(regex.IGNORECASE)))])[0] == source


def test_a_hit_is_rebuilt_without_compiling_and_is_the_same_pattern(cache: Path, compiles: list[str]) -> None:
    source = a_source()
    written(cache, source, regex.IGNORECASE)
    fresh_process()
    del compiles[:]
    rebuilt = patterncache.compile_pattern(source, regex.IGNORECASE)
    assert source not in compiles  # rebuilt from the file, not compiled
    assert not patterncache.PENDING  # and nothing to write back
    fresh = regex.compile(source, regex.IGNORECASE)
    assert the_data(rebuilt) == the_data(fresh)
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
    text = "see ALPHA-" + source.split("(?:")[1][:32] + " , 7 and beta-x"
    assert rebuilt.search(text) is not None
    assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in fresh.finditer(text)]


def test_another_flag_or_source_is_a_miss(cache: Path, compiles: list[str]) -> None:
    source = a_source()
    written(cache, source)
    fresh_process()
    del compiles[:]
    assert patterncache.compile_pattern(source, regex.IGNORECASE).flags & regex.IGNORECASE
    assert compiles == [source]


def test_a_truncated_file_is_a_miss_and_is_written_again(cache: Path, compiles: list[str]) -> None:
    source = a_source()
    path = written(cache, source)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 7])
    fresh_process()
    del compiles[:]
    pattern = patterncache.compile_pattern(source)
    assert compiles == [source] and pattern.pattern == source
    patterncache.save()
    assert path.read_bytes() == data  # the damaged file replaced by a whole one
    fresh_process()
    del compiles[:]
    patterncache.compile_pattern(source)
    assert compiles == []


def test_a_damaged_entry_is_a_miss_not_a_wrong_pattern(cache: Path, compiles: list[str]) -> None:
    source = r"(?:cat|dog)s?-" + uuid.uuid4().hex
    path = written(cache, source)
    header, _, body = path.read_bytes().partition(b"\n")
    code = json.loads(lines_of(path)[ascii((source, 0))])[2]
    assert isinstance(code, str)  # the compiled code, base64
    # one character of the code changed: the entry is still JSON of the right shape
    changed = code[:12] + ("A" if code[12] != "A" else "B") + code[13:]
    path.write_bytes(header + b"\n" + body.replace(code.encode(), changed.encode()))
    fresh_process()
    del compiles[:]
    pattern = patterncache.compile_pattern(source)
    assert compiles == [source]  # the checksum refused it
    assert the_data(pattern) == the_data(regex.compile(source))


def test_an_entry_for_another_source_is_never_used(cache: Path, compiles: list[str]) -> None:
    # a file whose checksum is right but whose entry describes another pattern
    source, other = "a+b-" + uuid.uuid4().hex, "x+y-" + uuid.uuid4().hex
    path = written(cache, other)
    header, _, body = path.read_bytes().partition(b"\n")
    new_body = body.replace(ascii((other, 0)).encode(), ascii((source, 0)).encode())
    assert new_body != body
    stamp = json.loads(header)
    stamp.update(crc32=__import__("binascii").crc32(new_body), size=len(new_body))
    path.write_bytes(json.dumps(stamp).encode() + b"\n" + new_body)
    fresh_process()
    del compiles[:]
    assert patterncache.compile_pattern(source).fullmatch("aab-" + source[4:]) is not None
    assert compiles == [source]


def test_a_file_written_with_another_regex_version_is_a_miss(
    cache: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = a_source()
    path = written(cache, source)
    monkeypatch.setattr(regex, "__version__", "1999.1.1")
    fresh_process()
    other = patterncache.cache_file()
    assert other is not None and other != str(path)  # another version, another file...
    Path(other).write_bytes(path.read_bytes())  # ...and were it there, its header refuses it
    del compiles[:]
    assert patterncache.compile_pattern(source).pattern == source
    assert compiles == [source]


def test_a_file_that_cannot_be_written_only_stops_the_writes(
    tmp_path: Path, cache: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(patterncache.ENV_DIR, str(blocker / "cache"))  # (fails for root too)
    fresh_process()
    source = a_source()
    assert patterncache.compile_pattern(source).pattern == source
    patterncache.save()  # no error
    assert patterncache._writable is False and not patterncache.PENDING
    patterncache.compile_pattern(a_source())
    assert not patterncache.PENDING  # what it compiles now is not queued for writing...
    tries: list[str] = []
    monkeypatch.setattr(os, "makedirs", lambda path, exist_ok=False: tries.append(path))
    patterncache.PENDING[b"queued"] = b"[]"
    patterncache.save()
    assert tries == []  # ...nor is a write tried again
    page = "<html><body><article><p>" + "A sentence of the story. " * 12 + "</p></article></body></html>"
    assert "sentence of the story" in newsclean.clean(page).body


def test_turned_off_nothing_is_read_or_written(
    cache: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = a_source()
    path = written(cache, source)
    before = path.read_bytes()
    monkeypatch.setenv(patterncache.ENV_OFF, "1")
    fresh_process()
    del compiles[:]
    patterncache.compile_pattern(source)
    assert compiles == [source]  # not read
    patterncache.compile_pattern(a_source())
    assert not patterncache.PENDING
    patterncache.save()
    assert path.read_bytes() == before and os.listdir(cache) == [path.name]  # not written


def test_the_folder_follows_xdg_and_a_relative_path_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(patterncache.ENV_DIR, raising=False)
    monkeypatch.delenv(patterncache.ENV_OFF, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert patterncache.cache_dir() == str(tmp_path / "newsclean")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform not in ("win32", "darwin"):
        assert patterncache.cache_dir() == str(tmp_path / "home" / ".cache" / "newsclean")


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX home folder is built here")
def test_the_folder_on_macos_windows_and_with_no_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without XDG_CACHE_HOME: ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows, none (the
    cache off) when there is no home or no LOCALAPPDATA."""
    for name in (patterncache.ENV_DIR, patterncache.ENV_OFF, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(patterncache.sys, "platform", "darwin")
    assert patterncache.cache_dir() == str(tmp_path / "home" / "Library" / "Caches" / "newsclean")
    monkeypatch.setattr(patterncache.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert patterncache.cache_dir() == str(tmp_path / "local" / "newsclean")
    monkeypatch.delenv("LOCALAPPDATA")
    assert patterncache.cache_dir() is None
    monkeypatch.setattr(patterncache.sys, "platform", "linux")
    monkeypatch.setattr(patterncache.os.path, "expanduser", lambda path: path)  # no home: "~" stays
    assert patterncache.cache_dir() is None
    monkeypatch.setenv(patterncache.ENV_OFF, "0")  # any non-empty value turns it off
    monkeypatch.setenv(patterncache.ENV_DIR, str(tmp_path / "chosen"))
    assert patterncache.cache_dir() is None


#: every pattern the package's modules hold (as a name, or in a tuple, list or dict a name
#: holds) and every lazy one, as (source, flags) -> pattern; the lazy ones compiled when COMPILE
_WALK = """
import gc, sys, regex
from newsclean.lazyre import LazyPattern
found = {}
held = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]
for name, module in list(sys.modules.items()):
    if name.startswith("newsclean"):
        for value in vars(module).values():
            held.append(value)
            if isinstance(value, (tuple, list)):
                held.extend(value)
            elif isinstance(value, dict):
                held.extend(value.values())
for obj in held:
    if isinstance(obj, LazyPattern):
        obj = obj.compiled() if COMPILE else obj
        key = (obj.pattern, int(obj.flags) if isinstance(obj, regex.Pattern) else int(obj._flags))
    elif isinstance(obj, regex.Pattern):
        key = (obj.pattern, obj.flags)
    else:
        continue
    if isinstance(key[0], str):
        found[key] = obj
"""


def _package_patterns() -> list[regex.Pattern[str]]:
    space: dict[str, object] = {"COMPILE": True}
    exec(_WALK, space)
    found = space["found"]
    assert isinstance(found, dict)
    return list(found.values())


def test_every_pattern_of_the_package_comes_back_from_its_entry_unchanged() -> None:
    patterns = _package_patterns()
    assert len(patterns) > 100
    for pattern in patterns:
        entry = patterncache._to_entry(pattern)
        if pattern.flags & regex.LOCALE:
            assert entry is None
            continue
        assert entry is not None, pattern.pattern
        rebuilt = patterncache._rebuild(json.loads(json.dumps(entry)), pattern.pattern)
        assert rebuilt is not None, pattern.pattern
        assert the_data(rebuilt) == the_data(pattern), pattern.pattern


def test_the_package_s_pattern_sources_do_not_change_with_the_hash_seed() -> None:
    # (a source built from a set in its iteration order would miss the cache in every process)
    code = "import newsclean\nCOMPILE = False\n" + _WALK + "\nprint('\\n'.join(sorted(map(repr, found))))\n"
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, patterncache.ENV_OFF: "1"}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outputs.append(run.stdout)
    assert outputs[0].count("\n") > 60
    assert outputs[0] == outputs[1]


_TWO_PROCESSES = (
    "import regex, regex._main as m, sys\n"
    "real = m._compile\n"
    "seen = []\n"
    "def spy(pattern, flags, *rest):\n"
    "    if isinstance(pattern, str) and pattern: seen.append(pattern)\n"
    "    return real(pattern, flags, *rest)\n"
    "m._compile = spy\n"
    "import newsclean\n"
    "doc = newsclean.clean(sys.stdin.read(), url='https://example.com/2024/05/06/story')\n"
    "print(len(seen)); print(doc.to_json())\n"
)


def test_a_second_process_compiles_nothing_the_first_one_did_and_cleans_alike(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Rain in Rome - The Paper</title></head><body>"
        "<p>Published: May 6, 2024 10:30 CET</p><p>By Jane Doe</p><article>"
        + "<p>It rained in Rome for the third day running, the city said. </p>" * 6
        + "<p>Tags: weather, Rome</p></article><aside>Related stories</aside></body></html>"
    )
    env = {**os.environ, patterncache.ENV_DIR: str(tmp_path / "cache")}
    env.pop(patterncache.ENV_OFF, None)
    runs = [
        subprocess.run([sys.executable, "-c", _TWO_PROCESSES], input=page, capture_output=True, text=True,
                       env=env, check=True).stdout.split("\n", 1)
        for _ in range(2)
    ]  # fmt: skip
    assert int(runs[0][0]) > 40  # the first process compiled the package's patterns...
    assert int(runs[1][0]) == 0  # ...the second rebuilt every one of them
    assert runs[0][1] == runs[1][1] and "third day running" in runs[1][1]
