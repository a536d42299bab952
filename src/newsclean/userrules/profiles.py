"""Site profiles: rules files named after a host, looked up by the page's host."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from newsclean.userrules.rulesfile import UserRules

#: The built-in site profiles: one rules file per site, named after its host.
PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"
PROFILE_SUFFIX = ".toml"


@lru_cache(maxsize=64)
def _listing(folder: str) -> frozenset[str]:
    try:
        return frozenset(p.name for p in Path(folder).iterdir() if p.name.endswith(PROFILE_SUFFIX))
    except OSError:
        return frozenset()


def find_profile(folder: str | Path, host: str) -> Path | None:
    """The most specific profile for ``host`` in ``folder``: ``host.toml``, then each parent
    domain's ``example.com.toml`` (host and subdomains) or ``.example.com.toml`` (subdomains)."""
    names = _listing(str(folder))
    if not names:
        return None
    labels = host.split(".")
    for n in range(len(labels) - 1):
        domain = ".".join(labels[n:])
        for name in (f"{domain}{PROFILE_SUFFIX}", *((f".{domain}{PROFILE_SUFFIX}",) if n else ())):
            if name in names:
                return Path(folder, name)
    return None


@lru_cache(maxsize=256)
def load_profile(path: str, builtin: bool) -> UserRules:
    return UserRules.from_file(path, builtin=builtin, profile=True)


def profile_rules(host: str | None, folders: Iterable[str], builtin: bool) -> UserRules:
    """The profile for ``host``: from the first of ``folders`` that has one, else built in."""
    if host is None:
        return UserRules()
    for folder in folders:
        found = find_profile(folder, host)
        if found is not None:
            return load_profile(str(found), False)
    if builtin:
        found = find_profile(PROFILES_DIR, host)
        if found is not None:
            return load_profile(str(found), True)
    return UserRules()


def builtin_profiles() -> list[Path]:
    """Every built-in profile file."""
    return sorted(PROFILES_DIR / name for name in _listing(str(PROFILES_DIR)))
