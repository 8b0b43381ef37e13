"""`pattern`: a regular expression (the `regex` module, so \\p{Han} works). A pattern from a
user's pack runs under the engine's time budget (safe_regex), so a catastrophic one cannot hang
a pre-commit hook; the shipped patterns are linear and run unbounded."""

from __future__ import annotations

import regex

from .. import patterns
from ..errors import describe
from . import DELETE_LINE, Check, Hit, ParamError, register

TEMPLATE_GROUP = patterns.compile(r"\\(?:(\d+)|g<([^>]*)>)")


@register("pattern")
class Pattern(Check):
    args = ("match",)
    fixes = True  # `fix`: a replacement template for the span ("%", "\\1", "") or delete-line

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.compiled = self.regex("pattern", flags=regex.MULTILINE)
        self.group = self.require("group", (int, str), 0)  # the group whose span is reported
        if isinstance(self.group, int) and self.group > self.compiled.groups:
            raise ParamError("params.group", f"表达式只有 {self.compiled.groups} 个分组")
        if isinstance(self.group, str) and self.group not in self.compiled.groupindex:
            raise ParamError("params.group", f"表达式中没有名为 {describe(self.group)} 的分组")
        if fix not in (None, DELETE_LINE):
            for ref in TEMPLATE_GROUP.finditer(fix):  # \1 or \g<name> must name a group the pattern has
                group = ref.group(1) or ref.group(2)
                if (int(group) > self.compiled.groups) if group.isdigit() else group not in self.compiled.groupindex:
                    raise ParamError("fix", f"替换模板引用了表达式中不存在的分组 {describe(group)}")

    def check(self, doc):
        for m in self.compiled.finditer(doc.text):
            start, end = m.span(self.group)
            if start < 0 or start == end:
                continue  # an empty match marks nothing a drafter could change
            template = self.fix if self.fix not in (None, DELETE_LINE) else None
            edits = self.edits(doc, start, end, m.expand(template) if template is not None else None)
            yield Hit(start, end, {"match": m.group(self.group)}, edits)
