"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`, with warning and
notice for the lower severities. Escaping follows GitHub's toolkit (@actions/core)."""

from __future__ import annotations

import os

from . import Writer as Base
from . import visible

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """GitHub's own escapes for % and line breaks, then every other control character made visible."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    properties = {
        "file": finding.path.replace(os.sep, "/"),
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


class Writer(Base):
    def file(self, report) -> str:
        return "".join(annotation(finding) + "\n" for finding in report.findings)
