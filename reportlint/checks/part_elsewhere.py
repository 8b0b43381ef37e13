"""`part_elsewhere`: a required part has no heading of its own, but its content is written
inside another part (found by anchor phrases, see coverage.PartLocator). When neither exists
the structure rules report the missing part, so this kind stays silent."""

from __future__ import annotations

from . import Check, Hit, register
from .coverage import PartLocator


@register("part_elsewhere")
class PartElsewhere(Check):
    args = ("where",)

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.locator = PartLocator.from_params(self, anchors_required=True)

    def check(self, doc):
        found = self.locator.locate(doc)
        if found is not None and not found.dedicated:
            start, end = found.pointer
            yield Hit(start, end, {"where": found.where()})
