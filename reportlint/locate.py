"""Where a Word user finds a finding: the heading path or table cell (`context`) and the exact
text it covers (`excerpt`); and which statutory parts a draft has (the HTML overview).

Paragraph numbers mean nothing in Word (it shows none, and they count empty lines and table
cells): a reader follows 四、…／（二）… and then Ctrl+F on the excerpt."""

from __future__ import annotations

import bisect
from functools import cached_property

from .document import Document, Section

TITLE_CUT = 16  # characters of a heading title shown in a path
EXCERPT_CUT = 60  # characters of covered text kept in `excerpt`
PATH_SEP = "／"


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def heading_label(section: Section) -> str:
    h = section.heading
    return h.marker + cut(h.title.strip(), TITLE_CUT)


class Locator:
    """Answers context(line) for one document; the heading path is found by bisecting the
    sections' first lines."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.sections = doc.sections()
        self.firsts = [s.first_line for s in self.sections]
        self.cells = doc.source.cells

    def section(self, number: int) -> Section | None:
        """The innermost section holding line `number`."""
        i = bisect.bisect_right(self.firsts, number) - 1
        while i >= 0:
            s = self.sections[i]
            if s.first_line <= number <= s.last_line:
                return s
            i -= 1
        return None

    def context(self, number: int) -> str:
        section = self.section(number)
        path = []
        node = section
        while node is not None and node.heading is not None:
            path.append(heading_label(node))
            node = node.parent
        path.reverse()
        cell = self.cells[number - 1] if self.cells and number <= len(self.cells) else None
        if cell:
            path.append(f"表{cell[0]} 第{cell[1]}行第{cell[2]}列")
        elif section is None:
            path.append(f"首个标题前第{self.ordinal(1, number)}段")
        elif number != section.first_line:
            path[-1] += f" 第{self.ordinal(section.first_line + 1, number)}段"
        return PATH_SEP.join(path)

    def ordinal(self, first: int, number: int) -> int:
        """Position of line `number` among the non-empty paragraphs from line `first` on."""
        return self.paragraphs_through[number] - self.paragraphs_through[first - 1]

    @cached_property
    def paragraphs_through(self) -> list[int]:
        """[n]: how many of lines 1..n are not empty (one pass, not one per finding)."""
        out = [0]
        for line in self.doc.lines:
            out.append(out[-1] + (not line.blank))
        return out


def excerpt(doc: Document, finding) -> str:
    start = doc.line(finding.line).start + finding.column - 1
    end = doc.line(finding.end_line).start + finding.end_column - 1
    return cut(doc.text[start:end].replace("\n", " "), EXCERPT_CUT)


def with_locators(doc: Document, findings: list) -> list:
    """`findings` with their context and excerpt filled in."""
    if not findings:
        return findings
    locator = Locator(doc)
    return [f.located(locator.context(f.line), excerpt(doc, f)) for f in findings]


PART_STATES = ("present", "untitled", "inside", "missing")


def statutory_parts(doc: Document, rules: list) -> list[tuple[str, str]] | None:
    """(part's short name, state) for each statutory part the draft's rules require, in the
    required order; None when no rule asks for parts (e.g. a 情况汇报). States: present (titled),
    untitled (its content stands where a lost numbered heading was), inside (written inside
    another part), missing — as structure/missing-part judges them. The one place reporters ask
    the structure code for parts."""
    rule = next((r for r in rules if r.kind == "required_sections" and hasattr(r.check, "finder")), None)
    if rule is None:
        return None
    check = rule.check
    parts = check.finder.find(doc)
    found = {part.index for part in parts}
    untitled = check.untitled(doc, parts) if hasattr(check, "untitled") else set()
    out = []
    for i, spec in enumerate(check.specs):
        if i in found:
            state = "present"
        elif i in untitled:
            state = "untitled"
        elif hasattr(check, "inside_other_parts") and check.inside_other_parts(doc, spec, parts):
            state = "inside"
        else:
            state = "missing"
        out.append((spec.short, state))
    return out
