"""`punctuation_width`: half-width , : ; ( ) between Chinese characters.

A draft typed with half-width punctuation throughout gets one finding for the whole
document (`params.mode: document`: hundreds of identical findings help nobody); a draft
that mixes the two gets a finding at each half-width mark (`mode: each`), where it is the
minority. Ship one rule of each mode: exactly one of them can fire on a draft."""

from __future__ import annotations

import regex

from . import Check, Hit, ParamError, register

FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}
HAN = r"\p{Han}"
# Chinese context: a Han character on one side, and on the other a Han character, a digit
# or %, or Chinese punctuation. 1,146 and 11:47 (digits on both sides) are not Chinese text.
LEFT = rf"[{HAN}0-9%”’）》】」]"
RIGHT = rf"[{HAN}0-9“‘（《【「]"
HALF = regex.compile(
    rf"(?:(?<={HAN})[,:;](?={RIGHT}|$)|(?<={LEFT})[,:;](?={HAN})"  # ,:; between, or ending a line
    rf"|\((?={HAN})|(?<={HAN})\))",  # (一) 民(辅)警 (略)
    regex.MULTILINE,
)
FULL_MARKS = regex.compile(r"[，：；（）]")


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
        half = list(HALF.finditer(doc.text))
        if not half:
            return
        full_count = len(FULL_MARKS.findall(doc.text))
        typed_half = len(half) / (len(half) + full_count) > self.majority
        args = {"count": len(half), "full_count": full_count}
        edits = [(m.start(), m.end(), FULL[m.group()]) for m in half] if self.fix else []
        if self.mode == "document" and typed_half:
            m = half[0]
            yield Hit(m.start(), m.end(), {**args, "mark": m.group(), "full": FULL[m.group()]}, edits)
        elif self.mode == "each" and not typed_half:
            for m, edit in zip(half, edits or [None] * len(half), strict=True):
                yield Hit(m.start(), m.end(), {**args, "mark": m.group(), "full": FULL[m.group()]},
                          [edit] if edit else [])
