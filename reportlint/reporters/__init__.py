"""Output formats. Each module renders a Report to a string; REPORTERS maps --format to it."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..engine import Finding, Rule

FORMATS = ("text", "json", "sarif", "github")


@dataclass
class FileReport:
    path: str
    lines: dict[int, str]  # line number -> text, for the lines that have findings
    kind: str = "text"  # "text" or "docx": .docx positions are paragraphs (第N段)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Report:
    files: list[FileReport]
    rules: list[Rule]  # the rules that ran (SARIF lists them)

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            out[finding.severity] += 1
        return out


def render(report: Report, fmt: str) -> str:
    return importlib.import_module(f"{__name__}.{fmt}_format").render(report)
