"""`restated_metric`: the same metric stated twice in one draft with different values.

The finding points at the second statement and names the first. Labels match after dropping
类/性/的 (伤害类案件结案率 = 伤害性案件结案率) and a whole-unit scope word (全局, 全市) when only
one statement has it. Silent when either sentence names a period of its own (上年, 同比, 1月份 …)
or a target (力争, 确保 …), after 其中 (a part, not the whole), when the scopes differ, when either
value is approximate, when one value is the other rounded (96% / 96.2%), and for short generic
labels (满意率) that different sections use for different things.
"""

from __future__ import annotations

import regex

from ..quantities import format_value
from . import Check, Hit, register

VARIANT_CHARS = regex.compile(r"[类性的]")
DEFAULT_PERIODS = (r"上一?年|去年|前年|同比|环比|同期|上半年|下半年|季度"
                   r"|[0-9一二三四五六七八九十]月|[上本当某每]月|月份|月度")
DEFAULT_TARGETS = ["力争", "争取", "确保", "目标", "计划", "预计", "预期", "要求", "不低于"]


@register("restated_metric")
class RestatedMetric(Check):
    args = ("label", "first", "first_line", "value")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.label = self.regex("label", r"率$")
        self.min_length = self.require("min_length", int, 5)
        self.periods = self.regex("periods", DEFAULT_PERIODS)
        self.targets = self.string_list("targets", DEFAULT_TARGETS)
        # rates that every service has (群众满意率): two values are two services, not a contradiction
        self.generic = self.regex("generic", None)

    def check(self, doc):
        seen: dict[tuple[str, str], list] = {}
        for q in doc.quantities:
            if not q.exact or q.sentence < 0 or not self.label.search(q.label):
                continue
            if self.generic and self.generic.search(q.label):
                continue
            key = VARIANT_CHARS.sub("", q.label)
            sentence = doc.sentences[q.sentence]
            if len(key) < self.min_length or self.qualified(q, sentence.text):
                continue
            if "其中" in doc.text[sentence.start:q.start]:
                continue  # 其中…率: a part of what was stated before, not the same scope
            earlier = seen.setdefault((key, q.family), [])
            for first in earlier:
                if first.scope and q.scope and first.scope != q.scope:
                    continue
                if differ(first, q):
                    yield Hit(q.start, q.end, {"label": q.label, "first": first.label + first.text,
                                               "first_line": first.line, "value": format_value(q.value) + q.unit})
                    break
            earlier.append(q)

    def qualified(self, q, sentence: str) -> bool:
        """True when the sentence names a period of its own (上年, 同比, 9月) or states a target."""
        return bool(q.periods) or bool(self.periods.search(sentence)) or any(w in sentence for w in self.targets)


def differ(a, b) -> bool:
    """Different values, not one stated more precisely than the other: 96% and 96.2% agree
    (96.2 rounds or truncates to 96), 85% and 95% do not."""
    return abs(a.value - b.value) >= 10 ** -min(a.decimals, b.decimals) - 1e-9
