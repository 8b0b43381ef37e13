"""`part_mentions`: a statutory part, when present, says what its title promises — e.g. the
shortfalls part gives the causes (原因), not only the shortfalls."""

from __future__ import annotations

from ..docmap import part_finder
from ..phrasescan import PhraseScanner
from ..structure import part_specs
from . import Check, Hit, ParamError, register
from .phrases import find_all


@register("part_mentions")
class PartMentions(Check):
    args = ("part",)

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        specs = part_specs(self)
        self.finder = part_finder(specs)
        short = self.require("part", str)
        names = [s.short for s in specs]
        if short not in names:
            raise ParamError("params.part", f"应为 parts 中某部分的 short：{'、'.join(names)}")
        self.index = names.index(short)
        self.auto = PhraseScanner(self.string_list("mentions"))

    def check(self, doc):
        for part in self.finder.find(doc):
            if part.index != self.index or not part.top:
                continue
            # the part's text after its title: a title that promises 原因 does not give them
            start = part.heading.title_end if part.heading else part.line.end
            end = doc.line(part.last_line).end
            if not any(True for _ in find_all(self.auto, doc.text[start:end])):
                yield Hit(part.start, part.end, {"part": part.label})
