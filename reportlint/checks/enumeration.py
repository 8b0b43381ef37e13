"""`enumeration`: 一是…二是…三是 (or 一要…二要…) within one block run without gap or repeat."""

from __future__ import annotations

from ..numerals import int_to_cn
from ..structure import sequence_problems
from . import Check, Hit, register

PROBLEMS = {"gap": "之前缺少“{expected}”", "repeat": "重复，此处应为“{expected}”",
            "backwards": "排在“{previous}”之后，顺序颠倒"}


@register("enumeration")
class EnumerationSequence(Check):
    args = ("marker", "problem")

    def check(self, doc):
        for block in doc.enumerations:
            if block.items[0].ordinal != 1:
                continue  # a block that does not open with 一是 may continue text we cannot see
            for p in sequence_problems([item.ordinal for item in block.items]):
                item = block.items[p.index]
                expected = int_to_cn(p.expected) + block.suffix
                previous = int_to_cn(p.expected - 1) + block.suffix
                problem = PROBLEMS[p.problem].format(expected=expected, previous=previous)
                yield Hit(item.start, item.start + len(item.marker), {"marker": item.marker, "problem": problem})
