"""`count_claim`: "三项措施 / 四大机制 / 3种模式" agrees with the list that goes with it.

A claim is compared with a list only when the list enumerates what the claim counts:
- a list right before it: A、B、C四项措施 / “A”“B”“C”3种模式 / A、B和C等“三项制度” / A、B、C“三级审核”机制;
- its members in brackets right after it: “三项制度”（A、B、C）;
- a list tied to it, after a colon or opening its sentence's next clause: 四项措施：A、B、C。/ A；B；C。/
  一是…四是 / 1、…4、 / （一）…（四） / ①…④ / 第一，…第四，, in its paragraph or on the following
  lines (a run of sub-headings; the next paragraph when it is nothing but a 、-list, as in notes).
  Wrong ordinals do not change the count: 一是…二是…二是…四是 lists four items.
Not a list of what is counted (issue #11): a list closed before the claim (A、B等重点领域提出18条举措),
one ending in the verb whose object the claim is (成立…指挥部、出台20条举措), a claim that is itself a
member of a list (统筹推进A和“四项重点任务” / 文化建设“八项工程”等), a count inside a name (“五个一工程”,
《…三项制度…》, a quote the claim only begins).

A claim in quotation marks names a policy (行政执法“三项制度”): what follows it after a comma or a full
stop (落实“三项制度”，一是…) says what was done about it, so only a list tied by a colon, by brackets
or by adjacency counts for it.

What a list proves: EXACT — any difference is wrong; NOT_MORE — a list closed by 等 may be partial, so
only listing more than claimed is wrong; NOT_FEWER — the top-level headings of a report go on past any
list (存在问题, 下一步打算), so only having fewer is wrong.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..numerals import cn_to_int
from ..records import record
from . import Check, Hit, ParamError, register

EXACT, NOT_MORE, NOT_FEWER = "exact", "not-more", "not-fewer"
OPEN, CLOSE = "“‘《（(【「『", "”’》）)】」』"
QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』"}
ENCLOSING = {**QUOTES, "《": "》"}  # the marks a claim can be named inside
ENCLOSING_MARKS = patterns.compile("[" + "".join(ENCLOSING) + "".join(ENCLOSING.values()) + "]")
CLAUSE_SEP = "，,；;：:"
SENTENCE_SEP = "。！？!?"
# 和/及/与 joining items, not inside a word (及时, 涉及, 和谐, 参与)
CONJ = patterns.compile(
    r"以及|(?<![平温缓总调])和(?![谐平睦美])|(?<![涉普波危顾惠])及(?![时早])|(?<![参给赋授])与(?!时俱)"
)

# Patterns of the helpers below, compiled once (a module-level regex.search(...) call pays for
# the cache lookup each time).
JOINER_AT_END = patterns.compile(r"(?:、|和|及|与|以及)?$")
CLAUSE_OR_SENTENCE_MARK = patterns.compile(r"[，,；;。]")
SENTENCE_OR_LINE_END = patterns.compile(rf"[{SENTENCE_SEP}\n]")
LEADING_CONJ = patterns.compile(rf"^(?:{CONJ.pattern})")
SHORT_TAIL = patterns.compile(r"\p{Han}{0,6}[。]?")
SENTENCE_MARK = patterns.compile(rf"[{SENTENCE_SEP}]")
CLAUSE_MARK = patterns.compile(r"[，,；;]")
MEMBER_AFTER = patterns.compile(rf"(?:{CONJ.pattern}|、)$")  # a claim right after these is a list's last member
MEMBER_REACH = 2  # the longest MEMBER_AFTER match (以及): it is looked for only that far back
# A list started within this many characters after the claim belongs to it.
AFTER_GAP = 80
REST_WINDOW = 4 * AFTER_GAP  # more than any test of the text after a claim reads (see counted)
MARKER_WINDOW = 20_000  # a list the claim counts (1、2、3、 or after a colon) lies within this many characters
# the verb whose object the claim is: the list before it is a list of actions (成立…、出台20条举措)
VERB_END = patterns.compile(
    r"(?:出台|提出|推出|制定|印发|发布|出炉|荣获|获得|获评|入选|包括|涵盖|实施|推行|采取|形成|建立|构建|打造|实行|开展|"
    r"启动|明确|确定|部署|聚焦|围绕|抓好|做好|突出|新增|建成|设立|成立|梳理出|总结出|提炼出)了?$"
)
# a verb opening the clause of a list: the list starts there (健全A、B和C三级…)
VERB_START = patterns.compile(
    r"(?:健全|建立|推出|推行|实行|实施|完善|开展|落实|制定|出台|采取|包括|围绕|通过|坚持|聚焦|形成|构建|打造|设立|成立|"
    r"推进|深化|强化|加强|明确|提出)"
)
# words between a claim and the colon that opens its list: 四项措施如下：/ 5个方面的工作：
COLON_TIE = patterns.compile(r"\p{Han}{0,6}?[：:]")
# list markers inside a paragraph, after punctuation or at its start: 1、 1. （1） ① （一）
MARKER = patterns.compile(
    r"(?:(?<=^|[。；;：:，,！？!?\s])(?P<a>\d{1,2})(?P<as>[、.．])(?!\d))"
    r"|(?P<p>[（(])(?P<b>\d{1,2})[）)]|(?P<c>[①-⑳])|[（(](?P<d>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?<=^|[。；;：:！？!?\s])第(?P<e>[一二三四五六七八九十]{1,3})(?=[，,、])"
)
ORDINAL_ONLY = patterns.compile(r"^\s*[（(]?[\d一二三四五六七八九十]+[）)]?\s*$")
ENUM_FIRST = patterns.compile(r"(?<=^|[。；;：:，,！？!?\s])一(?P<suffix>[是要])")
# 以下四个方面 / 如下三项: the claim announces the lines that follow
FOLLOWING = patterns.compile(r"(?:以下|如下)[^，,；;。]{0,12}$")
FOLLOWING_REACH = 14  # the longest FOLLOWING match: it is looked for only that far back
# top-level headings that are parts of the report, not items of a list of work done
REPORT_PART = patterns.compile(r"存在|不足|短板|差距|下一步|下步|打算|工作思路|工作安排|工作计划|第一责任人|主要负责人")
GLOSS = patterns.compile(r"[（(](?P<list>[^（）()。；;：:，,！？!?\n]*)[）)]")


@record
class Statement:
    """A claim and the list it was compared with. Offsets into Document.text."""

    start: int  # the claim's words (四项措施)
    end: int
    number_start: int  # its number (四), for who rewrites it
    number_end: int
    claimed: int
    count: int
    sure: str  # EXACT | NOT_MORE | NOT_FEWER
    where: str  # 前面列举的 / 其后列出的 / 括号中列出的

    @property
    def wrong(self) -> bool:
        if self.count > self.claimed:
            return self.sure in (EXACT, NOT_MORE)
        return self.count < self.claimed and self.sure in (EXACT, NOT_FEWER)


# -- counting the items of a written list ------------------------------------------------
def top_level_split(text: str, seps: str) -> list[str]:
    """Split at `seps` outside quotes and brackets."""
    out, depth, current = [], 0, []
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out


def count_items(text: str) -> int | None:
    """Items of a 、-list: A、B、C和D -> 4. None when it is not clearly a list."""
    items = top_level_split(text, "、")
    if len(items) < 2 or any(not item.strip() or ORDINAL_ONLY.match(item) for item in items):
        return None  # "一、从四个方面" / "2、采取三项措施": a numbering mark, not a list
    if any(CONJ.search(item) for item in items[:-1]):
        return None  # 和 inside items: the last 和 may join two items or be part of one
    last = list(CONJ.finditer(items[-1]))
    return len(items) + len(last) if len(last) <= 1 else None


def quoted_groups(text: str) -> list[str] | None:
    """“A”“B”、“C”和“D” at the end of `text` -> [A, B, C, D]."""
    groups, pos = [], len(text)
    while pos > 0 and text[pos - 1] == "”":
        start = text.rfind("“", 0, pos - 1)
        if start < 0:
            return None
        groups.append(text[start + 1 : pos - 1])
        pos = start
        joiner = JOINER_AT_END.search(text[:pos])
        pos -= len(joiner.group())
        if not joiner.group() and (pos == 0 or text[pos - 1] != "”"):
            break
    return groups[::-1] or None


def list_before(text: str) -> tuple[int, str] | None:
    """(count, certainty) of the list that ends right at the end of `text` (the claim follows)."""
    text = text.rstrip(" \u3000")
    sure = NOT_MORE if text.endswith("等") else EXACT
    text = text.removesuffix("等等").removesuffix("等").rstrip(" \u3000")
    if text.endswith("”"):
        groups = quoted_groups(text)
        if not groups:
            return None
        if len(groups) > 1:
            return len(groups), sure
        count = count_items(groups[0])
        return (count, sure) if count and not CLAUSE_OR_SENTENCE_MARK.search(groups[0]) else None
    clauses = top_level_split(text, CLAUSE_SEP + SENTENCE_SEP)
    last = clauses[-1]
    if VERB_END.search(last) or last.endswith(("的", "之")) or "等" in last:
        return None  # the claim is the verb's object, a list closed earlier is of something else
    count = count_items(last)
    if count is None:
        return None
    if len(clauses) > 1 and not VERB_START.match(last):
        # after a comma the list may have begun earlier (A、B，C、D等四个方面), unless a verb opens it
        cut = len(text) - len(last) - 1
        if text[cut] in CLAUSE_SEP and len(top_level_split(clauses[-2], "、")) > 1:
            return None
    return count, sure


def list_after_colon(text: str) -> tuple[int, str] | None:
    """：A、B、C。 or ：A；B；C。 — the list up to the sentence's end."""
    end = SENTENCE_OR_LINE_END.search(text)
    body = (text[: end.start()] if end else text).rstrip()
    if not body or ENUM_FIRST.match(body) or MARKER.match(body):
        return None
    sure = NOT_MORE if body.endswith("等") else EXACT
    body = body.removesuffix("等")
    parts = top_level_split(body, "；;")
    if len(parts) > 1:
        return (len(parts), sure) if all(p.strip() for p in parts) else None
    clauses = top_level_split(body, "，,")
    if len(clauses) > 1:
        # ：A、B、C、D，实现…: the list is the first clause when the others hold no 、 (else the 、
        # may join words of items separated by commas)
        if any("、" in c for c in clauses[1:]) or len(top_level_split(clauses[0], "、")) < 3:
            return None
        body, sure = clauses[0].rstrip(), EXACT
        if body.endswith("等"):
            body, sure = body.removesuffix("等"), NOT_MORE
    count = count_items(body)
    return (count, sure) if count else None


def marker_value(m) -> int:
    if m.group("c"):
        return ord(m.group("c")) - ord("①") + 1
    if m.group("d") or m.group("e"):
        return cn_to_int(m.group("d") or m.group("e")) or 0
    return int(m.group("a") or m.group("b"))


def marker_style(m) -> str:
    for style in ("c", "d", "e", "p"):
        if m.group(style):
            return style
    return m.group("as")


def run_length(values: list[int], start: int = 0) -> int | None:
    """How many items a run of ordinals numbers, tolerating a wrong ordinal (1 2 2 4 is four items);
    None when the numbering jumps so far that it cannot be read as one list."""
    if start == 0 and len(values) < 2:
        return None  # a single 一是 is not yet a list (the rest may be written 其次…, 此外…)
    prev = start
    for v in values:
        if not prev <= v <= prev + 2 or v == 0:
            return None
        prev = max(v, prev + 1)
    return len(values)


@register("count_claim")
class CountClaim(Check):
    args = ("claim", "count", "where")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        classifiers = self.string_list("classifiers")
        nouns = self.string_list("nouns")
        self.max_count = self.require("max_count", int, 20)
        before = self.string_list("not_after", [])
        alt = lambda words: "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        guard = f"(?<!{alt(before)})" if before else ""
        try:
            # the words between classifier and noun hold no conjunction (两项补贴和重点 is not a claim)
            self.claim = patterns.compile(
                rf"{guard}(?<![\d一二三四五六七八九十两第])(?P<num>[两一二三四五六七八九十]{{1,3}}|\d{{1,2}})"
                rf"(?P<cls>{alt(classifiers)})(?P<mod>[^\P{{Han}}和与及的]{{0,4}})(?P<noun>{alt(nouns)})"
            )
        except regex.error as exc:
            raise ParamError("params", f"无法组成表达式：{exc}") from None

    def check(self, doc):
        for s in self.statements(doc):
            if s.wrong:
                yield Hit(s.start, s.end, {"claim": doc.text[s.start : s.end], "count": s.count, "where": s.where})

    def statements(self, doc) -> list[Statement]:
        """Every claim compared with a list it goes with, right or wrong: the model that the check
        and the accuracy bench share."""
        return doc.memo(("count_claim.statements", id(self)), lambda: list(self._statements(doc)))

    def _statements(self, doc):
        headings = {h.line.number: h for h in doc.headings}
        for line in doc.paragraphs:
            content = line.content
            claims = [m for m in self.claim.finditer(content) if self.number(m)]
            if not claims:
                continue
            names = enclosing(content, [m.start() for m in claims])
            for k, m in enumerate(claims):
                found = self.counted(doc, line, headings, m, names[m.start()], claims[k - 1] if k else None,
                                     claims[k + 1 :])
                if found:
                    (count, sure), where = found
                    base = line.content_start
                    yield Statement(base + m.start(), base + m.end(), base + m.start("num"), base + m.end("num"),
                                    self.number(m), count, sure, where)

    def number(self, m) -> int | None:
        if m.group("mod").startswith("一"):
            return None  # “五个一工程”: a name built on 一, not a count
        raw = m.group("num")
        n = int(raw) if raw.isdigit() else cn_to_int(raw)
        return n if n and 2 <= n <= self.max_count else None

    def counted(self, doc, line, headings, m, opened, previous, later):
        """((count, certainty), where) of the list that goes with claim `m`, or None."""
        content = line.content
        start, end = m.start(), m.end()
        if opened is not None:
            mark = content[opened]
            if mark == "《" or opened != start - 1:
                return None  # a document's title, or a name the count only stands inside
            close = content.find(QUOTES.get(mark, "”"), end)
            if close != end:
                return None  # “三项制度改革试点”: the count is part of a longer name
            start, end = opened, end + 1
        if content[end : end + 1] in ("、", "等") or MEMBER_AFTER.search(content, max(0, start - MEMBER_REACH), start):
            return None  # a member of a list: 统筹推进A和“四项重点任务” / 文化建设“八项工程”等
        heading = headings.get(line.number)
        begin = heading.title_start - line.content_start if heading else 0
        begin = max(begin, sentence_start(content, start), previous.end() if previous else 0)
        if start > begin:
            before = content[begin:start]
            if previous and begin == previous.end():
                before = LEADING_CONJ.sub("", before)  # …6个项目和A、B2个项目
            found = list_before(before)
            if found:
                return found, "前面列举的"
        gloss = GLOSS.match(content, end)
        if gloss:
            text = gloss.group("list").strip()
            if text.endswith("”"):
                groups = quoted_groups(text)
                count = len(groups) if groups and len(groups) > 1 else None
            else:
                count = count_items(text.removesuffix("等"))
            if count:
                return (count, NOT_MORE if text.endswith("等") else EXACT), "括号中列出的"
        colon = COLON_TIE.match(content, end)
        if colon:
            inline = list_after_colon(content[colon.end() : colon.end() + MARKER_WINDOW])
            if inline:
                return inline, "其后列出的"
        elif opened is not None:
            return None  # a quoted name not tied to what follows by a colon
        found = self.after(doc, line, headings, end, later)
        return (found, "其后列出的") if found else None

    # -- a list that follows the claim ----------------------------------------------
    def after(self, doc, line, headings, end, later):
        content = line.content
        # what follows the claim, as far as any decision reads it (a list within AFTER_GAP, else
        # a paragraph end within it): not the rest of a line that may be a megabyte long
        rest = content[end:end + REST_WINDOW]
        heading = headings.get(line.number)
        in_title = heading is not None and line.content_start + end <= heading.title_end
        near = rest[: AFTER_GAP + 1]
        starts = []
        e = ENUM_FIRST.search(near)
        if e:
            starts.append((e.start(), "enum"))
        i = MARKER.search(near)
        if i and marker_value(i) == 1:
            starts.append((i.start(), "marker"))
        nxt = None
        if starts:
            offset, kind = min(starts)
            gap = rest[:offset]
        else:
            nxt = next_paragraph(doc, line)
            if nxt is None:
                return None
            offset, gap = len(rest), rest
            tail = gap.rstrip(" \u3000")
            opens_list = tail.endswith(("：", ":")) or in_title or (
                FOLLOWING.search(content, max(0, end - FOLLOWING_REACH), end) is not None
                and SHORT_TAIL.fullmatch(tail))
            first = headings.get(nxt.number)
            if first and first.ordinal == 1 and opens_list and (heading is None or first.level > heading.level):
                kind = "heading"
            elif ENUM_FIRST.match(nxt.content):
                kind = "enum-next"
            elif COLON_TIE.fullmatch(gap.rstrip(" \u3000")):
                # 九大行动：⏎A行动、B行动…。 — a paragraph that is nothing but the list
                found = list_after_colon(nxt.content)
                whole = not SENTENCE_MARK.search(nxt.content.rstrip("。"))
                return found if found and whole else None
            else:
                return None
        if not close_enough(gap, in_title) or any(c.start() < end + offset for c in later):
            return None
        if kind == "enum":
            return enumeration_count(doc, line.content_start + end + offset)
        if kind == "enum-next":
            return enumeration_count(doc, nxt.content_start)
        if kind == "marker":
            return marker_count(doc, line, content[end + offset : end + offset + MARKER_WINDOW])
        return heading_count(doc, headings[nxt.number])


def enclosing(text: str, positions: list[int]) -> dict[int, int | None]:
    """For each position: the offset of the innermost quote or title mark still open there, else
    None. One pass over the line for all of its claims."""
    out, opened = {}, []
    found = ENCLOSING_MARKS.finditer(text)
    mark = next(found, None)
    for pos in sorted(positions):
        while mark is not None and mark.start() < pos:
            ch, i = mark.group(), mark.start()
            if ch in ENCLOSING:
                opened.append(i)
            elif opened and ch == ENCLOSING[text[opened[-1]]]:
                opened.pop()
            mark = next(found, None)
        out[pos] = opened[-1] if opened else None
    return out


def sentence_start(text: str, pos: int, limit: int = 600) -> int:
    """Where the sentence holding `pos` begins (a list before a claim never crosses 。), and never
    more than `limit` characters back."""
    floor = max(0, pos - limit)
    return max([text.rfind(mark, floor, pos) + 1 for mark in SENTENCE_SEP] + [floor])


def close_enough(gap: str, in_title: bool) -> bool:
    """The list belongs to the claim: nothing but the rest of the claim's clause (or of the heading
    title it stands in) lies between them."""
    if len(gap) > AFTER_GAP:
        return False
    inner = gap.rstrip(" \u3000")
    inner = inner[:-1] if inner[-1:] in SENTENCE_SEP + CLAUSE_SEP else inner
    if SENTENCE_MARK.search(inner):
        return False
    return in_title or not CLAUSE_MARK.search(inner)


def next_paragraph(doc, line):
    index = paragraph_index(doc, line)
    return doc.paragraphs[index + 1] if index + 1 < len(doc.paragraphs) else None


def paragraph_index(doc, line) -> int:
    """Where `line` is in doc.paragraphs (a lookup, not a scan: a draft may have 10⁶ paragraphs)."""
    where = doc.memo(paragraph_index, lambda: {p.number: i for i, p in enumerate(doc.paragraphs)})
    return where[line.number]


def marker_count(doc, line, text: str) -> tuple[int, str] | None:
    """1、…2、…3、 (or （一）, ①) in the claim's paragraph, going on in paragraphs that open with the
    next marker of the same style."""
    markers = list(MARKER.finditer(text))
    style = marker_style(markers[0])
    values = [marker_value(x) for x in markers if marker_style(x) == style]
    count = run_length(values)
    if count is None:
        return None
    for other in doc.paragraphs[paragraph_index(doc, line) + 1 :]:
        opening = MARKER.match(other.content)
        if not (opening and marker_style(opening) == style and marker_value(opening) in (values[-1] + 1,
                                                                                           values[-1] + 2)):
            break
        more = [marker_value(x) for x in MARKER.finditer(other.content) if marker_style(x) == style]
        extra = run_length(more, values[-1])
        if extra is None:
            return None
        values += more
        count += extra
    return count, EXACT


def enumeration_count(doc, start: int) -> tuple[int, str] | None:
    """The items of the 一是… list that starts at `start`, however its ordinals are written. A list
    whose items open paragraphs may have body paragraphs between them (一是…⏎正文⏎二是…): it goes
    on with the next block that opens a paragraph and continues its numbering, up to a heading."""
    blocks = doc.enumerations
    k = next((i for i, b in enumerate(blocks) if b.items[0].start == start), None)
    if k is None:
        return None
    items = list(blocks[k].items)
    for block in blocks[k + 1 :]:
        first = block.items[0]
        if block.suffix != blocks[k].suffix or first.start != doc.line(first.line).content_start:
            continue  # a list inside an item's paragraph
        last = items[-1]
        if any(last.line < h.line.number <= first.line for h in doc.headings):
            break
        if not last.ordinal < first.ordinal <= last.ordinal + 2:
            break
        items += block.items
    if run_length([item.ordinal for item in items]) is None:
        return None
    return len(items), EXACT


def heading_count(doc, first) -> tuple[int, str] | None:
    """The run of headings from `first` among its siblings, up to where their numbering restarts. A
    run of sub-headings is the claim's list; the report's own parts (一、二、… at its top) go on past
    the list (存在问题, 下一步打算): it ends at the first of those, and where none is named only
    having fewer headings than claimed is wrong."""
    for section in doc.root.walk():
        siblings = [c.heading for c in section.children if c.level == first.level]
        if first in siblings:
            run = siblings[siblings.index(first) :]
            restart = next((i for i, h in enumerate(run) if i and h.ordinal == 1), len(run))
            run = run[:restart]
            if run_length([h.ordinal for h in run]) is None:
                return None
            if first.level > 1 or section.heading is not None:
                return len(run), EXACT
            # the report's own parts: the list ends where its shortfalls, plan or duties part begins
            end = next((i for i, h in enumerate(run) if REPORT_PART.search(h.title)), None)
            return (end, EXACT) if end else (len(run), NOT_FEWER)
    return None
