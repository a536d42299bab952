"""The package's compiled ``regex`` patterns kept between processes, as Python keeps bytecode.

``regex`` compiles a pattern with its parser and optimiser written in Python: the ~70 patterns
``import newsclean`` and a first page meet cost a fresh process about as much as all the rest of
its first call (issue #15). What compiling produces is plain data: ``regex`` pickles a pattern
as a call of its C constructor with that data (the reducer it registers with :mod:`copyreg`),
and rebuilding a pattern from it is a hundred times cheaper than compiling it.

So :func:`compile_pattern` looks the pattern up in a file of such data in the user's cache
folder and falls back to ``regex.compile`` on any miss; what it compiled is written back (one
file, replaced atomically) at the end of the ``clean()`` that compiled it (:func:`save`). The
file is data, never pickle: reading it runs no code. A JSON header line, then one line per
pattern: its key (``ascii((source, flags))``), a tab, and its data as JSON (strings, integers,
lists, maps; the compiled code in base64), parsed only when that pattern is asked for. The file's
name and its header carry the exact ``regex`` version, its engine's ``MAGIC`` and the Python
implementation, so another install simply misses; a checksum over the lines catches a truncated
or damaged file, and every entry's shape is checked before ``regex``'s constructor sees it. A
rebuilt pattern has the source and flags asked for; anything unexpected is a miss, never an
error. The shape checks catch values of the wrong types, not wrong compiled code of the right
types: ``regex``'s engine trusts its code (a changed opcode can crash or hang it), so what stands
between a damaged entry and the engine is the CRC-32 over every line, which catches accidental
damage (a truncated write, a flipped byte), not a crafted file. Patterns whose meaning depends
on the locale or on ``regex.DEFAULT_VERSION`` changed from its default are always compiled, and
so are a caller's own patterns (user rules).

The threat this guards against is a damaged file, not a hostile one: whoever can write the
user's cache folder can as well write the user's other files (Python's bytecode caches among
them).

Where: ``$NEWSCLEAN_CACHE_DIR``, else ``newsclean`` in ``$XDG_CACHE_HOME`` (an absolute path),
else in ``~/.cache`` (``%LOCALAPPDATA%`` on Windows, ``~/Library/Caches`` on macOS). Any
non-empty ``NEWSCLEAN_NO_CACHE`` turns it off (nothing read, nothing written). A folder that
cannot be read or written (a read-only file system, no home) only means every pattern is
compiled, as without the cache; after one failed write the process stops trying. Two processes
that write at once each replace the file with what they read at start plus their own patterns:
the last one's file wins, and a pattern the other added is compiled again and written by a
later process (on Windows a replace that meets a reader fails, which stops that process's
writes).
"""

from __future__ import annotations

import binascii
import copyreg
import json
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

import regex

#: the file's layout; a file written in another layout is a miss
FORMAT = 2

#: at most this many patterns are written (the package compiles ~180 over hundreds of pages;
#: the bound keeps a file that some caller's patterns would grow from growing without end)
MAX_PATTERNS = 2000

#: a larger file is not read (a sane file of MAX_PATTERNS patterns is well under it)
MAX_FILE_BYTES = 8 * 1024 * 1024

ENV_DIR = "NEWSCLEAN_CACHE_DIR"
ENV_OFF = "NEWSCLEAN_NO_CACHE"

_LOCK = threading.RLock()

#: key (:func:`_key`) -> its entry's JSON as read from the file, parsed only when asked for;
#: None until the file was first asked for
_entries: dict[bytes, bytes] | None = None
#: key -> entry JSON of a pattern compiled in this process and not written yet
PENDING: dict[bytes, bytes] = {}
#: False once a write failed (or the cache is off): the process stops trying
_writable = True
#: regex's constructor for a pattern's data, from the reducer it registers with copyreg
_constructor: Callable[..., Any] | None = None
_DEFAULT_VERSION = regex.VERSION0


def _new_lock() -> None:
    global _LOCK
    _LOCK = threading.RLock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_lock)


def cache_dir() -> str | None:
    """The folder the cache file lives in, or ``None`` when the cache is off or has no home."""
    if os.environ.get(ENV_OFF):
        return None
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # (the XDG specification: a relative path is ignored)
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA", "")
        else:
            home = os.path.expanduser("~")
            if home.startswith("~"):  # no home to put it in
                return None
            places = ("Library", "Caches") if sys.platform == "darwin" else (".cache",)
            base = os.path.join(home, *places)
    return os.path.join(base, "newsclean") if os.path.isabs(base) else None


def _stamp() -> dict[str, Any]:
    """What a file must have been written by to be read: this layout, ``regex`` and Python."""
    engine = getattr(regex, "_regex", None)
    return {
        "format": FORMAT,
        "regex": str(getattr(regex, "__version__", "")),
        "magic": getattr(engine, "MAGIC", None),
        "python": sys.implementation.cache_tag,
    }


def cache_file() -> str | None:
    """The cache file's path (``None`` when off): one per ``regex`` version and Python."""
    folder = cache_dir()
    if folder is None:
        return None
    stamp = _stamp()
    name = f"regex-{stamp['regex']}-{stamp['python']}.json"
    if not all(c.isascii() and (c.isalnum() or c in "._-") for c in name):
        return None
    return os.path.join(folder, name)


def _key(source: str, flags: int) -> bytes:
    """A pattern's key in the file: ASCII, no tab or line break (``ascii`` escapes them)."""
    return ascii((source, flags)).encode("ascii")


def _read(path: str) -> dict[bytes, bytes]:
    """The lines of the file at ``path`` as key -> entry JSON; empty when it is missing, damaged
    or another's. The file is a header line (JSON: the stamp, the checksum and size of the rest),
    then one line per pattern, its key and its entry's JSON apart by a tab; an entry is parsed
    only when its pattern is asked for, so a process pays for the patterns it uses."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError):
        return {}
    head, newline, body = data.partition(b"\n")
    if not newline or len(data) > MAX_FILE_BYTES:
        return {}
    try:
        header = json.loads(head)
    except ValueError:  # (json's errors, a bad UTF-8 byte)
        return {}
    if not isinstance(header, dict) or header.get("stamp") != _stamp():
        return {}
    if header.get("crc32") != binascii.crc32(body) or header.get("size") != len(body):
        return {}
    entries: dict[bytes, bytes] = {}
    for line in body.split(b"\n"):
        key, tab, entry = line.partition(b"\t")
        if tab:
            entries[key] = entry
    return entries


def _loaded() -> dict[bytes, bytes]:
    global _entries, _writable
    if _entries is None:
        with _LOCK:
            if _entries is None:
                path = cache_file()
                if path is None:
                    _writable = False
                _entries = _read(path) if path is not None else {}
    return _entries


def _reducer(pattern: regex.Pattern[Any]) -> tuple[Callable[..., Any], tuple[Any, ...]] | None:
    """``(constructor, data)`` as pickling ``pattern`` would call it, when it has that shape."""
    reduce = copyreg.dispatch_table.get(type(pattern))
    if reduce is None:
        return None
    reduced = reduce(pattern)
    if not (isinstance(reduced, tuple) and len(reduced) == 2 and callable(reduced[0])):
        return None
    if not isinstance(reduced[1], tuple):
        return None
    return reduced


def _is_int(value: object) -> bool:
    return type(value) is int


def _ints(values: Any) -> bool:
    return all(type(v) is int for v in values)


def _names(group_index: Any) -> bool:
    """A pattern's group names: name -> group number."""
    if not isinstance(group_index, dict):
        return False
    return all(isinstance(name, str) and _is_int(number) for name, number in group_index.items())


def _to_entry(pattern: regex.Pattern[str]) -> list[Any] | None:
    """A compiled pattern's data as JSON values; ``None`` when it has a shape not handled here
    (named lists, a locale-dependent pattern, a ``regex`` whose data is laid out otherwise)."""
    reduced = _reducer(pattern)
    if reduced is None or len(reduced[1]) != 11:
        return None
    source, flags, code, names, numbers, lists, list_indexes, offset, chars, chars_flags, groups = reduced[1]
    if not (isinstance(source, str) and _ints((flags, offset, chars_flags, groups)) and _names(names)):
        return None
    if flags & regex.LOCALE or lists or list_indexes or not (isinstance(chars, tuple) and _ints(chars)):
        return None
    if not isinstance(numbers, dict) or not _names({name: number for number, name in numbers.items()}):
        return None
    if isinstance(code, bytes):
        packed: Any = binascii.b2a_base64(code, newline=False).decode("ascii")
    elif isinstance(code, list) and _ints(code):
        packed = code
    else:
        return None
    return [source, flags, packed, names, sorted(numbers.items()), offset, list(chars), chars_flags, groups]


def _rebuild(entry: list[Any], source: str) -> regex.Pattern[str] | None:
    """The pattern ``entry`` describes, or ``None`` when the entry is not one (checked field by
    field before ``regex``'s constructor sees it) or describes another source."""
    global _constructor
    if len(entry) != 9:
        return None
    text, flags, packed, names, numbers, offset, chars, chars_flags, groups = entry
    if text != source or not (_ints((flags, offset, chars_flags, groups)) and _names(names)):
        return None
    if not (isinstance(chars, list) and _ints(chars) and isinstance(numbers, list)):
        return None
    if not all(isinstance(pair, list) and len(pair) == 2 for pair in numbers):
        return None
    if not all(_is_int(number) and isinstance(name, str) for number, name in numbers):
        return None
    if isinstance(packed, str):
        try:
            code: Any = binascii.a2b_base64(packed)
        except (binascii.Error, ValueError):
            return None
    elif isinstance(packed, list) and _ints(packed):
        code = packed
    else:
        return None
    if _constructor is None:
        reduced = _reducer(regex.compile(""))
        if reduced is None:
            return None
        _constructor = reduced[0]
    try:
        data: tuple[Any, ...] = (text, flags, code, names, dict(numbers), {}, [], offset, tuple(chars))
        data += (chars_flags, groups)
        pattern = _constructor(*data)
    except Exception:  # a damaged entry that passed every check: compile instead
        return None
    if not isinstance(pattern, regex.Pattern) or pattern.pattern != source or pattern.flags != flags:
        return None
    return pattern


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, rebuilt from the cache file when it holds the pattern.

    For the package's own patterns (a caller's patterns go to ``regex.compile``): a miss is
    compiled and written back at the next :func:`save`.
    """
    if type(source) is not str or regex.DEFAULT_VERSION != _DEFAULT_VERSION:
        return regex.compile(source, flags)
    key = _key(source, int(flags))
    line = _loaded().get(key)
    if line is not None:
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        pattern = _rebuild(entry, source) if isinstance(entry, list) else None
        if pattern is not None:
            return pattern
    pattern = regex.compile(source, flags)
    if _writable:
        made = _to_entry(pattern)
        if made is not None:
            with _LOCK:
                PENDING[key] = json.dumps(made, separators=(",", ":")).encode("ascii")
    return pattern


def save() -> None:
    """Write what this process compiled (when anything) into the cache file, atomically; an
    error only stops this process's writes (a read-only or full disk, no permission)."""
    global _writable
    if not PENDING or not _writable:
        return
    with _LOCK:
        path = cache_file()
        entries = _loaded()
        if path is None:
            _writable = False
            return
        merged = dict(entries)
        for key, entry in PENDING.items():
            if len(merged) >= MAX_PATTERNS:
                break
            merged[key] = entry
        PENDING.clear()
        body = b"\n".join(key + b"\t" + entry for key, entry in merged.items())
        header = {"stamp": _stamp(), "crc32": binascii.crc32(body), "size": len(body)}
        data = json.dumps(header).encode("ascii") + b"\n" + body
        temporary = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(temporary, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        except OSError:
            _writable = False
            try:
                os.unlink(temporary)
            except OSError:
                pass
            return
        entries.update(merged)
