"""`title`: the draft opens with a title line naming the document type (…报告, …汇报),
above the addressee (GB/T 9704-2012 标题). The title block is read by the document map."""

from __future__ import annotations

from ..docmap import title
from . import Check, Hit, register


@register("title")
class TitlePresent(Check):
    args = ()

    def check(self, doc):
        if not doc.paragraphs or title(doc):
            return
        first = doc.paragraphs[0]  # the title belongs above everything: point at the top
        yield Hit(first.content_start, first.end, {})
