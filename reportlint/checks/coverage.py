"""`coverage`: does a report part write each required element, each with its phrasings?

Built for the third statutory part of the annual report (the principal's 第一责任人 duties), but
every list lives in the rule's params. The part is found by its heading title; when a draft has
no such part, its content is looked for inside other parts by anchor phrases (PartLocator, also
used by the `vague_section` and `part_elsewhere` kinds). Matching is one Aho-Corasick pass over
the part's text, with layout spaces, 、 and quotes removed first so that 亲自研究、部署 and
重要工作“亲自部署” match the plain phrasings, plus each element's regular expressions for the
phrasings with words in between (纳入全局重点工作计划, 主持召开党委会议研究部署). A word that
governs a list (`spread`: 亲自部署、协调、督办) is written before each verb of it first.

Only `required` elements are reported missing, as a reviewer reads the part: a missing one that
the draft writes in another part is pointed at there (`look_elsewhere`), not called missing.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..docmap import Place, deepest_section, find_part
from ..document import Document, Section
from ..phrasescan import PhraseScanner
from ..records import record
from . import Check, Hit, ParamError, compile_regex, register
from .phrases import find_all

# Characters that drafters put between the words of a phrase without changing it.
NOISE = patterns.compile("[ \t\n\r\u3000\u00a0、“”‘’\"'「」]+")
# The same without 、, which still separates the verbs of a list until the list is spread.
QUOTES_AND_LAYOUT = patterns.compile("[ \t\n\r\u3000\u00a0“”‘’\"'「」]+")


def normalize(text: str) -> str:
    return NOISE.sub("", text)


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

    def locate(self, doc: Document) -> Place | None:
        place = find_part(doc, self.titles, self.anchors, self.skip)
        return place


@record
class Element:
    """One element a part must cover, with the phrasings that count as covering it."""

    name: str
    example: str  # one phrasing drafters can copy, shown in the message
    phrases: list[str]
    patterns: list  # compiled regular expressions, matched on the normalized text
    required: bool  # reported when missing; an optional element only counts as covered


ELEMENT_FIELDS = {"name", "example", "phrases", "patterns", "required"}


def parse_elements(check: Check) -> list[Element]:
    items = check.require("elements", list)
    if not items:
        raise ParamError("params.elements", "至少需要一个要素")
    out = []
    for i, item in enumerate(items):
        where = f"params.elements[{i}]"
        if not isinstance(item, dict):
            raise ParamError(where, "应为含 name、example、phrases 的映射")
        unknown = set(item) - ELEMENT_FIELDS
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
        sources = item.get("patterns", [])
        if not isinstance(sources, list) or not all(isinstance(p, str) and p for p in sources):
            raise ParamError(f"{where}.patterns", "应为正则表达式（字符串）列表")
        patterns = [compile_regex(f"{where}.patterns[{j}]", p) for j, p in enumerate(sources)]
        required = item.get("required", True)
        if not isinstance(required, bool):
            raise ParamError(f"{where}.required", "应为 true 或 false")
        out.append(Element(item["name"], item["example"], phrases, patterns, required))
    return out


# What separates the verbs of one 亲自 (亲自部署、协调和督办): each verb is its own 亲自.
LIST_JOINER = "、|以及|和|及|与|并"
LIST_ITEM = r"[^、和及与并，。；：！？,.;:!?\s]{1,8}"


class Spreader:
    """Writes a lead word before every verb of the list that follows it:
    亲自部署、协调和督办 → 亲自部署、亲自协调和亲自督办 (a class, not a closure: checks are pickled)."""

    def __init__(self, leads: list[str]):
        self.construction = self.joiner = None
        if leads:
            lead = "|".join(regex.escape(word) for word in leads)
            self.construction = patterns.compile(rf"({lead})({LIST_ITEM}(?:(?:{LIST_JOINER}){LIST_ITEM})+)")
            self.joiner = patterns.compile(rf"({LIST_JOINER})(?!{lead})")

    def __call__(self, text: str) -> str:
        if self.construction is None:
            return text
        return self.construction.sub(lambda m: m[1] + self.joiner.sub(lambda j: j[1] + m[1], m[2]), text)


def section_at(doc: Document, line: int, skip: list[str]) -> Section | None:
    """The deepest section (at most a sub-part) holding `line`; None before the first heading
    or inside a part whose title has a `skip` keyword (shortfalls, next year's plan)."""
    return deepest_section(doc.root, line, skip)


@register("coverage")
class Coverage(Check):
    """Params: the PartLocator's, `elements` (each with `phrases`, optional `patterns` and
    `required`, default true), `spread` (words such as 亲自 that govern a list of verbs),
    `one_per_element` (one finding for each missing required element instead of one listing
    them all) and `look_elsewhere` (say where in the draft a missing element is written
    instead, outside the part). Findings point at the part's heading."""

    args = ("missing", "elsewhere", "gaps", "count", "where")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.locator = PartLocator.from_params(self)
        self.skip = self.string_list("skip_parts", [])
        self.elements = parse_elements(self)
        self.one_per_element = self.require("one_per_element", bool, False)
        self.look_elsewhere = self.require("look_elsewhere", bool, False)
        self.spread = Spreader(self.string_list("spread", []))
        self.owner: dict[str, int] = {}
        for i, element in enumerate(self.elements):
            for phrase in element.phrases:
                key = normalize(phrase)
                if self.owner.get(key, i) != i:
                    other = self.elements[self.owner[key]].name
                    raise ParamError(f"params.elements[{i}].phrases", f"“{phrase}”已属于要素“{other}”")
                self.owner[key] = i
        self.auto = PhraseScanner(self.owner)

    def covered(self, text: str, among: set[int] | None = None) -> set[int]:
        """The elements `text` covers (of `among` only, when given: its patterns alone are searched)."""
        flat = normalize(self.spread(QUOTES_AND_LAYOUT.sub("", text)))
        found = {self.owner[phrase] for _, _, phrase in find_all(self.auto, flat)}
        if among is not None:
            found &= among
        for i, element in enumerate(self.elements):
            if i not in found and (among is None or i in among) and any(p.search(flat) for p in element.patterns):
                found.add(i)
        return found

    def elsewhere(self, doc: Document, found: Place, missing: list[int]) -> dict[int, list[tuple[int, str]]]:
        """For each missing element, the (line, section title) of the places outside the part
        that write it, in the body of the draft (not its opening, shortfalls or plan)."""
        inside = found.spans
        places: dict[int, dict[tuple[int, int], tuple[int, str]]] = {}
        wanted = set(missing)
        for line in doc.paragraphs:
            if any(start <= line.start < end for start, end in inside):
                continue
            section = section_at(doc, line.number, self.skip)  # first: a walk down the tree costs less
            if section is None:
                continue
            hits = self.covered(line.content, wanted)
            if not hits:
                continue
            for i in hits:
                key = (section.first_line, section.last_line)
                places.setdefault(i, {}).setdefault(key, (line.number, title_path(section)))
        return {i: list(by_section.values())[:2] for i, by_section in places.items()}

    def check(self, doc):
        found = self.locator.locate(doc)
        if found is None:
            return
        covered = self.covered(found.text(doc))
        missing = [i for i, e in enumerate(self.elements) if e.required and i not in covered]
        if not missing:
            return
        written = self.elsewhere(doc, found, missing) if self.look_elsewhere else {}
        start, end = found.pointer
        # said only when the content was found elsewhere, so the reader knows what was judged
        where = "" if found.dedicated else f"（按{found.where()}中的内容判断）"
        groups = [[i] for i in missing] if self.one_per_element else [missing]
        for group in groups:
            absent = [self.elements[i] for i in group if i not in written]
            moved = [i for i in group if i in written]
            listed = "、".join(f"“{e.name}”（如“{e.example}”）" for e in absent)
            there = "、".join(f"“{self.elements[i].name}”写在" + "、".join(
                f"第{line}行“{title}”" for line, title in written[i]) + "中" for i in moved)
            if there:
                there += "，应作为主要负责人的履职情况写入这一部分，并写明主要负责人本人的做法"
            ask = ""
            if listed:
                duties = "这些职责" if len(absent) > 1 else "这项职责"
                ask = f"未写明{listed}，请补写主要负责人履行{duties}的具体做法"
            gaps = "；".join(filter(None, [ask, there]))
            yield Hit(start, end, {"missing": listed, "elsewhere": there, "gaps": gaps,
                                   "count": len(group), "where": where})
