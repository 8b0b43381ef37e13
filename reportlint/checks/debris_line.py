"""`debris_line`: a line copied from a web page's frame around the report (navigation, page
counters, "浏览次数 / 来源 / 字号", "关闭窗口").

A line counts as debris when it holds a marker (`phrases`, literal, found with the shared
phrase automaton; or `patterns`, regular expressions) outside quotation marks, is not a
heading, and holds no sentence (no 。！？): "专栏浏览次数达12万次。" and "推行“关闭窗口”式
服务" are report text.

`blocks` are regular expressions a whole line must match, or a run of short consecutive
lines joined by line breaks (which a space class spans): the copy often splits one strip of
page furniture into one line per word (【字号：/加大/还原/减小/】, 首页/>/政务信息/>/要闻,
来源：/日报). Every line of a run a block matches is debris. One finding per
line, spanning it; `fix: delete-line` removes it."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

from .. import patterns
from . import Check, Hit, ParamError, compile_regex, register
from .phrases import SHARED, SharesPhrases

SENTENCE_END = patterns.compile(r"[。！？]")
# A line of a split strip is one word or field of it; a longer line is text.
BLOCK_LINE_MAX = 40
MARKER_SHOWN = 30


@register("debris_line")
class DebrisLine(SharesPhrases, Check):
    args = ("marker", "line")
    fixes = True

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.phrases = frozenset(self.string_list("phrases", []))
        self.share(self.phrases)
        self.patterns = [compile_regex(f"params.patterns[{i}]", source, regex.MULTILINE)
                         for i, source in enumerate(self.string_list("patterns", []))]
        # a block starts at a line's start and ends at a line's end
        self.blocks = [compile_regex(f"params.blocks[{i}]", f"(?<![^\n])(?:{source})(?![^\n])", regex.DOTALL)
                       for i, source in enumerate(self.string_list("blocks", []))]
        if not self.phrases and not self.patterns and not self.blocks:
            raise ParamError("params.phrases", "phrases、patterns 与 blocks 至少要有一项")

    def markers(self, doc):
        """(start, end) of every marker, in text order."""
        found = [(s, e) for s, e, _ in SHARED.find(doc, self.phrases)]
        for pattern in self.patterns:
            found += [m.span() for m in pattern.finditer(doc.text) if m.end() > m.start()]
        return sorted(found)

    def candidate(self, line, headings) -> bool:
        """A line that may be page furniture: short, no sentence, not a heading."""
        return (not line.blank and len(line.content) <= BLOCK_LINE_MAX and line.number not in headings
                and not SENTENCE_END.search(line.content))

    def block_lines(self, doc, headings) -> dict[int, str]:
        """Line number -> the furniture text it belongs to, for runs of lines matching `blocks`.
        Each stretch of consecutive candidate lines is scanned once per block."""
        out: dict[int, str] = {}
        stretch: list = []
        for line in [*doc.lines, None]:
            if line is not None and line.blank:
                continue  # a blank line does not end a strip
            if line is not None and self.candidate(line, headings):
                stretch.append(line)
                continue
            if stretch:
                self.scan(stretch, out)
            stretch = []
        return out

    def scan(self, stretch, out: dict[int, str]) -> None:
        text = "\n".join(line.content for line in stretch)
        starts = list(accumulate((len(line.content) + 1 for line in stretch[:-1]), initial=0))
        for block in self.blocks:
            for m in block.finditer(text):
                if m.end() > m.start():
                    first, last = bisect_right(starts, m.start()) - 1, bisect_right(starts, m.end() - 1) - 1
                    for line in stretch[first:last + 1]:
                        out.setdefault(line.number, m.group().replace("\n", " "))

    def check(self, doc):
        headings = {h.line.number for h in doc.headings}
        debris: dict[int, str] = self.block_lines(doc, headings) if self.blocks else {}
        for start, end in self.markers(doc):
            number = doc.position(start)[0]
            line = doc.line(number)
            before = doc.text[line.start:start]
            if (number in debris or number in headings or SENTENCE_END.search(line.content)
                    or before.count("“") > before.count("”")):
                continue
            debris[number] = doc.text[start:end]
        for number in sorted(debris):
            line = doc.line(number)
            marker = debris[number]
            if len(marker) > MARKER_SHOWN:
                marker = marker[:MARKER_SHOWN] + "…"
            yield Hit(line.content_start, line.end, {"marker": marker, "line": number},
                      self.edits(doc, line.content_start, line.end))
