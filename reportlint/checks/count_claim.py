"""`count_claim`: "三项措施 / 四大机制 / 3种模式" agrees with the list that goes with it.

A claim is only checked when its list can be counted with confidence:
- a list just before it: “A、B、C”3种模式 (quoted), A、B、C、D四项措施, A、B和C等三项;
- a list just after it: …四大机制上下功夫。一是…五是 / 四项措施。1、…4、 / ：A、B、C。 /
  a heading line followed by （一）（二）… .
A list closed by 等 may be partial, so it is only wrong when it lists more than it claims; a
run of headings may go on past the list, so it is only wrong when it has fewer.

A claim inside quotation marks or a title (行政执法“三项制度”, “四个一律”, 《…三项机制…》) names a
policy: what follows it (一是…四是) says what was done about it, not which members the name has.
It is only checked against a list tied to the name itself: A、B、C等“三项制度” or
“三项制度”（A、B、C）.
"""

from __future__ import annotations

import regex

from ..numerals import cn_to_int
from . import Check, Hit, ParamError, register

# What a counted list proves: EXACT — any difference is wrong; NOT_MORE — a list closed by 等
# may be partial, so only listing more than claimed is wrong; NOT_FEWER — a run of headings may
# go on past the list, so only having fewer is wrong.
EXACT, NOT_MORE, NOT_FEWER = "exact", "not-more", "not-fewer"
OPEN, CLOSE = "“‘《（(【", "”’》）)】"
# marks that make the words between them a name: quotes and book-title marks
NAME_MARKS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》"}
CLAUSE_SEP = "，,；;：:"
SENTENCE_SEP = "。！？!?"
# A list started within this many characters after the claim belongs to it.
AFTER_GAP = 80
# 1、 1. 1． (1) （1） ① standing after punctuation or at a line start
INLINE_MARKER = regex.compile(
    r"(?:(?<=^|[。；;：:！？!?\s])(?P<a>\d{1,2})(?P<as>[、.．])(?!\d))|(?P<p>[（(])(?P<b>\d{1,2})[）)]|(?P<c>[①-⑳])"
)
ORDINAL_ONLY = regex.compile(r"^\s*[（(]?[\d一二三四五六七八九十]+[）)]?\s*$")
ENUM_FIRST = regex.compile(r"(?<=^|[。；;：:，,！？!?\s])一(?P<suffix>[是要])")
# （A、B、C） right after a name's closing quote: the name's own members
GLOSS = regex.compile(r"[（(](?P<list>[^（）()。；;：:，,！？!?\n]*)[）)]")


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
    conj = regex.compile(r"以及|和|及|与")
    if any(conj.search(item) for item in items[:-1]):
        return None  # 和 inside items: the last 和 may join two items or be part of one
    last = [m for m in conj.finditer(items[-1])]
    if len(last) > 1:
        return None
    return len(items) + len(last)


def quoted_groups(text: str) -> list[str] | None:
    """“A”“B”、“C”和“D” at the end of `text` -> [A, B, C, D]."""
    groups = []
    pos = len(text)
    while pos > 0 and text[pos - 1] == "”":
        start = text.rfind("“", 0, pos - 1)
        if start < 0:
            return None
        groups.append(text[start + 1 : pos - 1])
        pos = start
        joiner = regex.search(r"(?:、|和|及|与|以及)?$", text[:pos])
        pos -= len(joiner.group())
        if not joiner.group() and (pos == 0 or text[pos - 1] != "”"):
            break
    return groups[::-1] or None


def enclosing_names(text: str, positions: list[int]) -> dict[int, int | None]:
    """For each position: the offset of the innermost quote or title mark still open there, else
    None. One pass over the line for all of its claims."""
    out, opened, wanted, i = {}, [], sorted(positions), 0
    for pos in wanted:
        while i < pos:
            ch = text[i]
            if ch in NAME_MARKS:
                opened.append(i)
            elif opened and ch == NAME_MARKS[text[opened[-1]]]:
                opened.pop()
            i += 1
        out[pos] = opened[-1] if opened else None
    return out


def sentence_start(text: str, pos: int, limit: int = 600) -> int:
    """Where the sentence holding `pos` begins (a list before a claim never crosses 。), and never
    more than `limit` characters back: each claim reads only its own sentence, not the line."""
    floor = max(0, pos - limit)
    return max([text.rfind(mark, floor, pos) + 1 for mark in SENTENCE_SEP] + [floor])


def ordinals_consecutive(values: list[int]) -> bool:
    return values == list(range(1, len(values) + 1))


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
            self.claim = regex.compile(
                rf"{guard}(?<![\d一二三四五六七八九十两第])(?P<num>[两二三四五六七八九十]{{1,3}}|\d{{1,2}})"
                rf"(?P<cls>{alt(classifiers)})\p{{Han}}{{0,4}}?(?P<noun>{alt(nouns)})"
            )
        except regex.error as exc:
            raise ParamError("params", f"无法组成表达式：{exc}") from None

    def check(self, doc):
        headings = {h.line.number: h for h in doc.headings}
        for line in doc.paragraphs:
            claims = [m for m in self.claim.finditer(line.content) if self.number(m)]
            names = enclosing_names(line.content, [m.start() for m in claims])
            for m in claims:
                n = self.number(m)
                heading = headings.get(line.number)
                begin = heading.title_start - line.content_start if heading else 0
                begin = max(begin, sentence_start(line.content, m.start()))
                opened = names[m.start()]
                if opened is not None:
                    found, where = self.named(line.content, m, opened, begin)
                else:
                    found = self.before(line.content[begin : m.start()]) if m.start() >= begin else None
                    where = "前面列举的"
                    if found is None:
                        found = self.after(doc, line, m, claims, headings)
                        where = "其后列出的"
                if found is None:
                    continue
                count, sure = found
                if (count > n and sure in (EXACT, NOT_MORE)) or (count < n and sure in (EXACT, NOT_FEWER)):
                    start = line.content_start + m.start()
                    yield Hit(start, start + len(m.group()), {"claim": m.group(), "count": count, "where": where})

    def number(self, m) -> int | None:
        raw = m.group("num")
        n = int(raw) if raw.isdigit() else cn_to_int(raw)
        return n if n and 2 <= n <= self.max_count else None

    # -- a claim that is (part of) a quoted name -----------------------------------
    def named(self, content: str, m, opened: int, begin: int) -> tuple[tuple[int, str] | None, str]:
        """(count, what is certain), where: only a list tied to the quoted name counts — one right
        before the opening quote (…和J等“十项制度”) or one in brackets right after the closing quote
        (“三项制度”（A、B、C）). 《…》 is a document's title: nothing is counted."""
        mark = content[opened]
        if mark == "《":
            return None, ""
        if opened == m.start() - 1 and opened >= begin:
            found = self.before(content[begin:opened])
            if found:
                return found, "前面列举的"
        if content[m.end() : m.end() + 1] == NAME_MARKS[mark]:
            gloss = GLOSS.match(content, m.end() + 1)
            if gloss:
                text = gloss.group("list").strip()
                if text.endswith("”"):
                    groups = quoted_groups(text)
                    count = len(groups) if groups and len(groups) > 1 else None
                else:
                    count = count_items(text.removesuffix("等"))
                if count:
                    return (count, NOT_MORE if text.endswith("等") else EXACT), "括号中列出的"
        return None, ""

    # -- a list written just before the claim ---------------------------------------
    def before(self, text: str) -> tuple[int, str] | None:
        """(count, what is certain) of the list that ends right before the claim."""
        text = text.rstrip(" \u3000“")
        sure = NOT_MORE if text.endswith("等") else EXACT
        text = text.removesuffix("等等").removesuffix("等").rstrip(" \u3000")
        if text.endswith("”"):
            groups = quoted_groups(text)
            if not groups:
                return None
            if len(groups) > 1:
                return len(groups), sure
            count = count_items(groups[0])
            return (count, sure) if count and not regex.search(r"[，,；;。]", groups[0]) else None
        clauses = top_level_split(text, CLAUSE_SEP + SENTENCE_SEP)
        count = count_items(clauses[-1])
        if count is None:
            return None
        if len(clauses) > 1:
            # the separator before this clause: after a comma the list may have begun earlier
            cut = len(text) - len(clauses[-1]) - 1
            if text[cut] in CLAUSE_SEP and len(top_level_split(clauses[-2], "、")) > 1:
                return None
        return count, sure

    # -- a list that follows the claim ----------------------------------------------
    def after(self, doc, line, m, claims, headings) -> tuple[int, str] | None:
        content = line.content
        rest = content[m.end() :]
        near = rest[: AFTER_GAP + 1]  # a list starting further away is not the claim's (close_enough)
        other_claims = [c for c in claims if c is not m and c.start() > m.start()]
        heading = headings.get(line.number)
        in_title = heading is not None and line.content_start + m.end() <= heading.title_end
        # ：A、B、C。 or （A、B、C） right after the claim
        inline = regex.match(r"\p{Han}{0,6}?[：:（(](?P<list>[^：:。；;！？\n（）()]*)(?P<close>[）)]?)", rest)
        if inline and not regex.search(r"[，,]", inline.group("list")) and not ENUM_FIRST.match(inline.group("list")) \
                and not INLINE_MARKER.match(inline.group("list")):
            text = inline.group("list").rstrip()
            count = count_items(text.removesuffix("等"))
            if count:
                return count, NOT_MORE if text.endswith("等") else EXACT
        # the first list marker after the claim, in this paragraph or opening the next
        starts = []
        e = ENUM_FIRST.search(near)
        if e:
            starts.append((e.start(), "enum"))
        i = INLINE_MARKER.search(near)
        if i and self.marker_value(i) == 1:
            starts.append((i.start(), "inline"))
        if starts:
            offset, kind = min(starts)
            gap = rest[:offset]
        else:
            nxt = self.next_paragraph(doc, line)
            if nxt is None:
                return None
            offset, gap = None, rest
            opens_list = gap.rstrip(" \u3000").endswith(("：", ":")) or in_title
            if nxt.number in headings and headings[nxt.number].ordinal == 1 and opens_list \
                    and (heading is None or headings[nxt.number].level > heading.level):
                kind = "heading"
            elif ENUM_FIRST.match(nxt.content):
                kind = "enum-next"
            else:
                return None
        if not self.close_enough(gap, in_title, other_claims, m.end(), offset):
            return None
        if kind in ("enum", "enum-next"):
            start = (line.content_start + m.end() + offset) if kind == "enum" else nxt.content_start
            return self.enumeration_count(doc, start)
        if kind == "inline":
            return self.inline_count(doc, line, content[m.end() + offset :])
        return self.heading_count(doc, headings[nxt.number])

    @staticmethod
    def close_enough(gap, in_title, other_claims, claim_end, offset) -> bool:
        """The list belongs to the claim: nothing but the rest of the claim's clause (or of the
        heading title it stands in) lies between them, and no other claim."""
        if len(gap) > AFTER_GAP:
            return False
        if any(c.start() < claim_end + (offset if offset is not None else len(gap)) for c in other_claims):
            return False
        inner = gap.rstrip(" \u3000")
        inner = inner[:-1] if inner[-1:] in SENTENCE_SEP + "：:" else inner
        if regex.search(rf"[{SENTENCE_SEP}]", inner):
            return False
        return in_title or not regex.search(r"[，,；;]", inner)

    @staticmethod
    def next_paragraph(doc, line):
        for other in doc.paragraphs:
            if other.number > line.number:
                return other
        return None

    @staticmethod
    def marker_value(m) -> int:
        if m.group("c"):
            return ord(m.group("c")) - ord("①") + 1
        return int(m.group("a") or m.group("b"))

    @staticmethod
    def marker_style(m) -> str:
        return "c" if m.group("c") else ("p" if m.group("p") else m.group("as"))

    def inline_count(self, doc, line, text: str) -> tuple[int, str] | None:
        """1、…2、…3、 in the claim's paragraph, going on in paragraphs that open with the next number."""
        markers = list(INLINE_MARKER.finditer(text))
        style = self.marker_style(markers[0])
        values = [self.marker_value(x) for x in markers if self.marker_style(x) == style]
        run = 0
        while run < len(values) and values[run] == run + 1:
            run += 1
        if run < len(values):
            return None  # numbering goes on in a way we cannot read as one list
        for other in doc.paragraphs:
            if other.number <= line.number:
                continue
            opening = INLINE_MARKER.match(other.content)
            if not (opening and self.marker_style(opening) == style and self.marker_value(opening) == run + 1):
                break
            values = [self.marker_value(x) for x in INLINE_MARKER.finditer(other.content)
                      if self.marker_style(x) == style]
            if values != list(range(run + 1, run + 1 + len(values))):
                return None
            run += len(values)
        return run, EXACT

    @staticmethod
    def enumeration_count(doc, start: int) -> tuple[int, str] | None:
        blocks = doc.enumerations
        for k, block in enumerate(blocks):
            if block.items[0].start != start:
                continue
            ordinals = [item.ordinal for item in block.items]
            if not ordinals_consecutive(ordinals):
                return None
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if nxt and nxt.suffix == block.suffix and nxt.items[0].ordinal == len(ordinals) + 1:
                return None  # the list goes on after text that broke the block
            return len(ordinals), EXACT
        return None

    @staticmethod
    def heading_count(doc, first) -> tuple[int, str] | None:
        for section in doc.root.walk():
            siblings = [c.heading for c in section.children if c.level == first.level]
            if first in siblings:
                run = siblings[siblings.index(first):]
                ordinals = [h.ordinal for h in run]
                if not ordinals_consecutive(ordinals):
                    return None
                # later headings of that level may be other parts of the report (存在问题,
                # 下一步打算): more headings than claimed proves nothing, fewer does
                return len(run), NOT_FEWER
        return None
