"""`years`: the years a report names agree with the year it reports on — the opening
sentence and the part headings name that year, the plan names the next, and the signing
date falls after the year (by 3月1日 for a department)."""

from __future__ import annotations

from ..docmap import part_finder, signing_date
from ..structure import first_year, opening_year, part_specs, report_year
from . import Check, Hit, ParamError, register

CHECKS = ("opening", "part", "signed-before-year", "signed-in-year", "signed-late")


@register("years")
class Years(Check):
    args = ("found", "expected", "report_year", "part", "date", "deadline")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.what = self.choice("check", tuple(CHECKS))
        if self.what == "part":
            specs = part_specs(self)
            self.finder = part_finder(specs)
            short = self.require("part", str)
            names = [s.short for s in specs]
            if short not in names:
                raise ParamError("params.part", f"应为 parts 中某部分的 short：{'、'.join(names)}")
            self.index = names.index(short)
            self.offset = self.require("offset", int, 0, minimum=None)
        if self.what == "signed-late":
            deadline = self.require("deadline", list)
            if len(deadline) != 2 or not all(isinstance(v, int) for v in deadline):
                raise ParamError("params.deadline", "应为 [月, 日]，如 [3, 1]")
            self.deadline = tuple(deadline)

    def check(self, doc):
        found = report_year(doc)
        if found is None:
            return
        year, source = found
        args = {"report_year": year, "found": "", "expected": "", "part": "", "date": "", "deadline": ""}
        if self.what == "opening":
            opening = opening_year(doc)
            # only a year read from the title can disagree with the opening year
            if source == "标题" and opening and opening[0] != year:
                yield Hit(opening[1], opening[2], {**args, "found": opening[0], "expected": year})
        elif self.what == "part":
            yield from self.part(doc, year, args)
        else:
            yield from self.signing(doc, year, args)

    def part(self, doc, year, args):
        for part in self.finder.find(doc):
            if part.index != self.index or not part.top:
                continue  # a sub-heading naming the part may be about another year
            named = first_year(part.title_text)
            expected = year + self.offset
            if named and named[0] != expected:
                base = part.heading.title_start if part.heading else part.line.content_start
                yield Hit(base + named[1], base + named[2],
                          {**args, "found": named[0], "expected": expected, "part": part.label})
            return

    def signing(self, doc, year, args):
        date = signing_date(doc)
        if date is None:
            return
        args = {**args, "date": date.text}
        wrong_year = {"signed-before-year": date.year < year, "signed-in-year": date.year == year}
        if wrong_year.get(self.what):
            yield Hit(date.start, date.end, args)
        elif self.what == "signed-late":
            month, day = self.deadline
            args["deadline"] = f"{year + 1}年{month}月{day}日"
            if (date.year, date.month, date.day) >= (year + 1, month, day):
                yield Hit(date.start, date.end, args)
