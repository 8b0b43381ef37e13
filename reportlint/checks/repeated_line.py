"""`repeated_line`: the same line (at least `min_length` characters) written twice."""

from __future__ import annotations

from . import Check, Hit, register


@register("repeated_line")
class RepeatedLine(Check):
    args = ("first_line", "length")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.min_length = self.require("min_length", int, 10)

    def check(self, doc):
        first: dict[str, int] = {}
        headings = {h.line.number for h in doc.headings}  # a plan may repeat a heading on purpose
        for line in doc.paragraphs:
            text = line.content
            if len(text) < self.min_length or line.number in headings:
                continue
            if text in first:
                yield Hit(line.content_start, line.end, {"first_line": first[text], "length": len(text)})
            else:
                first[text] = line.number
