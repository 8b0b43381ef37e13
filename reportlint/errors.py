"""The two kinds of error a run can stop on; the CLI turns both into one line and exit 2."""

from __future__ import annotations


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
            where += f": 规则 {rule}"
        if field:
            where += f": 字段 {field}"
        super().__init__(f"{where}: {reason}")
        self.file, self.rule, self.field, self.reason = file, rule, field, reason


class UsageError(ReportlintError):
    """A command-line request that cannot be met (unknown rule id, unknown profile …)."""
