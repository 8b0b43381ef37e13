"""`parts_sum`: the parts of a total may not add up to more than the total.

Two forms, chosen by the params:
- `intro` (default): "共N…，其中a、b、c". The whole is the quantity right before the
  introduction (其中, or 中 as in "9个市局中7个优秀、2个达标"); the parts are the
  quantities that follow in the same unit, listed with 、 or, across a comma, when they
  name the same kind of thing (城区派出所 / 农村派出所).
- `whole` + `parts`: a total followed by its named parts without 其中 ("行政复议14起，
  维持7起，撤回7起"): label patterns for the total and for what counts as its part.
Approximate parts count by their lower bound (500余名 adds at least 500); a total that is
itself a lower bound (2000余名) is never exceeded.
"""

from __future__ import annotations

from itertools import combinations

import regex

from ..quantities import by_scope, format_value
from . import Check, Hit, register

# Across a comma a clause that opens like this reports something else, not another part.
NOT_A_PART = regex.compile(r"^\s*(?:已|均|共|另|并|还|同时|此外|合计|累计|总计|其中|全部|办结|涉及|占)")
UNCOUNTED_UNITS = ("%", "个百分点", "百分点")
# Parts that may overlap: stages one person or case goes through (刑事拘留 / 逮捕), outcomes
# (发现隐患 / 整改到位) and activities. When any part's words match, nothing is summed.
OVERLAPPING = r"拘留|逮捕|批捕|起诉|判决|参加|参与|整改|办结|化解|完成|落实|到位"
CLAUSE_END = regex.compile(r"[；;]")


@register("parts_sum")
class PartsSum(Check):
    args = ("parts", "sum", "more", "total", "unit")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        named = "whole" in params or "parts" in params
        self.whole = self.regex("whole") if named else None
        self.part = self.regex("parts") if named else None
        self.intro = None if named else self.regex("intro", r"其中|中$")
        self.overlapping = self.regex("overlapping", OVERLAPPING)

    def check(self, doc):
        for group in by_scope(doc, "sentence"):
            for i, whole in enumerate(group[:-1]):
                if whole.unit in UNCOUNTED_UNITS:
                    continue
                following = group[i + 1:]
                parts = self.named_parts(doc.text, whole, following) if self.whole else \
                    self.listed_parts(doc.text, whole, following, group[i - 1] if i else None)
                if len(parts) < 2 or any(self.overlapping.search(p.label + p.after) for p in parts):
                    continue
                total_low = sum(p.low for p in parts)
                if total_low > whole.high + 1e-9 and not some_parts_make_the_whole(parts, whole):
                    shown = "+".join(format_value(p.low) + ("" if p.exact else "余") for p in parts)
                    more = "" if all(p.exact for p in parts) else "以上"
                    yield Hit(parts[0].start, parts[-1].end,
                              {"parts": shown, "sum": format_value(total_low), "more": more,
                               "total": format_value(whole.value), "unit": whole.unit})

    def named_parts(self, text, whole, following):
        if not self.whole.search(whole.label) or "其中" in text[whole.end:following[0].start]:
            return []  # with 其中 the listed form reports it
        parts = []
        for q in following:
            if q.family != whole.family or CLAUSE_END.search(text[whole.end:q.start]):
                break
            if not self.part.search(q.label):
                break
            parts.append(q)
        return parts

    def listed_parts(self, text, whole, following, previous):
        first = following[0]
        between = text[whole.end:first.start]
        if first.family != whole.family or CLAUSE_END.search(between) or not self.intro.search(between):
            return []
        if previous and previous.family == whole.family and not CLAUSE_END.search(text[previous.end:whole.start]):
            return []  # 民警464人、辅警52人，其中…: which of them is the whole is unclear
        parts = [first]
        for q in following[1:]:
            gap = text[parts[-1].end:q.start]
            if q.family != whole.family or regex.search(r"[；;]|其中", gap):
                break
            separator = regex.search(r"[、，,]", gap)
            if separator is None:
                break
            if separator.group() != "、":
                same_kind = q.label and first.label and q.label[-1] == first.label[-1]
                if not same_kind or NOT_A_PART.match(q.before):
                    break
            parts.append(q)
        return parts


def some_parts_make_the_whole(parts, whole, limit: int = 12) -> bool:
    """True when some of the parts add up exactly to the whole: 刑事60 + 行政40 = 100, and the
    涉黑5 listed after them is then a subset of one of them, not a third share."""
    if len(parts) > limit or not whole.exact or not all(p.exact for p in parts):
        return False
    values = [p.value for p in parts]
    return any(abs(sum(chosen) - whole.value) < 1e-9
               for size in range(2, len(values)) for chosen in combinations(values, size))
