"""What an official report looks like around its body, read from a Document: the head
(title lines and addressee), the sign-off (issuing organ and signing date), the report
year, the statutory parts, and ordinal sequences. Shared by the structure check kinds so
that each concept is defined once (GB/T 9704-2012; 法治政府建设与责任落实督察工作规定).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from .checks.phrases import automaton, find_all
from .document import Document, Heading, Line, per_document
from .numerals import cn_to_int

# A year as written in a title, heading or opening sentence: 2021年 / 二〇二一年.
YEAR = regex.compile(r"(?<!\d)(?P<year>20\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})年")
# A year that starts a span of time (2019年以来, 2018年起) is history, not the year reported on.
SINCE = regex.compile(r"(?:度)?(?:以来|起|开始|至|到|—|－|-|~|～)")
# Any way a drafter writes a date; GB/T 9704-2012 wants 2021年1月29日.
CN_DIGIT = "〇○零一二三四五六七八九"
DATE = regex.compile(
    rf"(?P<y>\d{{2,4}}|[{CN_DIGIT}]{{2,4}})\s*年\s*(?P<m>\d{{1,2}}|[{CN_DIGIT}十]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{CN_DIGIT}十]{{1,3}})\s*日"
    r"|(?P<y2>\d{4})\s*(?P<sep>[-./／－．])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?!\d)"
)
# Text that ends a sentence or a clause: a title or addressee never contains it.
SENTENCE_PUNCT = regex.compile(r"[。！？!?；;，,]")
# Layout of text copied from a web page: breadcrumbs, separators, runs of spaces between fields.
WEB_LAYOUT = regex.compile(r">>|[|｜]|\S[ \u3000\u00a0]{2,}\S")
# A note closing a line: （征求意见稿） after a title, （印章） after an organ.
TRAILING_NOTE = regex.compile(r"[（(][^（）()]*[）)]$")
ADDRESSEE_MAX = 60
TITLE_LINE_MAX = 60
# How far from the end the sign-off may stand (it may be followed by a stray line or two).
SIGNOFF_WINDOW = 3
# The first line of an attachment: 附件, 附件1, 附件二：…
ATTACHMENT = regex.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*(?:[：:]|$)")


def to_year(text: str) -> int | None:
    """二〇二一 -> 2021, 2021 -> 2021."""
    text = unicodedata.normalize("NFKC", text)
    return int(text) if text.isdigit() else cn_to_int(text)


def first_year(text: str) -> tuple[int, int, int] | None:
    """(year, start, end) of the first year in `text` that is not the start of a span of time."""
    for m in YEAR.finditer(text):
        if not SINCE.match(text, m.end()):
            year = to_year(m.group("year"))
            if year:
                return year, m.start(), m.end()
    return None


# -- dates ---------------------------------------------------------------------
@dataclass
class Date:
    text: str
    start: int  # offsets into Document.text
    end: int
    year: int
    month: int
    day: int

    @property
    def canonical(self) -> str:
        """GB/T 9704-2012: Arabic numerals, the full year, no leading zeros."""
        return f"{self.year}年{self.month}月{self.day}日"

    @property
    def well_formed(self) -> bool:
        return unicodedata.normalize("NFKC", self.text) == self.canonical


def parse_date(m: regex.Match, base: int) -> Date | None:
    if m.group("y2"):
        parts = [m.group("y2"), m.group("m2"), m.group("d2")]
    else:
        parts = [m.group("y"), m.group("m"), m.group("d")]
    values = [to_year(p) for p in parts]
    if any(v is None for v in values):
        return None
    year, month, day = values
    if year < 100:  # 21年1月29日: a short year means 20xx
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Date(m.group(), base + m.start(), base + m.end(), year, month, day)


# -- the head: title lines and addressee ------------------------------------------
@dataclass
class Head:
    lines: list[Line]  # non-blank lines before the body
    addressee: Line | None  # 主送机关, e.g. "区政府："


def is_addressee(line: Line) -> bool:
    text = line.content
    return (text.endswith(("：", ":")) and len(text) <= ADDRESSEE_MAX
            and "。" not in text and not WEB_LAYOUT.search(text))


@per_document
def head(doc: Document) -> Head:
    """The lines above the body: up to and including the addressee, else up to the first
    heading or sentence."""
    heading_lines = {h.line.number for h in doc.headings}
    out = []
    for line in doc.paragraphs:
        if is_addressee(line):
            return Head(out, line)
        if line.number in heading_lines or "。" in line.content or len(line.content) > TITLE_LINE_MAX:
            break
        out.append(line)
    return Head(out, None)


@per_document
def body_lines(doc: Document, doc_types: list[str]) -> list[Line]:
    """Paragraphs after the addressee, else after the title, else all of them."""
    top = head(doc)
    if top.addressee:
        last = top.addressee.number
    else:
        found = title(doc, doc_types)
        last = found.lines[-1].number if found else 0
    return [line for line in doc.paragraphs if line.number > last]


def is_title_line(line: Line) -> bool:
    text = line.content
    return (len(text) <= TITLE_LINE_MAX and not SENTENCE_PUNCT.search(text)
            and not regex.search(r"[：:]", text) and not WEB_LAYOUT.search(text))


@dataclass
class Title:
    lines: list[Line]

    @property
    def text(self) -> str:
        return "".join(line.content for line in self.lines)


@per_document
def title(doc: Document, doc_types: list[str]) -> Title | None:
    """The title: consecutive title-like head lines (a title may be split over lines, blank
    lines between) whose text ends with the document type (报告, 汇报 …)."""
    group: list[Line] = []
    for line in [*head(doc).lines, None]:
        if line is not None and is_title_line(line):
            group.append(line)
            continue
        # a trailing note such as （2021年度） or （征求意见稿） does not end the title
        text = TRAILING_NOTE.sub("", "".join(x.content for x in group))
        if group and text.endswith(tuple(doc_types)):
            return Title(group)
        group = []
    return None


# -- the sign-off: issuing organ and signing date ----------------------------------------
@dataclass
class Signoff:
    organ: Line | None
    date: Date | None
    date_line: Line | None


ORGAN_MAX = 40


def date_line(line: Line) -> Date | None:
    """The date when `line` is nothing but a date, or a name followed by one."""
    text = line.content
    m = DATE.search(text)
    before = text[: m.start()] if m else ""
    if not m or text[m.end() :].strip() or SENTENCE_PUNCT.search(before) or len(before.strip()) > ORGAN_MAX:
        return None
    return parse_date(m, line.content_start)


def is_name(text: str) -> bool:
    """Short, without punctuation: a name, not a sentence or a closing formula (特此报告。)."""
    text = regex.sub(r"[\s\u3000]+", "", text)
    return 0 < len(text) <= ORGAN_MAX and not SENTENCE_PUNCT.search(text) and not regex.search(r"[：:。]", text)


def is_organ(text: str, organ_endings: list[str]) -> bool:
    """An issuing organ's name (…局, …委员会), a seal note such as （印章） aside."""
    text = TRAILING_NOTE.sub("", regex.sub(r"[\s\u3000]+", "", text))
    return is_name(text) and text.endswith(tuple(organ_endings))


@per_document
def signoff_line(doc: Document) -> Line | None:
    """The line holding the signing date, among the last lines of the draft — or of the part
    before an attachment: attachments (附件1 …, tables) follow the sign-off (GB/T 9704-2012)."""
    paragraphs = doc.paragraphs
    ends = [len(paragraphs)] + [i for i, p in enumerate(paragraphs) if ATTACHMENT.match(p.content)]
    for end in ends:
        for line in reversed(paragraphs[max(0, end - SIGNOFF_WINDOW):end]):
            if date_line(line):
                return line
    return None


@per_document
def signing_date(doc: Document) -> Date | None:
    line = signoff_line(doc)
    return date_line(line) if line else None


def signoff(doc: Document, organ_endings: list[str]) -> Signoff:
    """The issuing organ and the signing date at the end of the draft."""
    line = signoff_line(doc)
    if line is None:
        last = doc.paragraphs[-1] if doc.paragraphs else None
        return Signoff(last if last and is_organ(last.content, organ_endings) else None, None, None)
    date = date_line(line)
    before = line.text[: date.start - line.start]
    # the name standing right before the date is the organ, whatever its ending
    if before.strip():  # organ and date on one line
        organ = line if is_name(before) else None
    else:
        previous = [p for p in doc.paragraphs if p.number < line.number]
        organ = previous[-1] if previous and is_name(previous[-1].content) else None
    return Signoff(organ, date, line)


# -- the report year ------------------------------------------------------------------
@per_document
def report_year(doc: Document, doc_types: list[str]) -> tuple[int, str] | None:
    """(year, where) — from the title, else the first year named in the body."""
    found = title(doc, doc_types)
    if found:
        year = first_year(found.text)
        if year:
            return year[0], "标题"
    end = signoff_line(doc)
    for line in body_lines(doc, doc_types):
        if line == end:
            break
        year = first_year(line.content)
        if year:
            return year[0], "正文"
    return None


# A closing formula between the body and the sign-off: 特此报告。/ 特此函告。
CLOSING = regex.compile(r"^特此\p{Han}{1,4}[。！]?$")


@per_document
def body_end(doc: Document) -> int:
    """The last line of the body: above the sign-off (organ line, date) and the closing formula."""
    end = signoff_line(doc)
    if end is None:
        return len(doc.lines)
    paragraphs = [line for line in doc.paragraphs if line.number < end.number]
    for _ in range(2):
        if paragraphs and (CLOSING.match(paragraphs[-1].content) or is_title_line(paragraphs[-1])):
            paragraphs.pop()
    return paragraphs[-1].number if paragraphs else end.number - 1


@per_document
def opening_year(doc: Document, doc_types: list[str]) -> tuple[int, int, int] | None:
    """(year, start, end) when the body's first paragraph opens with a year: "2021年，我局…"."""
    headings = {h.line.number for h in doc.headings}
    for line in body_lines(doc, doc_types):
        if line.number in headings:
            return None
        m = YEAR.match(line.content)
        if not m or SINCE.match(line.content, m.end()):
            return None
        year = to_year(m.group("year"))
        return (year, line.content_start + m.start(), line.content_start + m.end()) if year else None
    return None


# -- the statutory parts ---------------------------------------------------------------
@dataclass
class PartSpec:
    name: str  # the part as the regulation names it, used in messages
    short: str  # a short name, used to refer to the part from other rules
    titles: list[str]  # what drafters title it
    # phrases showing the part's content is written inside another part instead (another rule
    # asks for it to be set apart, so its absence as a part is not reported twice)
    inside_other_parts: list[str] = field(default_factory=list)


@dataclass
class Part:
    index: int  # position in the required order
    spec: PartSpec
    line: Line
    heading: Heading | None  # None when the part is a titled block without a numbered heading
    top: bool  # a first-level heading or a titled block (not a sub-heading inside another part)
    last_line: int  # the part's last line, inclusive

    @property
    def start(self) -> int:
        return self.heading.marker_start if self.heading else self.line.content_start

    @property
    def end(self) -> int:
        return self.heading.title_end if self.heading else self.line.end

    @property
    def label(self) -> str:
        return (self.heading.marker + self.heading.title) if self.heading else self.line.content.rstrip("：:")

    @property
    def title_text(self) -> str:
        return self.heading.title if self.heading else self.line.content


# A titled block: a short line standing alone, e.g. "存在的不足和原因：".
BLOCK_TITLE_MAX = 30


class PartFinder:
    """Finds the statutory parts by the titles drafters use (longest title wins; on a tie the
    later part, so 下一年度主要工作 is the plan, not the work done)."""

    def __init__(self, specs: list[PartSpec], doc_types: list[str]):
        self.specs = specs
        self.doc_types = doc_types
        self.auto = automaton({t for spec in specs for t in spec.titles})
        self.owner = {}
        for i, spec in enumerate(specs):
            for t in spec.titles:
                self.owner.setdefault(t, set()).add(i)

    def classify(self, text: str) -> int | None:
        best = None
        for _, _, phrase in find_all(self.auto, text):
            for index in self.owner[phrase]:
                key = (len(phrase), index)
                if best is None or key > best:
                    best = key
        return best[1] if best else None

    def find(self, doc: Document) -> list[Part]:
        """The first place each part is titled, in document order (asked by several rules:
        computed once per draft for the same part titles)."""
        key = ("parts", tuple((s.short, tuple(s.titles)) for s in self.specs), tuple(self.doc_types))
        return doc.memo(key, lambda: self._find(doc))

    def _find(self, doc: Document) -> list[Part]:
        body = body_lines(doc, self.doc_types)
        if not body:
            return []
        first_body, last_body = body[0].number, body_end(doc)
        by_line = {h.line.number: h for h in doc.headings}
        sections = {s.first_line: s for s in doc.sections()}
        candidates = []
        for line in doc.paragraphs:
            if not first_body <= line.number <= last_body:
                continue
            heading = by_line.get(line.number)
            if heading:
                text, top = heading.title, heading.level == 1
            elif len(line.content) <= BLOCK_TITLE_MAX and not SENTENCE_PUNCT.search(line.content.rstrip("：:")):
                text, top = line.content, True
            else:
                continue
            index = self.classify(text)
            if index is not None:
                candidates.append((line, heading, top, index))
        found: dict[int, Part] = {}
        tops = [c for c in candidates if c[2]]
        for line, heading, top, index in candidates:
            if index in found:
                continue
            if heading and heading.level > 1 and any(c[3] == index for c in tops):
                continue  # a sub-heading naming a part that has its own first-level title
            if heading:
                last = sections[line.number].last_line
            else:  # a titled block runs to the next top-level title
                nexts = [c[0].number for c in tops if c[0].number > line.number]
                last = (nexts[0] - 1) if nexts else last_body
            found[index] = Part(index, self.specs[index], line, heading, top, min(last, last_body))
        return sorted(found.values(), key=lambda p: p.line.number)


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
@dataclass
class SequenceProblem:
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
