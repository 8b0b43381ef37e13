"""`pairs`: quotes and brackets that open and close within one paragraph.

A paragraph is a line, except where the copy split one line into fragments (a web page's
link or highlight becomes a line of its own: …成果找市场“双向 / 揭榜 / 挂帅”的简称…, or
【字号： / 加大 / 还原 / 减小 / 】): an open pair is carried over a line break next to a short
fragment, so that the pair closed a few lines on is no defect."""

from __future__ import annotations

import regex

from .. import patterns
from . import Check, Hit, ParamError, register

DEFAULT_PAIRS = ["“”", "‘’", "（）", "《》", "【】"]
FRAGMENT_MAX = 8  # characters of a line that is a fragment of its neighbours, not a paragraph
CARRY_MAX = 8  # line breaks an open pair is carried over


@register("pairs")
class Pairs(Check):
    args = ("open", "close", "problem")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        pairs = self.string_list("pairs", DEFAULT_PAIRS)
        for i, pair in enumerate(pairs):
            if len(pair) != 2 or pair[0] == pair[1]:
                raise ParamError(f"params.pairs[{i}]", "每项应为两个不同的字符：开符号与闭符号，如 “”")
        self.closer = {p[0]: p[1] for p in pairs}
        self.opener = {p[1]: p[0] for p in pairs}
        # one scan over the text for the pair characters and line breaks (a paragraph is a line)
        self.marks = patterns.compile("[\n" + regex.escape("".join(pairs)) + "]")

    def check(self, doc):
        stack: list[tuple[str, int]] = []
        carried = 0
        headings = {h.line.number for h in doc.headings}
        for m in self.marks.finditer(doc.text + "\n"):
            ch, offset = m.group(), m.start()
            if ch == "\n":
                if stack and carried < CARRY_MAX and offset < len(doc.text) and self.split_here(doc, offset, headings):
                    carried += 1
                    continue
                for opener, at in stack:
                    yield self.unclosed(opener, at)
                stack, carried = [], 0
            elif ch in self.closer:
                stack.append((ch, offset))
            elif stack and stack[-1][0] == self.opener[ch]:
                stack.pop()
            elif any(o == self.opener[ch] for o, _ in stack):
                # close the matching opener; the ones above it were never closed
                while stack[-1][0] != self.opener[ch]:
                    yield self.unclosed(*stack.pop())
                stack.pop()
            else:
                yield self.stray(ch, offset)

    @staticmethod
    def split_here(doc, offset, headings) -> bool:
        """Whether the line break at `offset` splits fragments of one line: the line it ends or
        the next one is short; neither is blank, and the next one starts no heading."""
        number = doc.position(offset)[0]
        if number >= len(doc.lines):
            return False
        ended, following = doc.line(number), doc.line(number + 1)
        if ended.blank or following.blank or following.number in headings:
            return False
        return (len(following.content) <= FRAGMENT_MAX
                or (len(ended.content) <= FRAGMENT_MAX and ended.number not in headings))

    def stray(self, closer, offset):
        opener = self.opener[closer]
        return Hit(offset, offset + 1, {"open": opener, "close": closer,
                                        "problem": f"多出的「{closer}」，本段此前没有与之配对的「{opener}」"})

    def unclosed(self, opener, offset):
        close = self.closer[opener]
        return Hit(offset, offset + 1, {"open": opener, "close": close,
                                        "problem": f"「{opener}」在本段内没有闭合，缺少「{close}」"})
