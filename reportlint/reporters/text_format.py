"""Text like a compiler: `path:line:col: severity [rule] message`, the source, a caret line.

Carets are placed by display width (a CJK character takes two terminal columns), and very
long lines (a paragraph is one line) are cut to a window around the span."""

from __future__ import annotations

import unicodedata
from collections import Counter

from . import Writer as Base
from . import visible

CONTEXT = 24  # characters shown on each side of the span in a long line
MAX_SPAN = 40  # a span longer than this (a whole paragraph) is shown by its beginning


def width(text: str) -> int:
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of `line` around [start, end) and the span's offsets inside it (0-based)."""
    left = max(0, start - CONTEXT)
    right = min(len(line), max(end, start + 1) + CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    return shown, start - left + len(prefix), end - left + len(prefix)


def location(file, finding) -> str:
    """path:line:col for text; for Word, where a Word user finds it: the heading path or table
    cell (Word shows no paragraph numbers)."""
    if file.kind == "docx":
        return f"{finding.path}（{finding.context or f'第{finding.line}段'}）"
    return f"{finding.path}:{finding.line}:{finding.column}"


def render_finding(file, finding) -> list[str]:
    out = [visible(f"{location(file, finding)}: {finding.severity} [{finding.rule}] {finding.message}")]
    if finding.line not in file.lines:
        return out
    line = file.lines[finding.line]
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = min(max(end, start + 1), start + MAX_SPAN)
    shown, s, e = excerpt(line, start, end)
    shown = visible(shown.replace("\t", " "))  # one character for one: the carets stay put
    gutter = "      | " if file.kind == "docx" else f"{finding.line:>5} | "
    out.append(gutter + shown)
    out.append(" " * (len(gutter) - 2) + "| " + " " * width(shown[:s]) + "^" * max(1, width(shown[s:e])))
    return out


class Writer(Base):
    def file(self, report) -> str:
        return "".join(line + "\n" for finding in report.findings for line in render_finding(report, finding))

    def end(self, summary) -> str:
        if not summary.total:
            return profiles_line(summary) + f"共 {summary.files} 个文件，未发现问题\n"
        c = summary.counts
        return (profiles_line(summary) + f"共 {summary.files} 个文件，发现 {summary.total} 处问题："
                f"错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}\n")


def profiles_line(summary) -> str:
    """Which document type (profile) the drafts were checked as, and for one draft why."""
    known = [(profile, why) for _, profile, why in summary.profiles if profile]
    if not known:
        return ""
    if len(known) == 1:
        return f"文档类型：{known[0][0]}（{known[0][1]}）\n"
    counts = Counter(profile for profile, _ in known)
    listed = "，".join(f"{profile} {n} 个" for profile, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"文档类型：{listed}（各文件的依据见 --format json）\n"
