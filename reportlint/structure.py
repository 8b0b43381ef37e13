"""The report year, the statutory parts' parameters and ordinal sequences, shared by the
structure check kinds (法治政府建设与责任落实督察工作规定; GB/T 9704-2012). Where things stand in a
draft (title block, body, parts, sign-off) is the document map's (docmap.py).
"""

from __future__ import annotations

from . import patterns
from .docmap import PartSpec, body_lines, signoff_line, title, to_year
from .document import Document, per_document
from .records import record

# A year as written in a title, heading or opening sentence: 2021年 / 二〇二一年.
YEAR = patterns.compile(r"(?<!\d)(?P<year>20\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})年")
# A year that starts a span of time (2019年以来, 2018年起) is history, not the year reported on.
SINCE = patterns.compile(r"(?:度)?(?:以来|起|开始|至|到|—|－|-|~|～)")


def first_year(text: str) -> tuple[int, int, int] | None:
    """(year, start, end) of the first year in `text` that is not the start of a span of time."""
    for m in YEAR.finditer(text):
        if not SINCE.match(text, m.end()):
            year = to_year(m.group("year"))
            if year:
                return year, m.start(), m.end()
    return None


# -- the report year ------------------------------------------------------------------
def report_year(doc: Document, doc_types=None) -> tuple[int, str] | None:
    """(year, where) — from the title, else the first year named in the body. (`doc_types` is
    accepted for callers written before the document map, which now knows the document types.)"""
    return _report_year(doc)


@per_document
def _report_year(doc: Document) -> tuple[int, str] | None:
    found = title(doc)
    if found:
        year = first_year(found.text)
        if year:
            return year[0], "标题"
    end = signoff_line(doc)
    for line in body_lines(doc):
        if line == end:
            break
        year = first_year(line.content)
        if year:
            return year[0], "正文"
    return None


@per_document
def opening_year(doc: Document) -> tuple[int, int, int] | None:
    """(year, start, end) when the body's first paragraph opens with a year: "2021年，我局…"."""
    headings = {h.line.number for h in doc.headings}
    for line in body_lines(doc):
        if line.number in headings:
            return None
        m = YEAR.match(line.content)
        if not m or SINCE.match(line.content, m.end()):
            return None
        year = to_year(m.group("year"))
        return (year, line.content_start + m.start(), line.content_start + m.end()) if year else None
    return None


def part_specs(check, key: str = "parts") -> list[PartSpec]:
    """Validate `params.parts`: a list of {name, short, titles}."""
    from .checks import ParamError

    raw = check.require(key, list)
    if not raw:
        raise ParamError(f"params.{key}", "至少需要一个部分")
    specs = []
    for i, item in enumerate(raw):
        where = f"params.{key}[{i}]"
        if not isinstance(item, dict):
            raise ParamError(where, "应为含 name、short、titles 的映射")
        for field_name in ("name", "short"):
            if not isinstance(item.get(field_name), str) or not item[field_name]:
                raise ParamError(f"{where}.{field_name}", "应为非空字符串")
        titles = item.get("titles")
        if not isinstance(titles, list) or not titles or not all(isinstance(t, str) and t for t in titles):
            raise ParamError(f"{where}.titles", "应为非空字符串列表")
        inside = item.get("inside_other_parts", [])
        if not isinstance(inside, list) or not all(isinstance(t, str) and t for t in inside):
            raise ParamError(f"{where}.inside_other_parts", "应为非空字符串列表")
        unknown = set(item) - {"name", "short", "titles", "inside_other_parts"}
        if unknown:
            raise ParamError(f"{where}.{sorted(unknown)[0]}", "未知字段")
        specs.append(PartSpec(item["name"], item["short"], titles, inside))
    return specs


# -- ordinal sequences (headings 一、二、…, enumerations 一是、二是 …) -----------------------
@record
class SequenceProblem:
    """A fault in a numbered sequence: a gap, a repeat or a step backwards."""

    index: int  # the item at fault
    problem: str  # "gap" | "repeat" | "backwards"
    expected: int  # the ordinal that should stand there


def sequence_problems(ordinals: list[int], start: int = 1) -> list[SequenceProblem]:
    """Ordinals must run start, start+1 … without gap or repeat; after a fault, count on from
    the ordinal actually written (一、二、四、五 is one fault, at 四)."""
    out, previous = [], start - 1
    for i, ordinal in enumerate(ordinals):
        if ordinal == previous + 1:
            pass
        elif ordinal == previous:
            out.append(SequenceProblem(i, "repeat", previous + 1))
        elif ordinal > previous + 1:
            out.append(SequenceProblem(i, "gap", previous + 1))
        else:
            out.append(SequenceProblem(i, "backwards", previous + 1))
        previous = max(previous, ordinal)
    return out
