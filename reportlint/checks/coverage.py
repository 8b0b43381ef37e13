"""`coverage`: does a report part mention enough of a set of elements, each with its phrasings?

Built for the third statutory part of the annual report (the principal's 第一责任人 duties), but
every list lives in the rule's params. The part is found by its heading title; when a draft has
no such part, its content is looked for inside other parts by anchor phrases (PartLocator, also
used by the `vague_section` and `part_elsewhere` kinds). Matching is one Aho-Corasick pass over
the part's text, with layout spaces, 、 and quotes removed first so that 亲自研究、部署 and
重要工作“亲自部署” match the plain phrasings.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..docmap import find_part
from ..document import Document, Section
from . import Check, Hit, ParamError, register
from .phrases import automaton, find_all

# Characters that drafters put between the words of a phrase without changing it.
NOISE = regex.compile("[ \t\n\r\u3000\u00a0、“”‘’\"'「」]+")
# Found content is judged at the level of a （一） sub-part at most: a 1. item is too small a unit.
CONTENT_LEVEL = 2
# A title standing alone on a short line (党政主要负责人履职情况：), as the structure rules accept it.
BLOCK_TITLE_MAX = 30
CLAUSE_END = regex.compile(r"[。！？!?；;，,]")


def normalize(text: str) -> str:
    return NOISE.sub("", text)


@dataclass
class Located:
    """The part's content: a dedicated part, or the sections elsewhere that hold it."""

    dedicated: bool
    spans: list[tuple[int, int]]  # offsets into Document.text, end exclusive
    pointer: tuple[int, int]  # the span a finding points at: the (first) heading's title
    places: list[tuple[int, str]]  # (line, title) of each place holding the content

    def text(self, doc: Document) -> str:
        return "\n".join(doc.text[start:end] for start, end in self.spans)

    def where(self) -> str:
        """第9行“二、主要工作（一）加强领导抓规划”, for each section holding the content."""
        return "、".join(f"第{line}行“{title}”" for line, title in self.places)


def title_path(section: Section) -> str:
    chain = []
    while section is not None and section.heading is not None:
        chain.append(section.heading.marker + section.heading.title)
        section = section.parent
    return "".join(reversed(chain))


class PartLocator:
    """Finds a part by `titles` (keywords of its top-level heading, or of a short title line
    standing alone); else its content inside other parts by `anchors` (phrases only that content
    uses), ignoring parts whose title has a `skip` keyword (shortfalls, next year's plan).
    The document map does the finding (docmap.find_part), as for the structure rules."""

    def __init__(self, titles: list[str], anchors: list[str] = (), skip: list[str] = ()):
        self.titles = list(titles)
        self.anchors = list(anchors)
        self.skip = list(skip)

    @classmethod
    def from_params(cls, check: Check, anchors_required: bool = False) -> PartLocator:
        """From params `part_titles`, `anchors` and `skip_parts`."""
        titles = check.string_list("part_titles")
        if not titles:
            raise ParamError("params.part_titles", "至少需要一个标题关键词")
        anchors = check.string_list("anchors", [])
        if anchors_required and not anchors:
            raise ParamError("params.anchors", "至少需要一个标志短语")
        return cls(titles, anchors, check.string_list("skip_parts", []))

    def locate(self, doc: Document) -> Located | None:
        place = find_part(doc, self.titles, self.anchors, self.skip)
        return Located(place.dedicated, place.spans, place.pointer, place.places) if place else None


@dataclass
class Element:
    name: str
    example: str  # one phrasing drafters can copy, shown in the message
    phrases: list[str]


def parse_elements(check: Check) -> list[Element]:
    items = check.require("elements", list)
    if not items:
        raise ParamError("params.elements", "至少需要一个要素")
    out = []
    for i, item in enumerate(items):
        where = f"params.elements[{i}]"
        if not isinstance(item, dict):
            raise ParamError(where, "应为含 name、example、phrases 的映射")
        unknown = set(item) - {"name", "example", "phrases"}
        if unknown:
            raise ParamError(f"{where}.{sorted(unknown)[0]}", "未知字段")
        for key in ("name", "example"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ParamError(f"{where}.{key}", "应为非空字符串")
        phrases = item.get("phrases")
        if not isinstance(phrases, list) or not phrases:
            raise ParamError(f"{where}.phrases", "应为非空字符串列表")
        for j, phrase in enumerate(phrases):
            if not isinstance(phrase, str) or not normalize(phrase):
                raise ParamError(f"{where}.phrases[{j}]", "应为非空字符串")
        out.append(Element(item["name"], item["example"], phrases))
    return out


@register("coverage")
class Coverage(Check):
    """Params: the PartLocator's, `elements`, and either `min_elements` (default 5: one finding
    when fewer are covered, naming each missing element with an example) or `require_all: true`
    (one finding for each missing element). Findings point at the part's heading."""

    args = ("missing", "count", "found", "total", "min", "where")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.locator = PartLocator.from_params(self)
        self.elements = parse_elements(self)
        self.require_all = self.require("require_all", bool, False)
        self.min = len(self.elements) if self.require_all else self.require("min_elements", int, 5)
        if not 1 <= self.min <= len(self.elements):
            raise ParamError("params.min_elements", f"应在 1 到要素个数 {len(self.elements)} 之间")
        self.owner: dict[str, int] = {}
        for i, element in enumerate(self.elements):
            for phrase in element.phrases:
                key = normalize(phrase)
                if self.owner.get(key, i) != i:
                    other = self.elements[self.owner[key]].name
                    raise ParamError(f"params.elements[{i}].phrases", f"“{phrase}”已属于要素“{other}”")
                self.owner[key] = i
        self.auto = automaton(self.owner)

    def covered(self, text: str) -> set[int]:
        return {self.owner[phrase] for _, _, phrase in find_all(self.auto, normalize(text))}

    def check(self, doc):
        found = self.locator.locate(doc)
        if found is None:
            return
        covered = self.covered(found.text(doc))
        missing = [e for i, e in enumerate(self.elements) if i not in covered]
        start, end = found.pointer
        # said only when the content was found elsewhere, so the reader knows what was judged
        where = "" if found.dedicated else f"（按{found.where()}中的内容判断）"
        counts = {"found": len(covered), "total": len(self.elements), "min": self.min, "where": where}
        if self.require_all:
            for e in missing:
                yield Hit(start, end, {**counts, "missing": f"“{e.name}”（如“{e.example}”）", "count": 1})
        elif len(covered) < self.min:
            listed = "；".join(f"“{e.name}”（如“{e.example}”）" for e in missing)
            yield Hit(start, end, {**counts, "missing": listed, "count": len(missing)})
