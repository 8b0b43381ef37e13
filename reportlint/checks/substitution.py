"""`substitution`: a wrong word form found, its correct form said (and applied by --fix).

Like Vale's substitution check, `params.swap` maps each wrong form to the right one. The
wrong forms join the shared phrase index of `phrases`, so one Aho-Corasick pass over a
document serves every phrase rule. Matching is by substring, with no word boundaries: a
wrong form belongs in a rule only if no correct text can contain it."""

from __future__ import annotations

from ..errors import describe
from . import Check, Hit, ParamError, register
from .phrases import SHARED, SharesPhrases

REPLACE = "replace"  # the only `fix` value: write the correct form in place of the wrong one


@register("substitution")
class Substitution(SharesPhrases, Check):
    args = ("phrase", "replacement")
    fixes = True

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        if fix is not None and fix != REPLACE:
            raise ParamError("fix", f"substitution 的 fix 只能是 {REPLACE}（用 swap 中的正确写法替换），"
                                    f"实际是 {describe(fix)}")
        swap = self.require("swap", dict)
        if not swap:
            raise ParamError("params.swap", "至少需要一组“错误写法: 正确写法”")
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not wrong:
                raise ParamError(f"params.swap.{wrong}", "错误写法应为非空字符串")
            if not isinstance(right, str) or not right:
                raise ParamError(f"params.swap.{wrong}", "正确写法应为非空字符串")
            if wrong == right:
                raise ParamError(f"params.swap.{wrong}", "错误写法与正确写法相同")
        self.swap: dict[str, str] = dict(swap)
        self.share(self.swap)

    def check(self, doc):
        for start, end, wrong in SHARED.find(doc, self.swap):
            right = self.swap[wrong]
            yield Hit(start, end, {"phrase": wrong, "replacement": right}, self.edits(doc, start, end, right))
