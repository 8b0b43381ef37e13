"""`restated_metric`: the same metric stated twice in one draft with different values.

The finding points at the second statement and names the first. What counts as the same metric
is the statement model's (statements.restatable): a rate by its label after dropping 类/性/的
(伤害类案件结案率 = 伤害性案件结案率), or with `stock: true` a stock count (全局共有民警528人 /
全局518名民警). Silent when either sentence names a period of its own (上年, 同比, 1月份 … — the
report year itself is no other period) or a target (力争, 确保 …), after 其中, when the scopes
differ, when either value is approximate, when one value is the other rounded (96% / 96.2%), and
for short generic labels (满意率) that different sections use for different things.
"""

from __future__ import annotations

from ..quantities import format_value
from ..statements import DEFAULT_PERIODS, DEFAULT_TARGETS, restatable, statements
from . import Check, Hit, register


@register("restated_metric")
class RestatedMetric(Check):
    args = ("label", "first", "first_line", "value")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.stock = self.require("stock", bool, False)
        self.label = self.regex("label", r"率$")
        self.min_length = self.require("min_length", int, 5)
        self.periods = self.regex("periods", DEFAULT_PERIODS)
        self.targets = self.string_list("targets", DEFAULT_TARGETS)
        # rates that every service has (群众满意率): two values are two services, not a contradiction
        self.generic = self.regex("generic", None)

    def check(self, doc):
        st = statements(doc)
        seen: dict[tuple[str, str], list] = {}
        for q in doc.quantities:
            key = restatable(doc, q, self.label, self.min_length, self.periods, self.targets, self.generic,
                             self.stock)
            if not key:
                continue
            earlier = seen.setdefault((key, q.family), [])
            for first in earlier:
                if first.scope and q.scope and first.scope != q.scope or st.region(first) != st.region(q):
                    continue
                if differ(first, q):
                    first_said = first.label + first.text if first.label else first.scope + first.text + key
                    yield Hit(q.start, q.end, {"label": q.label or key, "first": first_said,
                                               "first_line": first.line, "value": format_value(q.value) + q.unit})
                    break
            earlier.append(q)


def differ(a, b) -> bool:
    """Different values, not one stated more precisely than the other: 96% and 96.2% agree
    (96.2 rounds or truncates to 96), 85% and 95% do not."""
    return abs(a.value - b.value) >= 10 ** -min(a.decimals, b.decimals) - 1e-9
