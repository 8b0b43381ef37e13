"""Output formats. Each module has a `Writer` that is fed one file at a time, so a run over
many drafts streams its output and holds no more than one draft's findings (SARIF, which
needs every result inside one document, keeps the findings, never the text)."""

from __future__ import annotations

import importlib
from dataclasses import field

from ..engine import Finding, Rule
from ..records import record

FORMATS = ("text", "json", "sarif", "github", "html")


# Characters a terminal or a CI log acts on instead of showing: C0 controls (escape sequences, a line
# break that starts a forged `::error` line), DEL, C1 controls and the bidirectional overrides. A
# draft, a file name or a pack is untrusted, so the text and github formats show each as one visible
# character of the same width (the Control Pictures block, or U+FFFD), keeping carets aligned.
UNSAFE = {**{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "\u2421",
          **{c: "\ufffd" for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}}


def visible(text: str) -> str:
    """`text` with every control character replaced by a visible stand-in."""
    return text.translate(UNSAFE)


@record
class FileReport:
    """One draft's findings, with the lines they are on, for the reporters."""

    path: str
    lines: dict[int, str]  # line number -> text, for the lines that have findings
    kind: str = "text"  # "text" or "docx": .docx positions are paragraphs (第N段)
    findings: list[Finding] = field(default_factory=list)
    profile: str | None = None  # the document type it was checked as
    profile_reason: str = ""  # why: given on the command line or in the configuration, or recognised
    # filled for the HTML page only (Options.full_report): then `lines` holds every line
    parts: list[tuple[str, str]] | None = None  # (statutory part, state: locate.PART_STATES); None: not required


@record
class Summary:
    """Totals over a run: files, findings by severity, the document type of each draft."""

    files: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    profiles: list[tuple[str, str | None, str]] = field(default_factory=list)  # (path, profile, why)

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.profiles.append((report.path, report.profile, report.profile_reason))
        for finding in report.findings:
            self.counts[finding.severity] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Writer:
    """begin() once, file() for each draft in order, end() once; each returns text to print."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def begin(self) -> str:
        return ""

    def file(self, report: FileReport) -> str:
        raise NotImplementedError

    def end(self, summary: Summary) -> str:
        return ""


def writer(fmt: str, rules: list[Rule]) -> Writer:
    return importlib.import_module(f"{__name__}.{fmt}_format").Writer(rules)


def render(files: list[FileReport], rules: list[Rule], fmt: str) -> str:
    """The whole output for `files` at once (tests, small runs)."""
    out, summary = writer(fmt, rules), Summary()
    chunks = [out.begin()]
    for report in files:
        summary.add(report)
        chunks.append(out.file(report))
    chunks.append(out.end(summary))
    return "".join(chunks)
