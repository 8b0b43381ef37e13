"""`punctuation_width`: half-width , : ; ( ) between Chinese characters.

A draft typed with half-width punctuation throughout gets one finding for the whole
document (`params.mode: document`: hundreds of identical findings help nobody); a draft
that mixes the two gets a finding at each half-width mark (`mode: each`), where it is the
minority. Ship one rule of each mode: exactly one of them can fire on a draft."""

from __future__ import annotations

import regex

from .. import patterns
from . import Check, Hit, ParamError, register

FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
HAN = r"\p{Han}"
# Chinese context: a Han character on one side, and on the other a Han character, a digit
# or %, or Chinese punctuation. 1,146 and 11:47 (digits on both sides) are not Chinese text,
# but 97.44%;6月 is (a percentage is never a thousands group).
LEFT = rf"[{HAN}0-9%”’）》】」]"
RIGHT = rf"[{HAN}0-9“‘（《【「]"
HALF = patterns.compile(
    rf"(?:(?<={HAN})[,:;?!](?={RIGHT}|$)|(?<={LEFT})[,:;?!](?={HAN})|(?<=%)[,;](?=[0-9])"  # between, or ending a line
    rf"|(?<={HAN})\(|\((?={HAN})|(?<={HAN})\)|\)(?={HAN}))",  # (一) 民(辅)警 (略) 方案(2018-2019)
    regex.MULTILINE,
)
PARENS = patterns.compile(r"[()\n]")
FULL_MARKS = "，：；？！（）"


def paren_pairs(text: str):
    """(open, close) offsets of the half-width parentheses that pair up within a line."""
    stack = []
    for m in PARENS.finditer(text):
        if m.group() == "(":
            stack.append(m.start())
        elif m.group() == ")" and stack:
            yield stack.pop(), m.start()
        elif m.group() == "\n":
            stack = []


def half_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of each half-width mark in Chinese text. A pair of parentheses goes
    together: in (以下简称《意见》) only the opening one touches a Han character, and
    converting one side alone would leave the pair unbalanced."""
    marks = {m.start(): m.group() for m in HALF.finditer(text)}
    for opening, closing in paren_pairs(text):
        if opening in marks or closing in marks:
            marks[opening], marks[closing] = "(", ")"
    return sorted(marks.items())


@register("punctuation_width")
class PunctuationWidth(Check):
    args = ("mark", "full", "count", "full_count")
    fixes = True  # `fix: fullwidth` replaces each half-width mark with its full-width form

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        if fix is not None and fix != "fullwidth":
            raise ParamError("fix", "本检查只支持 fix: fullwidth")
        self.mode = self.choice("mode", ("document", "each"))  # one finding for the draft, or each mark
        # the share of half-width marks above which the draft counts as typed half-width
        self.majority = self.require("majority", (int, float), 0.5)

    def check(self, doc):
        half = doc.memo(half_marks, lambda: half_marks(doc.text))  # one scan serves both modes
        if not half:
            return
        full_count = sum(map(doc.text.count, FULL_MARKS))
        typed_half = len(half) / (len(half) + full_count) > self.majority
        args = {"count": len(half), "full_count": full_count}
        edits = [(at, at + 1, FULL[mark]) for at, mark in half] if self.fix else []
        if self.mode == "document" and typed_half:
            at, mark = half[0]
            yield Hit(at, at + 1, {**args, "mark": mark, "full": FULL[mark]}, edits)
        elif self.mode == "each" and not typed_half:
            for at, mark in half:
                yield Hit(at, at + 1, {**args, "mark": mark, "full": FULL[mark]},
                          [(at, at + 1, FULL[mark])] if self.fix else [])
