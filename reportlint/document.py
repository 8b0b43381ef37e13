"""Document: the parsed draft every check reads. Built once per file; no check re-parses.

Offsets are code-point offsets into `Document.text` (the lines joined with "\\n"), so a
line/column pair is always in characters of the original text.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import field
from functools import cached_property

from . import patterns
from .load import Source
from .numerals import cn_to_int
from .records import record

# Leading layout: full-width spaces (U+3000), spaces, tabs. Not content.
INDENT = patterns.compile(r"^[\u3000 \t\u00a0]*")
CN_ORD = "[一二三四五六七八九十]{1,3}"
# GB/T 9704-2012 heading levels: 一、 → （一） → 1. → （1）. (?!\d) keeps 1.2万 out of level 3.
HEADING_FORMS = [
    (1, patterns.compile(rf"^(?P<ord>{CN_ORD})、")),
    (2, patterns.compile(rf"^[（(](?P<ord>{CN_ORD})[）)]")),
    (3, patterns.compile(r"^(?P<ord>\d{1,2})(?:[.．](?!\d)|、)")),
    (4, patterns.compile(r"^[（(](?P<ord>\d{1,2})[）)]")),
]
HEADING_START = set("一二三四五六七八九十（(0123456789")  # the characters a heading form can start with
ORDINAL_CHARS = patterns.compile(r"[一二三四五六七八九十\d]")
# In a .md draft: "## 一、…" and "**一、…**" are headings written in Markdown.
MARKDOWN_HEADING = patterns.compile(r"^(?:#{1,6}[ \t]+)?(?:\*\*|__)?")
# The end of a heading's title when body text follows on the same line.
TITLE_END = patterns.compile(r"[。！？!?]")
SENTENCE_END = patterns.compile(r"[。！？!?]+[”’」』）)]*")
# 一是…二是…, 一要…二要…: only at the start of a paragraph or after punctuation
# (so 统一是, 唯一是 are not markers).
ENUM_MARKER = patterns.compile(rf"(?<=^|[。；;：:，,！？!?\s])(?P<ord>{CN_ORD})(?P<suffix>[是要])")


def per_document(fn):
    """Cache `fn(doc, *args)` in doc.cache: several rules ask one draft the same question
    (where is its title, its sign-off, its report year). List arguments become tuples."""

    @functools.wraps(fn)
    def cached(doc, *args):
        key = (fn.__qualname__, *(tuple(a) if isinstance(a, list) else a for a in args))
        return doc.memo(key, lambda: fn(doc, *args))

    return cached


@record
class Line:
    """One line of the draft, where it starts and its indentation."""

    number: int  # 1-based
    start: int  # offset of the line's first character in Document.text
    text: str  # the line exactly as in the file
    indent: int  # characters of leading layout whitespace
    content: str = field(init=False)  # the text without its indentation and trailing blanks

    def __post_init__(self):
        # read by nearly every check: computed once, not on each access
        self.content = self.text[self.indent :].rstrip()

    @property
    def content_start(self) -> int:
        return self.start + self.indent

    @property
    def end(self) -> int:
        """Offset just after the last non-blank character."""
        return self.start + self.indent + len(self.content)

    @property
    def blank(self) -> bool:
        return not self.content


@record
class Heading:
    """A numbered heading (一、 （一） 1. （1）): its level and ordinal."""

    line: Line
    level: int  # 1 一、 / 2 （一） / 3 1. / 4 （1）
    ordinal: int
    marker: str  # the marker as written, e.g. "（一）" or "(一)"
    marker_start: int
    marker_end: int
    title: str  # text after the marker, up to the first 。 (or the line's end)
    title_start: int
    title_end: int

    @property
    def style(self) -> str:
        """The marker with its ordinal removed: "（）" vs "()" tells the two bracket styles apart."""
        return ORDINAL_CHARS.sub("", self.marker)


@record
class Section:
    """A heading, the lines under it and its sub-sections (the whole document at level 0)."""

    heading: Heading | None  # None for the whole document
    level: int  # 0 for the whole document
    first_line: int  # 1-based, the heading's line
    last_line: int  # 1-based, inclusive
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@record
class EnumItem:
    """One marker of a 一是…二是… enumeration."""

    ordinal: int
    marker: str  # e.g. "二是"
    start: int  # marker start
    end: int  # where the next item (or the paragraph) begins
    line: int


@record
class Enumeration:
    """The items of one 一是…二是… (or 一要…二要…) enumeration."""

    suffix: str  # 是 or 要
    items: list[EnumItem]


@record
class Sentence:
    """One sentence: its line and its offsets into Document.text."""

    line: int
    start: int
    end: int
    text: str


def continued(open_blocks: list[Enumeration], suffix: str, ordinal: int) -> Enumeration | None:
    """The open block a marker continues: one that expects exactly it, else the innermost of its
    kind; None when the marker starts a new block (一是)."""
    if ordinal == 1:
        return None
    same = [b for b in reversed(open_blocks) if b.suffix == suffix]
    return next((b for b in same if b.items[-1].ordinal == ordinal - 1), same[0] if same else None)


# How many 一是… blocks stay open, innermost last: real drafts nest two or three; a draft whose
# every paragraph opens with a marker must not make each marker search thousands of blocks.
OPEN_BLOCKS = 8


class Document:
    def __init__(self, source: Source):
        self.source = source
        self.path = source.path
        self.lines: list[Line] = []
        pos = 0
        for number, text in enumerate(source.lines, 1):
            indent = len(INDENT.match(text).group())
            self.lines.append(Line(number, pos, text, indent))
            pos += len(text) + 1
        self.text = "\n".join(source.lines)
        self.cache: dict = {}  # results computed once per document and shared by checks (phrase scans)
        self._starts = [line.start for line in self.lines]
        self.headings = [h for h in map(self._heading, self.lines) if h]
        self.root = self.section_tree()
        self.enumerations = self._enumerations()
        self.sentences = self._sentences()

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        from .load import split_lines

        lines, endings = split_lines(text)
        return cls(Source(path=path, lines=lines, newlines=endings))

    def memo(self, key, compute):
        """`compute()`, once per draft and key: answers several checks share."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    # -- positions ---------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    @cached_property
    def paragraphs(self) -> list[Line]:
        return [line for line in self.lines if not line.blank]

    @cached_property
    def quantities(self):
        """Every number with unit, label and approximation (see quantities.py)."""
        from .quantities import extract

        return extract(self)

    # -- parsing -----------------------------------------------------------------
    def _heading(self, line: Line) -> Heading | None:
        content = line.content
        offset = line.content_start
        markdown = self.path.lower().endswith(".md")
        if markdown:
            skip = MARKDOWN_HEADING.match(content).end()
            content, offset = content[skip:], offset + skip
        if not content or content[0] not in HEADING_START:
            return None  # most lines: no form can match
        for level, form in HEADING_FORMS:
            m = form.match(content)
            if not m:
                continue
            raw = m.group("ord")
            ordinal = int(raw) if raw.isdigit() else cn_to_int(raw)
            if not ordinal:
                continue
            rest = content[m.end() :]
            end = TITLE_END.search(rest)
            title = rest[: end.start()] if end else rest
            if markdown:
                title = title.rstrip("*_ \t")  # the closing ** of a bold heading
            if not title.strip():
                continue  # a bare "1." is not a heading
            return Heading(line, level, ordinal, m.group(), offset, offset + m.end(),
                           title, offset + m.end(), offset + m.end() + len(title))
        return None

    def section_tree(self, first: int = 1, last: int | None = None) -> Section:
        """The heading tree of lines first..last (the whole draft, or one attachment)."""
        last = len(self.lines) if last is None else last
        root = Section(None, 0, first, last)
        stack = [root]
        for heading in self.headings:
            if not first <= heading.line.number <= last:
                continue
            while stack[-1].level >= heading.level:
                stack.pop().last_line = heading.line.number - 1
            section = Section(heading, heading.level, heading.line.number, last, parent=stack[-1])
            stack[-1].children.append(section)
            stack.append(section)
        return root

    def sections(self, level: int | None = None) -> list[Section]:
        return [s for s in self.root.walk() if s.heading and (level is None or s.level == level)]

    def line_end(self, number: int) -> int:
        """Offset just after line `number`'s last character (layout included)."""
        line = self.line(number)
        return line.start + len(line.text)

    def section_text(self, section: Section) -> str:
        return self.text[self.line(section.first_line).start : self.line_end(section.last_line)]

    def _enumerations(self) -> list[Enumeration]:
        """一是…二是… blocks. A marker continues the innermost open block that expects it (so a
        nested 一是…二是… inside an item does not swallow the outer 二是), else the innermost
        of its kind (a gap or repeat, for the checks to report); 一 starts a new block. Blocks
        stay open into the next paragraph only when both paragraphs open with a marker."""
        blocks: list[Enumeration] = []
        open_: list[Enumeration] = []  # innermost last
        for line in self.lines:
            markers = list(ENUM_MARKER.finditer(line.content)) if not line.blank else []
            opens_with_marker = bool(markers) and markers[0].start() == 0
            if not opens_with_marker:
                open_ = []
            for i, m in enumerate(markers):
                end = markers[i + 1].start() if i + 1 < len(markers) else len(line.content)
                item = EnumItem(cn_to_int(m.group("ord")) or 0, m.group(), line.content_start + m.start(),
                                line.content_start + end, line.number)
                block = continued(open_, m.group("suffix"), item.ordinal)
                if block is None:
                    block = Enumeration(m.group("suffix"), [item])
                    blocks.append(block)
                    open_.append(block)
                    del open_[:-OPEN_BLOCKS]
                else:
                    block.items.append(item)
                    del open_[open_.index(block) + 1 :]  # lists nested in the previous item end here
            if markers and not opens_with_marker:
                open_ = []
        return blocks

    def _sentences(self) -> list[Sentence]:
        out = []
        for line in self.lines:
            content, base, pos = line.content, line.content_start, 0
            if not content:
                continue
            # the ends of its sentences, the line's end last (an empty piece after a final 。 is dropped)
            for end in [*(m.end() for m in SENTENCE_END.finditer(content)), len(content)]:
                piece = content[pos:end]
                if piece.strip():
                    out.append(Sentence(line.number, base + pos, base + end, piece))
                pos = end
        return out
