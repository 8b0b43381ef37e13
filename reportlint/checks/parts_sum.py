"""`parts_sum`: the parts of a total may not add up to more than the total.

The wholes and their parts come from the statement model (statements.py). Three forms, chosen by
the params:
- listed (default): "共N…，其中a…，b…" / "9个…中7个…、2个…" — two parts or more; with `single: true`
  the one-part form "共有民警860人，其中党员民警910人".
- `whole` + `parts`: a total followed by its named parts without 其中 ("行政复议14起，维持7起，
  撤回7起"): label patterns for the total and for what counts as its part.
- `table: true`: a .docx table's 合计 row or column, which its cells must make exactly.
Approximate parts count by their lower bound (500余名 adds at least 500); a total that is itself a
lower bound (2000余名) is never exceeded. Parts that may overlap (拘留 / 逮捕) are never summed.
"""

from __future__ import annotations

from ..quantities import format_value
from ..statements import OVERLAPPING_WORDS, named_wholes, statements
from . import Check, Hit, register


@register("parts_sum")
class PartsSum(Check):
    args = ("parts", "sum", "more", "total", "unit")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        named = "whole" in params or "parts" in params
        self.whole = self.regex("whole") if named else None
        self.part = self.regex("parts") if named else None
        self.single = self.require("single", bool, False)
        self.table = self.require("table", bool, False)
        self.overlapping = self.regex("overlapping", OVERLAPPING_WORDS)

    def check(self, doc):
        if self.whole:
            wholes = [w for w in named_wholes(doc, self.whole, self.part) if len(w.parts) >= 2]
        else:
            wholes = [w for w in statements(doc).wholes if w.exhaustive == self.table
                      and (self.table or (len(w.parts) == 1) == self.single)]
        for whole in wholes:
            parts = whole.parts
            if len(parts) > 1 and any(self.overlapping.search(p.label + p.after) for p in parts):
                continue  # one part alone is a subset whatever it names
            total_low = sum(p.low for p in parts)
            if self.table:
                broken = abs(sum(p.value for p in parts) - whole.total.value) > 1e-9
                where = whole.total
            else:
                broken = total_low > whole.total.high + 1e-9 and not some_parts_make_the_whole(parts, whole.total)
                where = parts[0]
            if broken:
                shown = "+".join(format_value(p.low) + ("" if p.exact else "余") for p in parts)
                more = "" if all(p.exact for p in parts) else "以上"
                end = whole.total.end if self.table else parts[-1].end
                yield Hit(where.start, end, {"parts": shown, "sum": format_value(total_low), "more": more,
                                              "total": format_value(whole.total.value), "unit": whole.total.unit})


def some_parts_make_the_whole(parts, whole) -> bool:
    """True when the first parts add up exactly to the whole: 刑事60 + 行政40 = 100, and the 涉黑5
    listed after them is then a subset of one of them, not a third share. Only a leading run
    counts: 维持24、撤销4、确认违法2、终止3 of 31 cases are four shares, whatever 24+4+3 makes."""
    if not whole.exact or not all(p.exact for p in parts):
        return False
    running = 0.0
    for p in parts[:-1]:
        running += p.value
        if abs(running - whole.value) < 1e-9:
            return True
    return False
