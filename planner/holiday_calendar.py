"""Public holidays for a country, from the optional ``holidays`` package.

Imported only when the reader chooses a country: the package is large and slow to import in
the browser, and the rest of the planner works without it.
"""

from __future__ import annotations

import datetime as dt
import re

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


class HolidayLookupError(ValueError):
    """The country's holidays cannot be had; the message says why and what to do."""


def public_holidays(country: str, years: range) -> frozenset[dt.date]:
    try:
        import holidays  # deliberately lazy: see the module docstring
    except ImportError as exc:
        raise HolidayLookupError(
            "Skipping public holidays needs the optional 'holidays' package "
            "(pip install 'planner[holidays]'); leave the country empty to plan without it."
        ) from exc
    try:
        found = holidays.country_holidays(country, years=list(years))
    except NotImplementedError as exc:
        raise HolidayLookupError(
            f"No public-holiday calendar is known for '{country}'. Use a two-letter country code "
            "such as GB, US, DE or FR, or leave it empty."
        ) from exc
    return frozenset(found.keys())
