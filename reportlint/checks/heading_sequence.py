"""`heading_sequence`: heading ordinals (一、 / （一） / 1. / （1）) run 1, 2, 3 … under each
parent, and one level is written in one style (GB/T 9704-2012). Each attachment is a document
of its own: its numbering restarts and its style is its own (segments of the document map)."""

from __future__ import annotations

from collections import Counter

from ..docmap import segments
from ..numerals import int_to_cn
from ..structure import sequence_problems
from . import Check, Hit, register

MODES = ("sequence", "style")


def marker_for(heading, ordinal: int) -> str:
    """The heading's marker with another ordinal, in the heading's own style: （三） -> （二）."""
    number = int_to_cn(ordinal) if heading.level in (1, 2) else str(ordinal)
    return heading.style[:-1] + number + heading.style[-1:]


def short(title: str, limit: int = 12) -> str:
    """A heading title cut for a message: 强化组织领导保障。 -> 强化组织领导保障."""
    title = title.rstrip("。；;，,：: \u3000")
    return title if len(title) <= limit else title[:limit] + "…"


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
        for segment in segments(doc):
            yield from self.segment_sequence(doc, segment.root)

    def segment_sequence(self, doc, root):
        # the last ordinal of each level so far: some drafts number a level on across parents
        # (（一）1. 2. （二）3. 4.), a consistent style rather than a gap
        last: dict[int, int] = {}
        for section in root.walk():
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
                    yield from self.faults(doc, section, run, first if continued else 1)
                    last[level] = max(h.ordinal for h in run)

    def faults(self, doc, section, headings, start: int):
        ordinals = [h.ordinal for h in headings]
        consequence = set()  # a fault that only follows from the one before it
        for p in sequence_problems(ordinals, start):
            if p.index in consequence:
                continue
            h = headings[p.index]
            expected = marker_for(h, p.expected)
            missing = f"“{expected}”"
            if p.problem == "gap" and h.ordinal - 1 > p.expected:
                missing = f"“{expected}”至“{marker_for(h, h.ordinal - 1)}”"
            following = ordinals[p.index + 1] if p.index + 1 < len(ordinals) else None
            renumber = f"请将“{h.marker}”改为“{expected}”"
            if p.problem in ("gap", "repeat") and following == p.expected + 1:
                consequence.add(p.index + 1)  # 一二四四 / 一二二四: one number written wrong, the next is right
            elif p.problem in ("gap", "repeat") and following == h.ordinal + 1:
                renumber += "，其后的同级序号依次调整"  # 一二四五 / 一二二三: the numbering went on from it
            if p.problem == "gap" and p.expected in ordinals[p.index + 1 :]:  # 一、三、二、: out of order
                problem = f"排在“{expected}”之前，顺序颠倒：请核对标题的顺序和编号"
            elif p.problem == "gap" and p.index == 0 and p.expected == 1:
                problem = f"之前没有{missing}：" + self.missing_first(doc, section, h, missing, renumber)
            elif p.problem == "gap":
                problem = f"之前缺少{missing}：{renumber}；如漏写了{missing}部分，请补写"
            elif p.problem == "repeat":
                problem = f"与上一个标题重复：{renumber}"
            else:
                problem = f"排在“{marker_for(h, p.expected - 1)}”之后，顺序颠倒：请核对标题的顺序和编号"
            yield Hit(h.marker_start, h.marker_end, {"marker": h.marker, "problem": problem, "usual": ""})

    @staticmethod
    def missing_first(doc, section, h, missing: str, renumber: str) -> str:
        """What to change when the first heading of a level is not 一: the text before it tells
        whether a part lost its heading (seed 001: （一）…（八） under no 一、) or the number is wrong."""
        # lower-level headings before it with no heading of this level above them
        orphans = [c.heading for c in section.children if c.heading.line.number < h.line.number and c.level > h.level]
        if orphans:
            top = min(o.level for o in orphans)
            orphans = [o for o in orphans if o.level == top]
            span = f"“{orphans[0].marker}”" + (f"至“{orphans[-1].marker}”" if len(orphans) > 1 else "")
            where = f"“{orphans[0].marker}{short(orphans[0].title)}”"
            return f"前面的{span}没有上级标题，请在{where}之前补写{missing}标题；如编号有误，{renumber}"
        parent = section.heading
        after_title = parent.line.content[parent.title_end - parent.line.content_start :] if parent else ""
        first = parent.line.number + 1 if parent else section.first_line
        between = [ln for ln in doc.paragraphs if first <= ln.number < h.line.number]
        if between or after_title.strip("。；;，,：: \u3000"):
            return f"如前面的内容是单独的一部分，请为其补写{missing}标题；否则{renumber}"
        return f"{renumber}；如漏写了{missing}部分，请补写"

    def style(self, doc):
        for segment in segments(doc):
            yield from self.segment_style([s.heading for s in segment.root.walk() if s.heading])

    def segment_style(self, all_headings):
        for level in (1, 2, 3, 4):
            headings = [h for h in all_headings if h.level == level]
            counts = Counter(h.style for h in headings)
            if len(counts) < 2:
                continue
            first_seen = {s: i for i, s in reversed(list(enumerate(h.style for h in headings)))}
            usual = max(counts, key=lambda s: (counts[s], -first_seen[s]))
            example = next(h.marker for h in headings if h.style == usual)
            for h in headings:
                if h.style != usual:
                    yield Hit(h.marker_start, h.marker_end, {"marker": h.marker, "usual": example, "problem": ""})
