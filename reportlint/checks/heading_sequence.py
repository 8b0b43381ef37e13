"""`heading_sequence`: heading ordinals (一、 / （一） / 1. / （1）) run 1, 2, 3 … under each
parent, and one level is written in one style (GB/T 9704-2012)."""

from __future__ import annotations

from collections import Counter

from ..numerals import int_to_cn
from ..structure import sequence_problems
from . import Check, Hit, register

MODES = ("sequence", "style")


def marker_for(heading, ordinal: int) -> str:
    """The heading's marker with another ordinal, in the heading's own style: （三） -> （二）."""
    number = int_to_cn(ordinal) if heading.level in (1, 2) else str(ordinal)
    return heading.style[:-1] + number + heading.style[-1:]


@register("heading_sequence")
class HeadingSequence(Check):
    """mode sequence: a gap, repeat or reversal among siblings of one level under one parent;
    mode style: a heading whose bracket or separator differs from the rest of its level."""

    args = ("marker", "problem", "usual")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.mode = self.choice("mode", MODES, "sequence")

    def check(self, doc):
        yield from (self.style(doc) if self.mode == "style" else self.sequence(doc))

    def sequence(self, doc):
        # the last ordinal of each level so far: some drafts number a level on across parents
        # (（一）1. 2. （二）3. 4.), a consistent style rather than a gap
        last: dict[int, int] = {}
        for section in doc.root.walk():
            levels: dict[int, list] = {}
            for child in section.children:
                levels.setdefault(child.level, []).append(child.heading)
            for level, headings in levels.items():
                if level >= 3:  # a second numbered list under the same heading restarts at 1
                    runs, run = [], []
                    for h in headings:
                        if h.ordinal == 1 and run:
                            runs.append(run)
                            run = []
                        run.append(h)
                    runs.append(run)
                else:
                    runs = [headings]
                for run in runs:
                    first = run[0].ordinal
                    continued = first > 1 and last.get(level) == first - 1
                    yield from self.faults(run, first if continued else 1)
                    last[level] = max(h.ordinal for h in run)

    def faults(self, headings, start: int):
        for p in sequence_problems([h.ordinal for h in headings], start):
            h = headings[p.index]
            expected = marker_for(h, p.expected)
            if p.problem == "gap" and p.index == 0:
                problem = f"之前没有“{expected}”"
            elif p.problem == "gap":
                last = marker_for(h, h.ordinal - 1)
                problem = f"之前缺少“{expected}”" if last == expected else f"之前缺少“{expected}”至“{last}”"
            elif p.problem == "repeat":
                problem = f"与上一个标题重复，此处应为“{expected}”"
            else:
                problem = f"排在“{marker_for(h, p.expected - 1)}”之后，顺序颠倒"
            yield Hit(h.marker_start, h.marker_end, {"marker": h.marker, "problem": problem, "usual": ""})

    def style(self, doc):
        for level in (1, 2, 3, 4):
            headings = [h for h in doc.headings if h.level == level]
            counts = Counter(h.style for h in headings)
            if len(counts) < 2:
                continue
            first_seen = {s: i for i, s in reversed(list(enumerate(h.style for h in headings)))}
            usual = max(counts, key=lambda s: (counts[s], -first_seen[s]))
            example = next(h.marker for h in headings if h.style == usual)
            for h in headings:
                if h.style != usual:
                    yield Hit(h.marker_start, h.marker_end, {"marker": h.marker, "usual": example, "problem": ""})
