"""`pairs`: quotes and brackets that open and close within one paragraph."""

from __future__ import annotations

import regex

from . import Check, Hit, ParamError, register

DEFAULT_PAIRS = ["“”", "‘’", "（）", "《》", "【】"]


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
        self.marks = regex.compile("[\n" + regex.escape("".join(pairs)) + "]")

    def check(self, doc):
        stack: list[tuple[str, int]] = []
        for m in self.marks.finditer(doc.text + "\n"):
            ch, offset = m.group(), m.start()
            if ch == "\n":
                for opener, at in stack:
                    yield self.unclosed(opener, at)
                stack = []
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

    def stray(self, closer, offset):
        opener = self.opener[closer]
        return Hit(offset, offset + 1, {"open": opener, "close": closer,
                                        "problem": f"多出的「{closer}」，本段此前没有与之配对的「{opener}」"})

    def unclosed(self, opener, offset):
        close = self.closer[opener]
        return Hit(offset, offset + 1, {"open": opener, "close": close,
                                        "problem": f"「{opener}」在本段内没有闭合，缺少「{close}」"})
