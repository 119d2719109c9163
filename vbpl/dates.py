"""Dates in the forms Vietnamese documents write them."""

from __future__ import annotations

import datetime as dt

import regex


def iso_date(match: regex.Match[str] | None) -> tuple[str | None, int | None]:
    """(YYYY-MM-DD or None, year or None) from a match of the grammar's date patterns (no match: no date)."""
    if match is None:
        return None, None
    groups = match.groupdict()
    if groups.get("y"):
        day, month, year = groups["d"], groups["m"], groups["y"]
    elif groups.get("y2"):
        day, month, year = groups["d2"], groups["m2"], groups["y2"]
    elif groups.get("yy"):
        return None, int(groups["yy"])
    else:
        return None, None
    return calendar_date(day, month, int(year)), int(year)


def calendar_date(day: str, month: str, year: int) -> str | None:
    """YYYY-MM-DD of a day, month and year, or None when there is no such day."""
    try:
        return dt.date(year, int(month), int(day)).isoformat()
    except ValueError:
        return None
