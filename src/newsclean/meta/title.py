"""Page titles without the site's name: "Headline | Site", "Site - Headline", "Headline — Site"."""

from __future__ import annotations

from newsclean.lazyre import compile_pattern

# Separators sites put between a headline and their name (spaces around them are required, so
# a hyphenated word or a time range "9-5" is never split).
_SEPARATOR = compile_pattern(r"(?<!\s)\s+(?:[|–—·•»«:]{1,2}|-{1,2}|::)\s+")  # (?<!\s): linear
# A piece this short after the headline is a site name or section even without ``site_name``.
_MAX_SUFFIX_WORDS = 4


_NOT_WORD = compile_pattern(r"[\W_]+")
# Where a title's pieces meet: a site separator, or a colon after a name ("Blog Name: Headline").
_PIECE_BREAK = compile_pattern(_SEPARATOR.pattern + r"|(?<=\w):\s+")


def piece_breaks(title: str) -> list[tuple[int, int]]:
    """The spans of ``title`` between its pieces: separators and "Name: " colons."""
    return [m.span() for m in _PIECE_BREAK.finditer(title)]


def _key(text: str) -> str:
    return str(_NOT_WORD.sub("", text.casefold()))


def _is_site(piece: str, site_name: str | None) -> bool:
    if not site_name:
        return False
    piece_key, site_key = _key(piece), _key(site_name)
    if not piece_key or not site_key:
        return False
    return piece_key == site_key or (len(site_key) >= 4 and (site_key in piece_key or piece_key in site_key))


def clean_title(title: str, *, site_name: str | None = None) -> str:
    """``title`` without a leading or trailing site name (and without surrounding spaces).

    With ``site_name`` any piece that names the site is removed. Without it, only a trailing
    piece after ``|`` (the usual "Headline | Site" form), or a short trailing piece after
    another separator when the headline is clearly longer, is taken for the site's name.
    The headline itself is never emptied.
    """
    title = " ".join(title.split())
    pieces = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    if len(pieces) < 2:
        return title
    kept = [p for p in pieces if not _is_site(p, site_name)]
    if kept and len(kept) < len(pieces):
        # Rebuild with the original separators between the pieces that stay.
        kept_set = set(kept)
        out: list[str] = []
        for index, piece in enumerate(pieces):
            if piece in kept_set:
                if out:
                    out.append(seps[index - 1])
                out.append(piece)
        return "".join(out).strip()
    # Trailing pieces go one at a time while a '|' stands before the last one: a loop over the
    # separators found once, not recursion and re-splitting (a title may hold thousands).
    starts = [m.start() for m in _SEPARATOR.finditer(title)]
    current, count = title, len(pieces)
    while count >= 2:
        sep, last, head = seps[count - 2], pieces[count - 1], title[: starts[count - 2]]
        suffix_words = len(last.split())
        wanted = 2 * suffix_words + 2
        short_suffix = suffix_words <= _MAX_SUFFIX_WORDS and ":" not in sep
        # "»" sets apart a short trailing site name ("Headline » Site"); "Site » Long headline"
        # is a breadcrumb and keeps its headline
        guillemet = "»" in sep and short_suffix and len(head.split(None, suffix_words)) >= suffix_words
        if not ("|" in sep or guillemet or (short_suffix and len(head.split(None, wanted)) >= wanted)):
            return current
        if "|" not in head:
            return head.strip()
        current, count = head, count - 1
    return current
