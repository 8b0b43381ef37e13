"""`signoff`: the draft ends with the issuing organ's name and the signing date
(GB/T 9704-2012 发文机关署名、成文日期), before any attachment."""

from __future__ import annotations

from .. import patterns
from ..docmap import main_end, signoff
from . import Check, Hit, register

SENTENCE_END = patterns.compile(r"[。！？!?]")


@register("signoff")
class SignoffPresent(Check):
    args = ("missing",)

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.organ_endings = self.string_list("organ_endings")

    def check(self, doc):
        main = [p for p in doc.paragraphs if p.number <= main_end(doc)]
        if not main:
            return
        found = signoff(doc, self.organ_endings)
        if found.organ and found.date:
            return
        if found.date:
            line, missing = found.date_line, "发文机关署名"
        elif found.organ:
            line, missing = found.organ, "成文日期"
        else:  # below the body's last sentence, not under a web page's footer (关闭窗口)
            sentences = [p for p in main if SENTENCE_END.search(p.content)]
            line, missing = (sentences or main)[-1], "发文机关署名和成文日期"
        yield Hit(line.content_start, line.end, {"missing": missing})
