"""Time-zone abbreviations as data, and the two daylight-saving rules news pages rely on.

Abbreviations map to a fixed UTC offset in minutes. A few are ambiguous in the wild; the pick
here is the one news pages use most, and it is written next to the entry. The generic North
American names (``ET``, ``CT``, ``MT``, ``PT``) carry no season, so their offset follows the
US daylight-saving rule for the date they come with.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Fixed offsets in minutes east of UTC, keyed by the upper-case abbreviation.
# fmt: off  (one region a line reads better than one zone a line)
FIXED_ZONES: dict[str, int] = {
    # Universal
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "Z": 0,
    # Europe
    "WET": 0,
    "WEST": 60,
    "BST": 60,
    "IST": 330,  # IST: India (far more common than Irish/Israel)
    "CET": 60,
    "CEST": 120,
    "MEZ": 60,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "МСК": 180,
    "MSD": 240,
    "TRT": 180,
    # Africa and the Middle East
    "WAT": 60,
    "CAT": 120,
    "SAST": 120,
    "EAT": 180,
    "GST": 240,
    # Asia and Oceania
    "PKT": 300,
    "ICT": 420,
    "WIB": 420,
    "HKT": 480,
    "SGT": 480,
    "PHT": 480,
    "AWST": 480,
    "JST": 540,
    "KST": 540,
    "ACST": 570,
    "ACDT": 630,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    # The Americas (CST is read as US Central, not China Standard Time)
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
    "ADT": -180,
    "NST": -210,
    "NDT": -150,
    "BRT": -180,
    "ART": -180,
}
# fmt: on

#: Seasonless North American names: standard offset in minutes (one hour more under DST).
US_GENERIC_ZONES: dict[str, int] = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}


def _nth_sunday(year: int, month: int, n: int) -> date:
    """The n-th Sunday of a month (n = -1 for the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def us_dst(day: date) -> bool:
    """Whether US daylight saving time is in force on ``day`` (rules of 1987-2006 and 2007-)."""
    if day.year >= 2007:
        start, end = _nth_sunday(day.year, 3, 2), _nth_sunday(day.year, 11, 1)
    else:
        start, end = _nth_sunday(day.year, 4, 1), _nth_sunday(day.year, 10, -1)
    return start <= day < end


def zone_offset(name: str, day: date) -> int | None:
    """Offset in minutes for an upper-case zone abbreviation on ``day``; ``None`` if unknown."""
    if name in FIXED_ZONES:
        return FIXED_ZONES[name]
    if name in US_GENERIC_ZONES:
        return US_GENERIC_ZONES[name] + (60 if us_dst(day) else 0)
    return None


#: Every abbreviation the parser recognises, longest first so that "CEST" wins over "CET".
ZONE_NAMES: tuple[str, ...] = tuple(
    sorted((n for n in (*FIXED_ZONES, *US_GENERIC_ZONES) if n != "Z"), key=len, reverse=True)
)
