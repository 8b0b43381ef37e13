"""`ratio`: a stated percentage must agree with the counts it summarises, to its precision.

Two forms (params.form), both read from the statement model (statements.py):
- share: "…217项，占所有办事事项的98%", "…171项，占比83.4%", "比例为…", "通过820人次，通过率95.3%"
  — the part is the count right before the percentage, the whole the total it is a part of
  (其中…), the count named after 占, or the one count of its unit before the part.
- rate: "受理2241起，办结1179起，办结率52.6%" — rate, part and whole are label patterns; the rate
  may stand before its counts ("破案率80%，立案100起，破案80起").
A percentage agrees when it is a/b rounded or truncated to its decimals: 217/222 = 97.7%
stated as 98% is silent. Approximate counts are never divided; counts of another period are not.
"""

from __future__ import annotations

from ..quantities import format_value
from ..statements import rate_counts, statements
from . import Check, Hit, register
from .relation import require_scope

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
        st = statements(doc)
        if self.form == "share":
            found = [(s.pct, s.part, s.whole) for s in st.shares]
        else:
            found = []
            for group in st.groups[self.scope]:
                for pct in group:
                    if pct.is_percent and self.rate.search(pct.label):
                        counts = rate_counts(st, pct, group, self.part, self.whole)
                        if counts:
                            found.append((pct, *counts))
        for pct, part, whole in found:
            if not (pct.exact and part.exact and whole.exact and whole.value > 0) or part.family != whole.family:
                continue
            if not st.periods(part) == st.periods(whole) == st.periods(pct):
                continue  # 去年受理…，今年办结…: counts of different periods are not divided
            actual = 100 * part.value / whole.value
            if abs(actual - pct.value) >= 10 ** -pct.decimals - 1e-9:
                shown = f"{actual:.{pct.decimals + 1}f}"
                args = {"part": format_value(part.value), "whole": format_value(whole.value),
                        "actual": shown, "stated": pct.text}
                yield Hit(pct.start, pct.end, args)
