"""The two kinds of error a run can stop on; the CLI turns both into one line and exit 2."""

from __future__ import annotations

import re

# What an error message may quote as it is: a short name made of word characters and the
# punctuation of ids and field paths. Anything else (a long value, a line of a foreign file,
# control characters) is described, never shown: a pack or configuration is untrusted, and
# its error lands in a CI log.
QUOTABLE = re.compile(r"[\w./#\[\]-]{1,64}")


def describe(value) -> str:
    """A value as an error message may mention it: short names as they are, else its kind."""
    if isinstance(value, str):
        return repr(value) if QUOTABLE.fullmatch(value) else f"一个 {len(value)} 字符的字符串"
    if isinstance(value, bool) or value is None or (isinstance(value, int | float) and abs(value) < 1e15):
        return repr(value)
    return f"{type(value).__name__} 类型的值"


def name(value) -> str:
    """A rule id or field path for an error's location: as it is when quotable."""
    if isinstance(value, str) and QUOTABLE.fullmatch(value):
        return value
    if isinstance(value, str):
        return f"（{len(value)} 个字符的名称，不予显示）"
    return f"（{type(value).__name__} 类型的名称）"


class ReportlintError(Exception):
    """Base: str(error) is the one-line message shown to the user."""


class InputError(ReportlintError):
    """A draft that cannot be read: missing, binary, undecodable, empty, corrupt."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RuleError(ReportlintError):
    """A rule pack, profile or configuration that is not valid; names file, rule and field."""

    def __init__(self, file: str, reason: str, rule: str | None = None, field: str | None = None):
        where = file
        if rule:
            where += f": 规则 {name(rule)}"
        if field:
            where += f": 字段 {name(field)}"
        super().__init__(f"{where}: {reason}")
        self.file, self.rule, self.field, self.reason = file, rule, field, reason


class UsageError(ReportlintError):
    """A command-line request that cannot be met (unknown rule id, unknown profile …)."""
