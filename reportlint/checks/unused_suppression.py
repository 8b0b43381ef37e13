"""`unused_suppression`: a reportlint-disable directive that suppressed nothing.

Its findings come from the engine's suppression pass (reportlint/suppress.py), which runs
after every other rule; the kind itself reads nothing from the document."""

from __future__ import annotations

from . import Check, register


@register("unused_suppression")
class UnusedSuppression(Check):
    args = ("directive", "rule", "problem")

    def check(self, doc):
        return ()
