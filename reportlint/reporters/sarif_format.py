"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

One run: tool.driver lists the rules that ran (plus any rule id a finding carries that is not
among them), each result points at its rule by id and index. Columns are code points
(`columnKind`), region ends are exclusive, as in our findings."""

from __future__ import annotations

import json
import os
import string
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from . import Writer as Base

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def summary(message: str) -> str:
    """The rule's message template with its {placeholders} shown as "…"."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(message):
        parts.append(literal)
        if field is not None:
            parts.append("…")
    return "".join(parts)


def help_text(rule) -> str:
    lines = [f"依据：{rule.why}"]
    for title, examples in (("会报告的写法", rule.bad), ("不会报告的写法", rule.good)):
        if examples:
            lines.append(f"{title}：")
            lines += ["  " + example.replace("\n", "\n  ") for example in examples]
    return "\n".join(lines)


def descriptor(rule) -> dict:
    return {
        "id": rule.id,
        "name": rule.id.rsplit("/", 1)[-1],
        "shortDescription": {"text": summary(rule.message)},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.id.split("/", 1)[0], rule.kind]},
    }


def bare_descriptor(finding) -> dict:
    """A rule known only from its finding (e.g. a diagnostic the engine itself raises)."""
    return {
        "id": finding.rule,
        "name": finding.rule.rsplit("/", 1)[-1],
        "shortDescription": {"text": finding.message},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
    }


def artifact_uri(path: str) -> str:
    """The path as given, with forward slashes, percent-encoded as RFC 3986 requires
    (Chinese file names are common); absolute paths become file: URIs."""
    if os.path.isabs(path):
        return PurePath(os.path.abspath(path)).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def result(finding, index: int) -> dict:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    out = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(finding.path)},
                "region": region,
            },
        }],
    }
    if finding.context or finding.excerpt:  # where a Word user finds it, and the exact text
        out["properties"] = {"context": finding.context, "excerpt": finding.excerpt}
    return out


class Writer(Base):
    """SARIF is one JSON document: results are kept (not the drafts' text) until the end."""

    def __init__(self, rules):
        super().__init__(rules)
        self.findings = []

    def file(self, report) -> str:
        self.findings += report.findings
        return ""

    def end(self, summary) -> str:
        return document(self.rules, self.findings, summary.profiles) + "\n"


def document(rule_list, findings, profiles=()) -> str:
    """The SARIF log; each draft is an artifact whose properties say which document type
    (profile) it was checked as, and why."""
    rules = [descriptor(rule) for rule in rule_list]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for finding in findings:
        if finding.rule not in index:
            index[finding.rule] = len(rules)
            rules.append(bare_descriptor(finding))
        results.append(result(finding, index[finding.rule]))
    return json.dumps({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "reportlint",
                "version": __version__,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": artifact_uri(path)},
                           "properties": {"profile": profile, "profileReason": why}}
                          for path, profile, why in profiles if profile],
            "results": results,
        }],
    }, ensure_ascii=False, indent=2)
