"""The document map: where a draft's title block, body, statutory parts, attachments and
sign-off stand, and what type of document it is. Said once here; every check asks it (the
answers are computed once per draft through Document.memo).

The layout is read as GB/T 9704-2012 and real reports lay it out: a title (possibly split over
lines), under it a subtitle (——2026年1月26日在…会议上 / （在…会议上）), a speaker line
(省长 王某某) or a date-and-place line, then the addressee (区政府： / 各位代表：) and the body;
after the body the sign-off (organ, date), then the attachments (附件1 …), each a document part
of its own with its own headings. Text copied from a web page keeps its furniture (下载 / 来源：)
around the title block; it is skipped here and reported by the hygiene rules.
"""

from __future__ import annotations

import unicodedata
from dataclasses import field

import regex

from . import patterns
from .document import Document, Heading, Line, Section, per_document
from .numerals import cn_to_int
from .phrasescan import PhraseScanner
from .records import record

# Patterns of the helpers below, compiled once (a module-level regex.search(...) call pays for
# the cache lookup each time).
COLON = patterns.compile(r"[：:]")
BLANKS = patterns.compile(r"[\s\u3000]+")
COLON_OR_FULL_STOP = patterns.compile(r"[：:。]")

# What a title ends with: the document type (文种). A title may be split over lines.
DOC_TYPES = ("报告", "汇报", "总结", "年报", "情况", "函", "请示", "通报", "说明")
# Text that ends a sentence or a clause: a title or addressee never contains it.
SENTENCE_PUNCT = patterns.compile(r"[。！？!?；;，,]")
# Layout of text copied from a web page: breadcrumbs, separators, runs of spaces between fields.
WEB_LAYOUT = patterns.compile(r">>|[|｜]|\s[>›»]\s|^[>›»]$|\S[ \u3000\u00a0]{2,}\S")
# A web page's field labels (来源：, 当前位置：, 【字号：): they end with a colon but address nobody.
WEB_FIELD = patterns.compile(
    r"^[【\[]|^(?:当前位置|您所在的位置|来源|文章来源|信息来源|稿件来源|时间|发布时间|发表时间|发布日期|更新时间|日期|作者"
    r"|编辑|责任编辑|阅读量|阅读|访问量|访问次数|浏览量|浏览次数|点击数|点击量|字号|字体|分享|分享到|索引号|主题分类|关键词"
    r"|发布机构|发文机关|发文字号|文号|成文日期|生成日期|公开方式|公开范围|信息类别|体裁分类|组配分类|有效性)\s*[：:]")
# A note closing a line: （征求意见稿） after a title, （印章） after an organ.
TRAILING_NOTE = patterns.compile(r"[（(][^（）()]*[）)]$")
ADDRESSEE_MAX = 60
TITLE_LINE_MAX = 60
# A line joined to the title line after it only when it is this long: a split title's first
# line carries the subject (2024年度某某市公安局法治政府建设 / 工作报告), a web label does not.
TITLE_PART_MIN = 8
TITLE_LINES_MAX = 3
# How many paragraphs the title block may take, web furniture included.
HEAD_MAX = 40
CN_DIGIT = "〇○零一二三四五六七八九"
# The subtitle of a speech or meeting report: ——2026年1月26日在…第五次会议上, （在…会议上）,
# and its continuation line (人民代表大会第五次会议上).
SUBTITLE = patterns.compile(
    r"^[—―－-]{1,2}|^[（(].*(?:会议|大会)|(?:会议|大会)上[）)]?$|^\S*?\d{1,2}\s*日\s*在\S*(?:会议|大会)")
MEETING = patterns.compile(r"会议|大会")
# The speaker: an office and a name set apart by a space (省长 王某某, 国务委员 公安部部长 某某某).
SPEAKER = patterns.compile(
    r"^[\p{Han}（）()\s]{0,30}?(?:长|主席|书记|主任|委员|总理)[ \u3000]+\p{Han}(?:[ \u3000]?\p{Han}){1,3}$")
# Any way a drafter writes a date; GB/T 9704-2012 wants 2021年1月29日.
DATE = patterns.compile(
    rf"(?P<y>\d{{2,4}}|[{CN_DIGIT}]{{2,4}})\s*年\s*(?P<m>\d{{1,2}}|[{CN_DIGIT}十]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{CN_DIGIT}十]{{1,3}})\s*日"
    r"|(?P<y2>\d{4})\s*(?P<sep>[-./／－．])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?!\d)"
)
# The first line of an attachment: 附件, 附件1, 附件二：…; standing alone, it opens the attachment
# itself (an attachment note 附件：1.某某表 before the sign-off names it without opening it).
ATTACHMENT = patterns.compile(r"^附[件表]\s*[0-9一二三四五六七八九十]*\s*(?:[：:]|$)")
ATTACHMENT_ALONE = patterns.compile(r"^附[件表]\s*[0-9一二三四五六七八九十]*\s*[：:]?$")
# How far from the end the sign-off may stand: after it only short lines without a sentence (a
# stray line, a web page's footer: 打印本页 / 关闭窗口 / 扫一扫在手机打开) may follow.
SIGNOFF_WINDOW = 8
FOOTER_LINE_MAX = 40
ORGAN_MAX = 40
# A closing formula between the body and the sign-off: 特此报告。/ 特此函告。
CLOSING = patterns.compile(r"^特此\p{Han}{1,4}[。！]?$")
# A titled block: a short line standing alone in the body, e.g. "存在的不足和原因：".
BLOCK_TITLE_MAX = 30


def to_year(text: str) -> int | None:
    """二〇二一 -> 2021, 2021 -> 2021."""
    text = unicodedata.normalize("NFKC", text)
    return int(text) if text.isdigit() else cn_to_int(text)


# -- dates ---------------------------------------------------------------------
@record
class Date:
    """A date as written (2026年1月26日), with where it stands."""

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


def date_line(line: Line) -> Date | None:
    """The date when `line` is nothing but a date, or a name followed by one."""
    text = line.content
    m = DATE.search(text)
    before = text[: m.start()] if m else ""
    if not m or text[m.end() :].strip() or SENTENCE_PUNCT.search(before) or len(before.strip()) > ORGAN_MAX:
        return None
    return parse_date(m, line.content_start)


# -- the title block --------------------------------------------------------------
@record
class Head:
    """What comes before the body: its lines (web furniture included) and the addressee."""

    lines: list[Line]  # non-blank lines before the body (web furniture included)
    addressee: Line | None  # 主送机关, e.g. "区政府：" or "各位代表："


def is_addressee(line: Line) -> bool:
    text = line.content
    return (text.endswith(("：", ":")) and len(text) <= ADDRESSEE_MAX and "。" not in text
            and not WEB_LAYOUT.search(text) and not WEB_FIELD.match(text))


def is_title_line(line: Line) -> bool:
    text = line.content
    return (len(text) <= TITLE_LINE_MAX and not SENTENCE_PUNCT.search(text)
            and not COLON.search(text) and not WEB_LAYOUT.search(text))


def ends_with_type(text: str) -> bool:
    """A title's text: it ends with the document type, a note such as （征求意见稿） aside."""
    return TRAILING_NOTE.sub("", text).endswith(DOC_TYPES)


def is_furniture(line: Line) -> bool:
    """A line of the title block that is not the title: subtitle, speaker, date, web label."""
    text = line.content
    return bool(SUBTITLE.search(text) or SPEAKER.match(text) or DATE.search(text) or WEB_FIELD.match(text))


@per_document
def head(doc: Document) -> Head:
    """The lines above the body: up to and including the addressee, else up to the first heading
    or sentence. A sentence standing in the title block is passed over when the block goes on
    after it: a photo caption above the title, a news lead right above 各位代表：."""
    heading_lines = {h.line.number for h in doc.headings}
    lead = doc.paragraphs[:HEAD_MAX]
    out: list[Line] = []
    for i, line in enumerate(lead):
        if line.number in heading_lines:
            break
        if is_addressee(line):
            return Head(out, line)
        if "。" in line.content or len(line.content) > TITLE_LINE_MAX:
            following = lead[i + 1] if i + 1 < len(lead) else None
            titled = any(is_title_line(x) and ends_with_type(x.content) for x in out)
            goes_on = following is not None and following.number not in heading_lines and (
                (titled and is_addressee(following))
                or (not titled and is_title_line(following) and ends_with_type(following.content)))
            if not goes_on:
                break
        out.append(line)
    return Head(out, None)


@record
class Title:
    """The document's title, on one line or several."""

    lines: list[Line]

    @property
    def text(self) -> str:
        return "".join(line.content for line in self.lines)


@per_document
def title(doc: Document) -> Title | None:
    """The title: the first head line naming the document type (报告, 汇报 …), with the lines
    of a title split over several lines before it (blank lines between)."""
    lines = head(doc).lines
    for i, line in enumerate(lines):
        if not (is_title_line(line) and ends_with_type(line.content)) or SPEAKER.match(line.content):
            continue
        group = [line]
        for before in reversed(lines[max(0, i - TITLE_LINES_MAX + 1) : i]):
            if not is_title_line(before) or is_furniture(before) or len(before.content) < TITLE_PART_MIN:
                break
            group.insert(0, before)
        return Title(group)
    return None


@record
class TitleBlock:
    """The title with the lines that go with it: subtitle, speaker."""

    title: Title | None
    subtitle: list[Line]  # ——2026年1月26日在…会议上, and its continuation
    speaker: Line | None  # 省长 王某某
    addressee: Line | None


@per_document
def title_block(doc: Document) -> TitleBlock:
    top = head(doc)
    found = title(doc)
    after = [x for x in top.lines if found and x.number > found.lines[-1].number]
    subtitle = [x for x in after if SUBTITLE.search(x.content)]
    speaker = next((x for x in after if SPEAKER.match(x.content)), None)
    return TitleBlock(found, subtitle, speaker, top.addressee)


# -- attachments and the sign-off ---------------------------------------------------
@per_document
def signoff_line(doc: Document) -> Line | None:
    """The line holding the signing date, among the last lines of the draft — or of the part
    before an attachment: attachments (附件1 …, tables) follow the sign-off (GB/T 9704-2012)."""
    paragraphs = doc.paragraphs
    ends = [len(paragraphs)] + [i for i, p in enumerate(paragraphs) if ATTACHMENT.match(p.content)]
    for end in ends:
        for line in reversed(paragraphs[max(0, end - SIGNOFF_WINDOW):end]):
            if date_line(line) and not WEB_FIELD.match(line.content):  # 发布日期：… is the page's
                return line
            if "。" in line.content or len(line.content) > FOOTER_LINE_MAX:
                break  # the body: the sign-off would stand below it
    return None


@record
class Segment:
    """The main document or one attachment: a document part with its own heading tree."""

    first_line: int  # 1-based, inclusive
    last_line: int
    label: str  # "正文", or the attachment's first line ("附件1")
    root: Section


@per_document
def segments(doc: Document) -> list[Segment]:
    """The main document, then each attachment: a line 附件 / 附件1 standing alone, or any 附件…
    line after the sign-off (in a draft without one, anywhere: nothing but attachments follows)."""
    signed = signoff_line(doc)
    starts = [p for p in doc.paragraphs
              if ATTACHMENT_ALONE.match(p.content)
              or ((signed is None or p.number > signed.number) and ATTACHMENT.match(p.content))]
    starts = [p for p in starts if p.number > 1]
    bounds = [1] + [p.number for p in starts] + [len(doc.lines) + 1]
    labels = ["正文"] + [p.content for p in starts]
    if not starts:
        return [Segment(1, len(doc.lines), "正文", doc.root)]
    return [Segment(a, b - 1, label, doc.section_tree(a, b - 1))
            for a, b, label in zip(bounds, bounds[1:], labels, strict=False)]


def main_end(doc: Document) -> int:
    """The main document's last line: attachments follow it."""
    return segments(doc)[0].last_line


@record
class Signoff:
    """The issuing organ and the date at the end of the document."""

    organ: Line | None
    date: Date | None
    date_line: Line | None


def is_name(text: str) -> bool:
    """Short, without punctuation: a name, not a sentence or a closing formula (特此报告。)."""
    text = BLANKS.sub("", text)
    return 0 < len(text) <= ORGAN_MAX and not SENTENCE_PUNCT.search(text) and not COLON_OR_FULL_STOP.search(text)


def is_organ(text: str, organ_endings: list[str]) -> bool:
    """An issuing organ's name (…局, …委员会), a seal note such as （印章） aside."""
    text = TRAILING_NOTE.sub("", BLANKS.sub("", text))
    return is_name(text) and text.endswith(tuple(organ_endings))


BRACKETED = patterns.compile(r"^[（(](.+)[）)]$")


@per_document
def title_date(doc: Document) -> tuple[Line, Date] | None:
    """A date standing alone under the title — （2024年1月20日） — as published reports carry
    their signing date (the title names the organ); not a web page's 发布时间：…"""
    block = title_block(doc)
    if block.title is None:
        return None
    for line in head(doc).lines:
        if line.number <= block.title.lines[-1].number or WEB_FIELD.match(line.content):
            continue
        text, base = line.content, line.content_start
        bracketed = BRACKETED.match(text)
        if bracketed:
            text, base = bracketed[1], base + 1
        m = DATE.fullmatch(text)
        date = parse_date(m, base) if m else None
        if date:
            return line, date
    return None


@per_document
def signing_date(doc: Document) -> Date | None:
    """The date of the sign-off at the end, else the one under the title."""
    line = signoff_line(doc)
    if line:
        return date_line(line)
    under_title = title_date(doc)
    return under_title[1] if under_title else None


def signoff(doc: Document, organ_endings: list[str]) -> Signoff:
    """The issuing organ and the signing date at the end of the main document (or, published
    that way, the date under the title, whose title names the organ)."""
    line = signoff_line(doc)
    if line is None and title_date(doc):
        date_under, date = title_date(doc)
        return Signoff(title_block(doc).title.lines[0], date, date_under)
    if line is None:
        main = [p for p in doc.paragraphs if p.number <= main_end(doc)]
        last = main[-1] if main else None
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


# -- the body -------------------------------------------------------------------------
@per_document
def body_lines(doc: Document) -> list[Line]:
    """Paragraphs of the main document after the addressee, else after the title block, else
    all of them."""
    block = title_block(doc)
    if block.addressee:
        last = block.addressee.number
    elif block.title:  # the title, then its subtitle, speaker, date and a web page's labels
        last = block.title.lines[-1].number
        for line in head(doc).lines:
            if line.number > last:
                if not (is_furniture(line) or WEB_LAYOUT.search(line.content)):
                    break
                last = line.number
    else:
        last = 0
    end = main_end(doc)
    return [line for line in doc.paragraphs if last < line.number <= end]


@per_document
def body_end(doc: Document) -> int:
    """The last line of the body: above the sign-off (organ line, date) and the closing formula,
    and above the attachments."""
    end = signoff_line(doc)
    if end is None:
        main = [p for p in doc.paragraphs if p.number <= main_end(doc)]
        return main[-1].number if main else len(doc.lines)
    paragraphs = [line for line in doc.paragraphs if line.number < end.number]
    for _ in range(2):
        if paragraphs and (CLOSING.match(paragraphs[-1].content) or is_title_line(paragraphs[-1])):
            paragraphs.pop()
    return paragraphs[-1].number if paragraphs else end.number - 1


# -- part titles: where each part of the body is titled ---------------------------------------
@record
class PartTitle:
    """A line that titles a part of the body: a heading, or a short line standing alone."""

    line: Line
    heading: Heading | None  # None for a titled block: a short line standing alone
    top: bool  # a top-level heading of the body or a titled block, not a sub-heading
    section: Section | None  # the heading's section
    text: str = field(init=False)  # the title: the heading's, or the block's line without its colon

    def __post_init__(self):
        # read for every part looked for (find_part): computed once, not on each access
        self.text = self.heading.title if self.heading else self.line.content.rstrip("：:")


@per_document
def part_titles(doc: Document) -> list[PartTitle]:
    """Every heading of the body and every short line standing alone in it, in order."""
    body = body_lines(doc)
    if not body:
        return []
    first, last = body[0].number, body_end(doc)
    root = segments(doc)[0].root
    sections = {s.first_line: s for s in root.walk() if s.heading}
    out = []
    for line in doc.paragraphs:
        if not first <= line.number <= last:
            continue
        section = sections.get(line.number)
        if section:
            out.append(PartTitle(line, section.heading, section.parent is root, section))
        elif len(line.content) <= BLOCK_TITLE_MAX and not SENTENCE_PUNCT.search(line.content.rstrip("：:")):
            out.append(PartTitle(line, None, True, None))
    return out


def part_end(doc: Document, found: PartTitle, titled: list[PartTitle]) -> int:
    """A heading's part runs to its section's end; a titled block to the next top-level heading
    or the next block in `titled` (a short table cell does not end it)."""
    last = body_end(doc)
    if found.heading:
        return min(found.section.last_line, last)
    nexts = [t.line.number for t in titled if t.top and t.line.number > found.line.number]
    nexts += [t.line.number for t in part_titles(doc) if t.heading and t.top and t.line.number > found.line.number]
    return min(min(nexts) - 1 if nexts else last, last)


@record
class Place:
    """Where a part's content is: a dedicated part, or the sections elsewhere that hold it."""

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


# Found content is judged at the level of a （一） sub-part at most: a 1. item is too small a unit.
CONTENT_LEVEL = 2


def find_part(doc: Document, titles: list[str], anchors: list[str] = (), skip: list[str] = ()) -> Place | None:
    """The part titled with one of `titles` (a top-level heading or a titled block), else the
    sections elsewhere holding its content, found by `anchors` (phrases only that content uses)
    outside the parts whose title has a `skip` keyword (shortfalls, next year's plan)."""
    key = ("find_part", tuple(titles), tuple(anchors), tuple(skip))
    return doc.memo(key, lambda: dedicated(doc, titles) or elsewhere(doc, anchors, skip))


def dedicated(doc: Document, titles: list[str]) -> Place | None:
    candidates = part_titles(doc)
    named = [t for t in candidates if t.top and any(k in t.text for k in titles)]
    if not named:
        return None
    found = named[0]
    last = part_end(doc, found, named)
    if found.heading:
        h = found.heading
        return Place(True, [(h.title_end, doc.line_end(last))], (h.title_start, h.title_end),
                     [(found.line.number, h.marker + h.title)])
    line = found.line
    return Place(True, [(line.end, doc.line_end(last))], (line.content_start, line.end), [(line.number, found.text)])


def elsewhere(doc: Document, anchors: list[str], skip: list[str]) -> Place | None:
    if not anchors:
        return None
    auto = doc.memo(("anchors", tuple(anchors)), lambda: PhraseScanner(anchors))
    root = segments(doc)[0].root
    found: dict[tuple[int, int], Section] = {}
    for start, _end, _phrase in auto.iter(doc.text):
        line, _ = doc.position(start)
        section = content_section(root, line, skip)
        if section is not None:
            found.setdefault((section.first_line, section.last_line), section)
    if not found:
        return None
    sections = [found[k] for k in sorted(found)]
    h = sections[0].heading
    return Place(False, [(doc.line(s.first_line).start, doc.line_end(s.last_line)) for s in sections],
                 (h.title_start, h.title_end), [(s.first_line, title_path(s)) for s in sections])


def deepest_section(root: Section, line: int, skip: list[str]) -> Section | None:
    """The deepest section (at most a sub-part) holding `line`; None for text before the first
    heading (an opening slogan is not content) or inside a part whose title has a `skip` word."""
    path, node = [], root
    while True:
        child = next((c for c in node.children if c.first_line <= line <= c.last_line), None)
        if child is None or child.level > CONTENT_LEVEL:
            break
        path.append(child)
        node = child
    if not path or any(k in path[0].title for k in skip):
        return None
    return path[-1]


def content_section(root: Section, line: int, skip: list[str]) -> Section | None:
    """deepest_section, and for a part's lead paragraph only its own lines, not its sub-parts."""
    section = deepest_section(root, line, skip)
    if section is None:
        return None
    if section.children and line < section.children[0].first_line:
        # the lead paragraph of a part: only its own lines, not its sub-parts
        return Section(section.heading, section.level, section.first_line,
                       section.children[0].first_line - 1, section.parent)
    return section


# -- the document type -------------------------------------------------------------------
@record
class DocType:
    """The kind of document a draft was recognised as, and why."""

    profile: str
    reason: str  # why, in Chinese: 标题以“政府工作报告”结尾


def doc_type(doc: Document, profiles: dict[str, dict]) -> DocType | None:
    """The profile whose `recognise.title_block` signs the title block has (a subtitle naming a
    meeting, a speaker line: a report made at a meeting), else whose `titles` the title ends with
    (the longest ending wins), else whose `addressees` the addressee starts with; else None."""
    block = title_block(doc)
    meeting = "".join(x.content for x in block.subtitle)
    signs = {"subtitle": meeting if MEETING.search(meeting) else None,
             "speaker": block.speaker.content if block.speaker else None}
    by_block = next((DocType(name, f"标题下的{'题注' if sign == 'subtitle' else '报告人'}“{signs[sign]}”")
                     for name, spec in profiles.items() for sign in spec.get("recognise", {}).get("title_block", [])
                     if signs.get(sign)), None)
    by_title = None
    if block.title:
        text, best = TRAILING_NOTE.sub("", block.title.text), None
        for name, spec in profiles.items():
            for ending in spec.get("recognise", {}).get("titles", []):
                if text.endswith(ending) and (best is None or len(ending) > len(best[1])):
                    best = (name, ending)
        if best:
            said = f"标题“{text}”" if text == best[1] else f"标题“{text}”以“{best[1]}”结尾"
            by_title = DocType(best[0], said)
    # a report made at a meeting is one whatever its title says (…情况的报告 to the 人大常委会)
    if by_block and (by_title is None or by_title.profile != by_block.profile):
        return by_block
    if by_title:
        return by_title
    if block.addressee:
        for name, spec in profiles.items():
            for start in spec.get("recognise", {}).get("addressees", []):
                if block.addressee.content.startswith(start):
                    return DocType(name, f"主送“{block.addressee.content}”")
    return None


# -- the statutory parts ---------------------------------------------------------------
FINDERS_KEPT = 8
_FINDERS: dict[tuple, PartFinder] = {}
@record
class PartSpec:
    """A part the regulation requires, as a profile describes it."""

    name: str  # the part as the regulation names it, used in messages
    short: str  # a short name, used to refer to the part from other rules
    titles: list[str]  # what drafters title it
    # phrases showing the part's content is written inside another part instead (another rule
    # asks for it to be set apart, so its absence as a part is not reported twice)
    inside_other_parts: list[str] = field(default_factory=list)


@record
class Part:
    """A required part found in a draft, at the line that titles it."""

    index: int  # position in the required order
    spec: PartSpec
    line: Line
    heading: Heading | None  # None when the part is a titled block without a numbered heading
    top: bool  # a top-level heading or a titled block (not a sub-heading inside another part)
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


def part_finder(specs: list[PartSpec]) -> PartFinder:
    """The finder for these parts, shared by every rule that looks for the same ones (six structure
    rules do): its automaton is built, held and pickled (plancache.py) once."""
    key = tuple((s.name, s.short, tuple(s.titles), tuple(s.inside_other_parts)) for s in specs)
    if key not in _FINDERS:
        if len(_FINDERS) >= FINDERS_KEPT:  # a process that loads packs again and again
            _FINDERS.clear()
        _FINDERS[key] = PartFinder(specs)
    return _FINDERS[key]


class PartFinder:
    """Finds the statutory parts among the part titles by the titles drafters use (longest title
    wins; on a tie the later part, so 下一年度主要工作 is the plan, not the work done)."""

    def __init__(self, specs: list[PartSpec]):
        self.specs = specs
        self.auto = PhraseScanner({t for spec in specs for t in spec.titles})
        self.owner: dict[str, set[int]] = {}
        for i, spec in enumerate(specs):
            for t in spec.titles:
                self.owner.setdefault(t, set()).add(i)

    def classify(self, text: str) -> int | None:
        best = None
        for _, _, phrase in self.auto.iter(text):
            for index in self.owner[phrase]:
                key = (len(phrase), index)
                if best is None or key > best:
                    best = key
        return best[1] if best else None

    def find(self, doc: Document) -> list[Part]:
        """The first place each part is titled, in document order (asked by several rules:
        computed once per draft for the same part titles)."""
        key = ("parts", tuple((s.short, tuple(s.titles)) for s in self.specs))
        return doc.memo(key, lambda: self._find(doc))

    def _find(self, doc: Document) -> list[Part]:
        candidates = [(t, self.classify(t.line.content if t.heading is None else t.heading.title))
                      for t in part_titles(doc)]
        candidates = [(t, i) for t, i in candidates if i is not None]
        titled = [t for t, _ in candidates]
        found: dict[int, Part] = {}
        tops = {i for t, i in candidates if t.top}
        for t, index in candidates:
            if index in found:
                continue
            if not t.top and index in tops:
                continue  # a sub-heading naming a part that has its own top-level title
            found[index] = Part(index, self.specs[index], t.line, t.heading, t.top, part_end(doc, t, titled))
        return sorted(found.values(), key=lambda p: p.line.number)
