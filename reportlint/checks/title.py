"""`title`: the draft opens with a title line naming the document type (…报告, …汇报),
above the addressee (GB/T 9704-2012 标题)."""

from __future__ import annotations

from ..structure import head, title
from . import Check, Hit, register


@register("title")
class TitlePresent(Check):
    args = ()

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.doc_types = self.string_list("doc_types")

    def check(self, doc):
        if not doc.paragraphs or title(doc, self.doc_types):
            return
        line = head(doc).addressee or doc.paragraphs[0]
        yield Hit(line.content_start, line.end, {})
