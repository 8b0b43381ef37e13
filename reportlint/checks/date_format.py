"""`date_format`: the signing date in Arabic numerals, full year, no leading zeros
(GB/T 9704-2012: 2021年1月29日)."""

from __future__ import annotations

from ..docmap import signing_date
from . import Check, Hit, register


@register("date_format")
class DateFormat(Check):
    args = ("date", "canonical")

    def check(self, doc):
        date = signing_date(doc)
        if date is not None and not date.well_formed:
            yield Hit(date.start, date.end, {"date": date.text, "canonical": date.canonical})
