"""Word drafts: .docx bytes -> Source, one line per body paragraph (line N is paragraph N).

The zip container is checked before python-docx sees it: a file that is not a zip, lacks
word/document.xml, or would inflate past a sane size (a zip bomb) is refused with one line.
Reading order: body paragraphs as they stand, a table's cells row by row (each cell
paragraph its own line), content controls opened; headers, footers, text boxes left out.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .errors import InputError
from .load import Source
from .numerals import int_to_cn

MAIN_PART = "word/document.xml"
# Real drafts are a few MB unpacked; python-docx holds the whole XML tree in memory.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 10_000
CHUNK = 1024 * 1024  # inflated a megabyte at a time
# Word's XML deflates 5-30x; a big blank table reaches ~170x. Deflate tops out near 1030x,
# reached only by near-constant data: on a sizeable entry, that is a bomb.
MAX_RATIO = 500
RATIO_FLOOR = 10 * 1024 * 1024  # entries smaller than this cannot hurt, whatever their ratio

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_TBL, W_TR, W_TC = W + "p", W + "tbl", W + "tr", W + "tc"
# Wrappers whose children belong to the parent's flow (content controls, custom XML).
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
NAMESPACES = {
    "w": W[1:-1],
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
# A paragraph's runs, including those in hyperlinks, fields, insertions and content controls,
# but not those of a text box anchored in it (a separate flow, and stored twice: DrawingML and
# its VML fallback). Deleted text is w:delText, which a run's .text does not read.
RUNS = etree.XPath(".//w:r[not(ancestor::w:txbxContent)][not(ancestor::mc:Fallback)]", namespaces=NAMESPACES)


RESAVE = "请在 Word/WPS 中打开后重新另存为 .docx"
BOMB = "疑为恶意压缩包（zip 炸弹），已拒绝读取"


def check_container(path: str, data: bytes) -> None:
    """Raise InputError unless `data` is a zip with a Word main part and a sane unpacked size.

    zipfile never inflates an entry past its declared size, so the declared sizes bound what
    python-docx can be made to read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InputError(path, f"不是有效的 .docx 文件（可能已损坏、已加密或实为其他格式），{RESAVE}") from None
    if not any(e.filename == MAIN_PART for e in entries):
        raise InputError(path, f"不是有效的 .docx 文件（缺少正文部分 {MAIN_PART}），{RESAVE}")
    if len(entries) > MAX_ENTRIES:
        raise InputError(path, f".docx 内含 {len(entries)} 个部件，远超正常文档，{BOMB}")
    mb = 1024 * 1024
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise InputError(path, f".docx 解压后达 {total // mb} MB，超过上限 {MAX_UNCOMPRESSED // mb} MB，{BOMB}")
    for entry in entries:
        if entry.header_offset + entry.compress_size > len(data):  # a directory that lies about a part
            raise InputError(path, f".docx 中的 {entry.filename} 记录的大小与文件不符，{BOMB}")
        ratio = entry.file_size // max(entry.compress_size, 1)
        if entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(path, f".docx 中的 {entry.filename} 压缩比异常（{ratio} 倍），{BOMB}")
    inflate_within_cap(path, data, entries)


def inflate_within_cap(path: str, data: bytes, entries) -> None:
    """Inflate every part chunk by chunk, counting what comes out, whatever the directory says:
    a part that inflates past the cap is refused before more of it is produced. python-docx then
    reads the same streams, so what it can be made to hold is bounded by the same cap."""
    produced = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in entries:
                with archive.open(entry) as stream:
                    while chunk := stream.read(CHUNK):
                        produced += len(chunk)
                        if produced > MAX_UNCOMPRESSED:
                            cap = MAX_UNCOMPRESSED // (1024 * 1024)
                            raise InputError(path, f".docx 实际解压超过上限 {cap} MB，{BOMB}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, NotImplementedError,
            RuntimeError):  # a wrong CRC, a truncated stream, an unknown method or an encrypted part
        raise InputError(path, f"不是有效的 .docx 文件（可能已损坏、已加密或实为其他格式），{RESAVE}") from None


def blocks(container, cell=None, tables=None):
    """(paragraph, cell) for the paragraphs of a body or cell in reading order, tables row by row,
    cell by cell. `cell` is (table, row, column), 1-based, tables counted in reading order (a nested
    table counts too and gives its own coordinates), None outside tables."""
    tables = tables if tables is not None else [0]
    for child in container.iterchildren():
        if child.tag == W_P:
            yield child, cell
        elif child.tag == W_TBL:
            tables[0] += 1
            table = tables[0]
            for r, row in enumerate(flow(child, W_TR), 1):
                for c, td in enumerate(flow(row, W_TC), 1):
                    yield from blocks(td, (table, r, c), tables)
        elif child.tag in (W_SDT, W_CUSTOM_XML):
            yield from blocks(unwrap(child), cell, tables)


def unwrap(wrapper):
    """The element holding a wrapper's children: w:sdtContent for a content control (an empty
    element if it has none), the element itself for custom XML."""
    if wrapper.tag == W_SDT:
        inner = wrapper.find(W_SDT_CONTENT)
        return inner if inner is not None else etree.Element(W_SDT_CONTENT)
    return wrapper


def flow(parent, tag):
    """Children of `parent` with `tag`, looking through content-control / custom-XML wrappers."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, W_CUSTOM_XML):
            yield from flow(unwrap(child), tag)


def paragraph_text(paragraph) -> str:
    """The paragraph's text on one line: a soft line break (Shift+Enter) becomes a space."""
    text = "".join(run.text for run in RUNS(paragraph))
    return text.replace("\r", " ").replace("\n", " ")


def load_docx(path: str, data: bytes) -> Source:
    check_container(path, data)
    import docx  # python-docx: imported only when a Word draft is read

    try:
        document = docx.Document(io.BytesIO(data))
        numbering = Numbering(document.part)
    except Exception:  # untrusted bytes: any failure to parse the package means a broken file
        raise InputError(path, f"无法读取 .docx 文件（文件已损坏或不是 Word 文档），{RESAVE}") from None
    lines, cells, paragraphs = [], [], []
    for paragraph, cell in blocks(document.element.body):
        lines.append(numbering.label(paragraph) + paragraph_text(paragraph))
        cells.append(cell)
        paragraphs.append(paragraph)
    return Source(path=path, lines=lines, encoding="utf-8", newlines=None, kind="docx", cells=cells,
                  comments=comments(document, paragraphs))


# Word comments: where each is anchored, in lines (paragraphs), and what it says.
W_COMMENT = W + "comment"
W_COMMENT_START, W_COMMENT_END, W_COMMENT_REF = W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"


def comments(document, paragraphs) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each comment: from the paragraph its range starts in to
    the one it ends in (a range starting between paragraphs starts at the next one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        root = related(document.part, RT.COMMENTS)
        if root is None:
            return []
        texts = {c.get(W + "id"): "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W_P))
                 for c in root.iter(W_COMMENT)}
    except Exception:  # a broken comments part loses the comments, not the draft
        return []
    number = {p: n for n, p in enumerate(paragraphs, 1)}
    first, last, current = {}, {}, 0
    for element in document.element.body.iter(W_P, W_COMMENT_START, W_COMMENT_END, W_COMMENT_REF):
        if element.tag == W_P:
            current = number.get(element, current)
            continue
        inside = any(a.tag == W_P for a in element.iterancestors(W_P))
        cid = element.get(W + "id")
        if element.tag == W_COMMENT_START:
            first.setdefault(cid, current if inside else current + 1)
        else:
            last[cid] = max(current, 1)
    out = []
    for cid, text in texts.items():
        start = first.get(cid, last.get(cid))
        if start is None or not paragraphs:
            continue
        start = min(start, len(paragraphs))
        out.append((start, max(start, last.get(cid, start)), text))
    return sorted(out)


# Automatic numbering. Headings numbered by Word (a list style, or 标题 1 linked to a multilevel
# list) carry no "一、" in their text; the reader sees it, and the structure rules need it.
VAL = W + "val"
MAX_START = 32767  # the largest "start at" Word accepts
CN_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
STEMS = "甲乙丙丁戊己庚辛壬癸"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(n: int) -> str:
    if not 0 < n < 4000:  # no roman numeral for it: Word itself falls back to digits
        return str(n)
    out = ""
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def letters(n: int) -> str:
    """Word repeats the letter: 1 a, 26 z, 27 aa; past 30 repeats, digits (a label stays short)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= 26 * 30 else str(n)


def number_format(fmt: str, n: int) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "taiwaneseCounting"):
        return int_to_cn(n)
    if fmt == "chineseLegalSimplified":
        return int_to_cn(n).translate(CN_LEGAL)
    if fmt in ("ideographTraditional", "ideographZodiac") and 0 < n <= len(STEMS):
        return STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return letters(n) if fmt == "lowerLetter" else letters(n).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(n) if fmt == "lowerRoman" else roman(n).upper()
    return "" if fmt == "none" else str(n)


def integer(text: str | None, default: int = 0) -> int:
    """A numeric attribute, within Word's own range 0..32767; a malformed one (hand-edited XML)
    counts as absent, an out-of-range one is clamped, so a label is never longer than a few
    characters (w:start="5000000000" would otherwise build a five-billion-letter label)."""
    if text is None or len(text) > 100:
        return default
    try:
        return min(max(int(text), 0), MAX_START)
    except ValueError:
        return default


def attr(element, path: str) -> str | None:
    """w:val of the child at `path` (e.g. "w:numFmt"), or None."""
    child = element.find(path, NAMESPACES) if element is not None else None
    return child.get(VAL) if child is not None else None


def related(part, reltype: str):
    try:
        return part.part_related_by(reltype).element
    except KeyError:
        return None


class Numbering:
    """Renders each numbered paragraph's label as Word shows it, counting in document order."""

    def __init__(self, part):
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        numbering, styles = related(part, RT.NUMBERING), related(part, RT.STYLES)
        found = styles.iterfind("w:style", NAMESPACES) if styles is not None else ()
        self.styles = {s.get(W + "styleId"): s for s in found}
        self.default_style = next((i for i, s in self.styles.items()
                                   if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true")), None)
        self.levels: dict[str, dict[int, object]] = {}  # abstractNumId -> ilvl -> w:lvl
        self.links: dict[str, str] = {}  # abstractNumId -> numbering style that defines the list
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        if numbering is None:
            return
        for abstract in numbering.iterfind("w:abstractNum", NAMESPACES):
            abstract_id = abstract.get(W + "abstractNumId")
            self.levels[abstract_id] = {
                integer(lvl.get(W + "ilvl")): lvl for lvl in abstract.iterfind("w:lvl", NAMESPACES)}
            if attr(abstract, "w:numStyleLink"):
                self.links[abstract_id] = attr(abstract, "w:numStyleLink")
        for num in numbering.iterfind("w:num", NAMESPACES):
            overrides = {integer(o.get(W + "ilvl")): integer(attr(o, "w:startOverride"))
                         for o in num.iterfind("w:lvlOverride", NAMESPACES) if attr(o, "w:startOverride")}
            self.nums[num.get(W + "numId")] = (attr(num, "w:abstractNumId"), overrides)

    def style_numbering(self, style_id: str | None, depth: int = 0) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives, following basedOn."""
        style = self.styles.get(style_id)
        if style is None or depth > 20:
            return None, None
        num_id, ilvl = attr(style, "w:pPr/w:numPr/w:numId"), attr(style, "w:pPr/w:numPr/w:ilvl")
        if num_id is not None:
            return num_id, ilvl
        return self.style_numbering(attr(style, "w:basedOn"), depth + 1)

    def resolve(self, num_id: str):
        """(counter key, levels, start overrides) of a w:num, through one numStyleLink."""
        abstract_id, overrides = self.nums.get(num_id, (None, {}))
        if abstract_id in self.links:
            linked = self.style_numbering(self.links[abstract_id])[0]
            abstract_id = self.nums.get(linked, (None, {}))[0]
        return (num_id if overrides else abstract_id), self.levels.get(abstract_id, {}), overrides

    def label(self, paragraph) -> str:
        style_id = attr(paragraph, "w:pPr/w:pStyle") or self.default_style
        num_id, ilvl = attr(paragraph, "w:pPr/w:numPr/w:numId"), attr(paragraph, "w:pPr/w:numPr/w:ilvl")
        if num_id is None:
            num_id, style_ilvl = self.style_numbering(style_id)
            ilvl = ilvl or style_ilvl
        if not num_id or num_id == "0":
            return ""
        key, levels, overrides = self.resolve(num_id)
        if ilvl is None:  # a heading style linked to one level of a multilevel list
            ilvl = next((str(i) for i, lvl in levels.items() if attr(lvl, "w:pStyle") == style_id), "0")
        level = integer(ilvl)
        if level not in levels or attr(levels[level], "w:numFmt") == "bullet":
            return ""

        def start(i: int) -> int:
            return overrides.get(i, integer(attr(levels.get(i), "w:start")))

        counts = self.counters.setdefault(key, {})
        counts[level] = counts[level] + 1 if level in counts else start(level)
        for deeper in [d for d in counts if d > level]:
            restart = attr(levels.get(deeper), "w:lvlRestart")
            if restart is None or (restart != "0" and level < integer(restart)):
                del counts[deeper]
        legal = levels[level].find("w:isLgl", NAMESPACES) is not None
        text = attr(levels[level], "w:lvlText") or ""
        for i in range(9):
            if f"%{i + 1}" in text:
                fmt = "decimal" if legal else attr(levels.get(i), "w:numFmt") or "decimal"
                text = text.replace(f"%{i + 1}", number_format(fmt, counts.get(i, start(i))))
        suffix = attr(levels[level], "w:suff") or "tab"
        if not text or suffix == "nothing" or (suffix == "tab" and not text[-1].isalnum()):
            return text
        return text + " "
