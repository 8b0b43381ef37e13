"""`required_sections`: the statutory parts of the report are present (by the titles drafters
use) and in the order the regulation gives them."""

from __future__ import annotations

from ..docmap import Part, body_lines, part_finder
from ..structure import part_specs
from . import Check, Hit, register

MODES = ("missing", "order")
LABEL_MAX = 24


def quoted(label: str) -> str:
    return f"“{label if len(label) <= LABEL_MAX else label[:LABEL_MAX] + '…'}”"


@register("required_sections")
class RequiredSections(Check):
    """mode missing: one hit per missing part, at the heading it should follow (or precede);
    mode order: a hit at each part that stands after a part it should precede."""

    args = ("part", "where", "other")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.specs = part_specs(self)
        self.finder = part_finder(self.specs)
        self.mode = self.choice("mode", MODES, "missing")

    def check(self, doc):
        parts = self.finder.find(doc)
        if self.mode == "order":
            yield from self.order(parts)
        else:
            yield from self.missing(doc, parts)

    def order(self, parts: list[Part]):
        seen: list[Part] = []
        for part in parts:
            if not part.top:
                continue
            later = [p for p in seen if p.index > part.index]
            if later:
                yield Hit(part.start, part.end, {"part": part.spec.name, "other": later[0].spec.name, "where": ""})
            seen.append(part)

    def missing(self, doc, parts: list[Part]):
        present = {p.index: p for p in parts}
        untitled = self.untitled(doc, parts)
        groups: dict[tuple[int, int], tuple[str, list[str]]] = {}
        for i, spec in enumerate(self.specs):
            if i in present or i in untitled or self.inside_other_parts(doc, spec, parts):
                continue
            span, where = self.anchor(doc, i, present)
            groups.setdefault(span, (where, []))[1].append(f"“{spec.name}”")
        for (start, end), (where, names) in groups.items():
            yield Hit(start, end, {"part": "、".join(names), "where": where, "other": ""})

    @staticmethod
    def inside_other_parts(doc, spec, parts: list[Part]) -> bool:
        for part in parts:
            text = doc.text[doc.line(part.line.number).start : doc.line(part.last_line).end]
            if any(phrase in text for phrase in spec.inside_other_parts):
                return True
        return False

    def anchor(self, doc, i: int, present: dict[int, Part]):
        """Where a missing part goes: after the part before it, else before the part after it.
        When several parts are missing after one part, the first points at that part's heading
        and the others at its end, so each missing part is its own finding."""
        before = [j for j in present if j < i]
        after = [j for j in present if j > i]
        if i - 1 in present:
            p = present[i - 1]
            return (p.start, p.end), f"应在{quoted(p.label)}部分之后补写"
        if i + 1 in present:
            p = present[i + 1]
            return (p.start, p.end), f"应在{quoted(p.label)}部分之前补写"
        if before:
            p = present[max(before)]
            last = doc.line(p.last_line)
            while last.blank and last.number > p.line.number:
                last = doc.line(last.number - 1)
            return (max(last.content_start, last.end - 1), last.end), f"应在{quoted(p.label)}部分之后补写"
        body = body_lines(doc) or doc.paragraphs
        first = body[0] if body else None
        span = (first.content_start, first.end) if first else (0, 0)
        if after:
            p = present[min(after)]
            return span, f"应在{quoted(p.label)}部分之前补写"
        return span, "请按规定的顺序为各部分设置标题"

    def untitled(self, doc, parts: list[Part]) -> set[int]:
        """Parts whose title is missing from a broken heading sequence (二、 with no 一、 before
        it, text between): the content is there but its numbered heading was lost;
        heading_sequence reports it."""
        out: set[int] = set()
        level1 = [h for h in doc.headings if h.level == 1]
        present = {p.index for p in parts}
        body = body_lines(doc)
        for part in parts:
            h = part.heading
            # beyond the opening paragraph, some text must stand where the lost part was
            if h is None or h.level != 1 or len([b for b in body if b.number < h.line.number]) < 2:
                continue
            earlier = [x.ordinal for x in level1 if x.line.number < h.line.number]
            lost = h.ordinal - (earlier[-1] if earlier else 0) - 1
            i = part.index - 1
            while lost > 0 and i >= 0 and i not in present:
                out.add(i)
                lost, i = lost - 1, i - 1
        return out
