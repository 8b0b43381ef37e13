"""`relation`: metric A against metric B in the same sentence or paragraph (破案 ≤ 立案).

A is compared with the nearest B before it (else after it) in the same unit and period;
approximate values compare by their bounds, so 500余起 never makes a finding it cannot prove.
A scope that explains an excess (含往年积案) is left alone.
"""

from __future__ import annotations

from ..quantities import by_scope
from . import Check, Hit, register

SCOPES = ("sentence", "paragraph")


def require_scope(check: Check) -> str:
    return check.choice("scope", SCOPES, "sentence")


def nearest(target, candidates):
    """The candidate closest before `target`, else the closest after it."""
    before = [q for q in candidates if q.end <= target.start]
    if before:
        return before[-1]
    after = [q for q in candidates if q.start >= target.end]
    return after[0] if after else None


# op -> "A breaks it against B", by bounds: only what the numbers prove.
BROKEN = {
    "<=": lambda a, b: a.low > b.high,
    "<": lambda a, b: a.low >= b.high,
    ">=": lambda a, b: a.high < b.low,
    ">": lambda a, b: a.high <= b.low,
    "==": lambda a, b: a.low > b.high or a.high < b.low,
}


@register("relation")
class Relation(Check):
    args = ("a_label", "a", "b_label", "b")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.a = self.regex("a")
        self.b = self.regex("b")
        self.op = self.choice("op", tuple(BROKEN), "<=")
        self.scope = require_scope(self)
        # Words that say the excess is explained (含往年积案): the pair is then not compared.
        self.unless = self.regex("unless", "积案|往年|历年|以前年度|结转|旧存")

    def check(self, doc):
        for group in by_scope(doc, self.scope):
            first = group[0]
            where = doc.sentences[first.sentence].text if self.scope == "sentence" else doc.line(first.line).text
            if self.unless.search(where):
                continue
            # a label that names A (主办提案) is A even when B's pattern also matches it (提案)
            a_side = [q for q in group if not q.is_percent and self.a.search(q.label)]
            b_side = [q for q in group if not q.is_percent and self.b.search(q.label) and q not in a_side]
            for a in a_side:
                b = nearest(a, [q for q in b_side if q.family == a.family and q.periods == a.periods])
                if b is not None and BROKEN[self.op](a, b):
                    yield Hit(a.start, a.end, {"a_label": a.label, "a": a.text, "b_label": b.label, "b": b.text})
