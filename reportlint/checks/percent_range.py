"""`percent_range`: a rate or a share cannot exceed 100 %; a change can (增长120%, 上升1.5倍).

Only percentages that state a level (statements.is_level: …率, 占比, 比例, 比重, 占…的) are
checked. A change word exempts the percentage unless it is followed by 至/到, which makes the
percentage a level again: "满意率提高至103%" is still an error.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..quantities import format_value
from ..statements import DEFAULT_CHANGES, is_level
from . import Check, Hit, register


@register("percent_range")
class PercentRange(Check):
    args = ("label", "value")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.rate = self.regex("rate", r"(?:率|占比|比例|比重)$")
        words = self.string_list("changes", DEFAULT_CHANGES)
        # a change word, unless 至/到 follows it: 提高至103% states a level, 提高103% a change
        self.change = patterns.compile("|".join(f"{regex.escape(w)}(?![至到])" for w in words))

    def check(self, doc):
        for q in doc.quantities:
            if q.low <= 100 or not is_level(q, self.rate, self.change):
                continue
            label = "占比" if "占" in q.before or not q.label else q.label
            yield Hit(q.start, q.end, {"label": label, "value": format_value(q.value) + "%"})
