"""`debris_line`: a line copied from a web page's frame around the report (navigation, page
counters, "浏览次数 / 来源 / 字号", "关闭窗口").

A line counts as debris when it holds a marker (`phrases`, literal, found with the shared
phrase automaton; or `patterns`, regular expressions) outside quotation marks, is not a
heading, and holds no sentence (no 。！？): "专栏浏览次数达12万次。" and "推行“关闭窗口”式
服务" are report text. One finding per line, spanning it; `fix: delete-line` removes it."""

from __future__ import annotations

import regex

from . import Check, Hit, ParamError, compile_regex, register
from .pattern import TIMEOUT_SECONDS
from .phrases import SHARED

SENTENCE_END = regex.compile(r"[。！？]")


@register("debris_line")
class DebrisLine(Check):
    args = ("marker", "line")
    fixes = True

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.phrases = frozenset(self.string_list("phrases", []))
        SHARED.add(self.phrases)
        self.patterns = [compile_regex(f"params.patterns[{i}]", source, regex.MULTILINE)
                         for i, source in enumerate(self.string_list("patterns", []))]
        if not self.phrases and not self.patterns:
            raise ParamError("params.phrases", "phrases 与 patterns 至少要有一项")

    def markers(self, doc):
        """(start, end) of every marker, in text order."""
        found = [(s, e) for s, e, _ in SHARED.find(doc, self.phrases)]
        for pattern in self.patterns:
            found += [m.span() for m in pattern.finditer(doc.text, timeout=TIMEOUT_SECONDS) if m.end() > m.start()]
        return sorted(found)

    def check(self, doc):
        headings = {h.line.number for h in doc.headings}
        reported = set()
        for start, end in self.markers(doc):
            number = doc.position(start)[0]
            line = doc.line(number)
            before = doc.text[line.start:start]
            if (number in reported or number in headings or SENTENCE_END.search(line.content)
                    or before.count("“") > before.count("”")):
                continue
            reported.add(number)
            yield Hit(line.content_start, line.end, {"marker": doc.text[start:end], "line": number},
                      self.edits(doc, line.content_start, line.end))
