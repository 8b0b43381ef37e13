"""`unused_suppression`: the problems of reportlint's own directives in a draft.

`reports` names which: `unused` (a directive that suppressed nothing, names no rule, or an
enable that closes nothing), `misspelled` (a look-alike that is no directive, so suppresses
nothing), `blanket` (a directive naming no rule: it hides every rule). The findings come from
the engine's suppression pass (reportlint/suppress.py), which runs after every other rule;
the kind itself reads nothing from the document."""

from __future__ import annotations

from . import Check, register


@register("unused_suppression")
class UnusedSuppression(Check):
    args = ("directive", "rule", "problem")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.reports = self.choice("reports", ("unused", "misspelled", "blanket"), "unused")

    def check(self, doc):
        return ()
