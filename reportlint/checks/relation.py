"""`relation`: metric A against metric B in the same sentence, paragraph or table row (破案 ≤ 立案).

The pairs come from the statement model (statements.pairs): A is compared with the nearest B
before it (else after it) of the same unit, period and scope (城区 / 农村 are two statements);
in a .docx table, a row is read by its column headers and a column by its row headers.
Approximate values compare by their bounds, so 500余起 never makes a finding it cannot prove.
A scope that explains an excess (含往年积案) is left alone.
"""

from __future__ import annotations

from ..statements import pairs, statements
from . import Check, Hit, register

SCOPES = ("sentence", "paragraph")


def require_scope(check: Check) -> str:
    return check.choice("scope", SCOPES, "sentence")


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
        st = statements(doc)
        for group in st.groups[self.scope] + st.groups["table"]:
            broken = [(a, b) for a, b in pairs(st, group, self.a, self.b) if BROKEN[self.op](a, b)]
            if broken and not self.explained(doc, group[0]):
                for a, b in broken:
                    yield Hit(a.start, a.end, {"a_label": a.label, "a": a.text, "b_label": b.label, "b": b.text})

    def explained(self, doc, first) -> bool:
        """The group's sentence or paragraph says why A exceeds B (含往年积案)."""
        if first.sentence < 0:
            return False
        where = doc.sentences[first.sentence].text if self.scope == "sentence" else doc.line(first.line).text
        return self.unless.search(where) is not None
