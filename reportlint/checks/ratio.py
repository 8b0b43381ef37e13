"""`ratio`: a stated percentage must agree with the counts it summarises, to its precision.

Two forms (params.form):
- share: "…217项，占所有办事事项的98%" — the part is the count right before the
  percentage, the whole is the count in the same paragraph named by the words after 占
  (or the total before 其中 for "占总数").
- rate: "受理2241起，办结1179起，办结率52.6%" — rate, part and whole are label patterns.
A percentage agrees when it is a/b rounded or truncated to its decimals: 217/222 = 97.7%
stated as 98% is silent. Approximate counts are never divided.
"""

from __future__ import annotations

import regex

from ..quantities import by_scope, format_value
from . import Check, Hit, register
from .relation import nearest, require_scope

SHARE = regex.compile(r"占(?!比)(?P<whole>[^，,；;。]*?)(?:的|之)?(?:比重|比例)?$")
# "占总数的": the whole is the total the sentence opened with (…N起，其中…).
GENERIC_WHOLE = regex.compile(r"^(?:总数|总量|全部|总体|总|全部案件|)$")
FORMS = ("share", "rate")


@register("ratio")
class Ratio(Check):
    args = ("part", "whole", "actual", "stated")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.form = self.choice("form", FORMS)
        if self.form == "rate":
            self.rate = self.regex("rate")
            self.part = self.regex("part")
            self.whole = self.regex("whole")
        self.scope = require_scope(self)

    def check(self, doc):
        groups = by_scope(doc, self.scope)
        for group in groups:
            for pct in group:
                if not pct.is_percent or not pct.exact:
                    continue
                pair = self.share(doc, pct) if self.form == "share" else self.rate_pair(pct, group)
                if pair is None:
                    continue
                part, whole = pair
                if not (part.exact and whole.exact and whole.value > 0) or part.family != whole.family:
                    continue
                if not part.periods == whole.periods == pct.periods:
                    continue  # 去年受理…，今年办结…: counts of different periods are not divided
                actual = 100 * part.value / whole.value
                if abs(actual - pct.value) >= 10 ** -pct.decimals - 1e-9:
                    shown = f"{actual:.{pct.decimals + 1}f}"
                    args = {"part": format_value(part.value), "whole": format_value(whole.value),
                            "actual": shown, "stated": pct.text}
                    yield Hit(pct.start, pct.end, args)

    def share(self, doc, pct):
        m = SHARE.search(pct.before)
        if not m:
            return None
        sentence = [q for q in doc.quantities if q.sentence == pct.sentence]
        before = [q for q in sentence if q.end <= pct.start and not q.is_percent]
        if not before:
            return None
        part = before[-1]
        if doc.text[part.end:pct.start - len(pct.before)].strip() not in ("", "，", ","):
            return None  # the percentage must follow its count directly: "217项，占…"
        name = m.group("whole")
        if GENERIC_WHOLE.match(name):
            wholes = [q for q in before[:-1] if q.family == part.family
                      and "其中" in doc.text[q.end:part.start]]
            return (part, wholes[-1]) if wholes else None
        paragraph = [q for q in doc.quantities if q.line == pct.line and q is not part]
        wholes = [q for q in paragraph if q.family == part.family and (q.label.endswith(name) or
                                                                       q.after.startswith(name))]
        return (part, wholes[0]) if len(wholes) == 1 else None

    def rate_pair(self, pct, group):
        if not self.rate.search(pct.label):
            return None
        parts = [q for q in group if q.end <= pct.start and not q.is_percent and self.part.search(q.label)]
        if not parts:
            return None
        part = parts[-1]
        whole = nearest(part, [q for q in group if q is not part and q.family == part.family
                               and not q.is_percent and self.whole.search(q.label)])
        return (part, whole) if whole is not None else None
