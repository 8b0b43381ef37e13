"""`citation`: titles in 《》 checked against a list of laws, regulations and policy documents.

`params.titles` is the list (each entry: its full official name, the dates of promulgation,
effect, revision and repeal, what replaced it, and its source); `params.check` says what a rule
reports:

- `repealed`: a repealed title cited as in force in the year judged (the report year, or a year
  written in the same sentence). Citing it as history is fine: 原《…》, 《…》废止后, a year
  before the repeal in the same sentence, or any of `params.history` in the sentence.
- `near-miss`: a title one or two characters away from a listed one (《…治安处罚法》), with the
  listed title in the message. The official short form (without 中华人民共和国) is correct.
  How far a title may be from a listed one depends on its length: short titles of different
  laws differ in one or two characters (国家安全法 / 国家情报法), so below five characters
  only an exact match counts; two edits count for long titles when scattered (法制…督查) and
  for a two-character word left out (治安管理处罚法 → 治安处罚法), never for a word replaced
  or added (关于深化… / 关于加强…), which names another document. Edits of numerals only
  (修正案（十）/（十一）) are different documents, never a slip.
- `marks`: a half-width title mark (<<…>>), a 《 not closed on its line, a 》 never opened.

The edit distance is rapidfuzz's (C++, optimal string alignment, with a cut-off at 2): every 《》
of every draft is compared with every listed form, and each distinct title is looked up once.
"""

from __future__ import annotations

import bisect
import datetime
import unicodedata
from dataclasses import field

from .. import patterns
from ..document import Document
from ..errors import describe
from ..records import record
from . import Check, Hit, ParamError, register

# Patterns of the helpers below, compiled once (a module-level regex.search(...) call pays for
# the cache lookup each time).
BLANKS = patterns.compile(r"\s+")

CHECKS = ("repealed", "near-miss", "marks")
PREFIX = "中华人民共和国"
ENTRY_FIELDS = {"title", "short", "promulgated", "effective", "revised", "repealed", "replaced_by", "source"}
DATE_FIELDS = ("promulgated", "effective", "repealed")
# A title in 《》 on one line; 〈〉 inside it are the marks of a title within the title.
TITLE = patterns.compile(r"《([^《》\n]{1,120})》")
# Half-width title marks: <<…>> (or ＜＜…＞＞) around Chinese text — not a web breadcrumb (首页 >> 新闻).
HALFWIDTH = patterns.compile(r"(?:<<|＜＜)(?P<title>[^<>＜＞\n]*\p{Han}[^<>＜＞\n]*)(?:>>|＞＞)")
TITLE_MARK = patterns.compile("[《》〈〉]")
# Where a title left open most likely ends: at the first clause punctuation after 《.
CLAUSE_END = patterns.compile(r"[，。；：、！？,;:!?“”]")
TITLE_ENDINGS = ("法", "法典", "条例", "规定", "办法", "细则", "规则", "意见", "决定", "通知", "纲要",
                 "规划", "方案", "制度", "条令", "准则", "解释", "标准", "守则", "规程", "要点")
DASHES = patterns.compile(r"[—–－~～‐‑−]+")
NUMERALS = set("0123456789〇○零一二三四五六七八九十百千年")
YEAR = patterns.compile(r"(?<!\d)((?:19|20)\d{2})年")
# Words right before 《 that make the citation history: 原《合同法》, 已废止的《…》.
HISTORY_BEFORE = ("原", "旧", "废止的", "废除的", "失效的", "原来的", "以前的", "此前的")
SHORTEST_NEAR = 5  # core length below which only an exact match counts
LONG_TITLE = 10  # core length from which two scattered edits count
WORD_LEFT_OUT = 7  # core length from which a missing two-character word counts
NEAR_CACHE = 50_000  # distinct titles remembered


def normalize(text: str) -> str:
    """The form titles are compared in: full-width brackets and digits folded (NFKC), no spaces,
    one kind of dash (2021－2025年 = 2021-2025年)."""
    text = unicodedata.normalize("NFKC", text)
    return DASHES.sub("-", BLANKS.sub("", text))


def core(text: str) -> str:
    """The title without the 中华人民共和国 that the official short form leaves out."""
    return text[len(PREFIX):] if text.startswith(PREFIX) and len(text) > len(PREFIX) else text


def cn_date(value: datetime.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


@record
class Entry:
    """A listed title with its short forms, dates and source."""

    title: str
    source: str
    short: list[str] = field(default_factory=list)
    promulgated: datetime.date | None = None
    effective: datetime.date | None = None
    revised: list[datetime.date] = field(default_factory=list)
    repealed: datetime.date | None = None
    replaced_by: str | None = None

    @property
    def forms(self) -> dict[str, str]:
        """Every correct way of writing it (the full name, the short form, the aliases): the form
        titles are compared in, mapped to the form as written."""
        return {normalize(n): n for n in reversed([self.title, core(self.title), *self.short])}

    @property
    def wrong_from(self) -> int | None:
        """The first report year in which citing it as in force is wrong: a law repealed during a
        year was in force for part of it."""
        if self.repealed is None:
            return None
        return self.repealed.year if (self.repealed.month, self.repealed.day) == (1, 1) else self.repealed.year + 1


def to_date(value, where: str) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ParamError(where, f"应为日期，写作 YYYY-MM-DD（如 2021-01-01），实际是 {describe(value)}")


def parse_entry(item, where: str) -> Entry:
    if not isinstance(item, dict):
        raise ParamError(where, "每个条目应为映射（含 title 与 source）")
    unknown = sorted(set(item) - ENTRY_FIELDS)
    if unknown:
        raise ParamError(f"{where}.{unknown[0]}", f"未知字段；可用：{'、'.join(sorted(ENTRY_FIELDS))}")
    for key in ("title", "source"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ParamError(f"{where}.{key}", "缺少或不是非空字符串")
    title = item["title"].strip()
    if "《" in title or "》" in title:
        raise ParamError(f"{where}.title", "文件名称不带书名号")
    entry = Entry(title, item["source"].strip())
    short = item.get("short", [])
    if not isinstance(short, list) or not all(isinstance(s, str) and s.strip() for s in short):
        raise ParamError(f"{where}.short", "应为非空字符串列表")
    entry.short = [s.strip() for s in short]
    for key in DATE_FIELDS:
        if item.get(key) is not None:
            setattr(entry, key, to_date(item[key], f"{where}.{key}"))
    revised = item.get("revised", [])
    if not isinstance(revised, list):
        raise ParamError(f"{where}.revised", "应为日期列表")
    entry.revised = [to_date(v, f"{where}.revised[{i}]") for i, v in enumerate(revised)]
    replaced = item.get("replaced_by")
    if replaced is not None and (not isinstance(replaced, str) or not replaced.strip()):
        raise ParamError(f"{where}.replaced_by", "应为非空字符串")
    entry.replaced_by = replaced.strip() if replaced else None
    if entry.replaced_by and entry.repealed is None:
        raise ParamError(f"{where}.replaced_by", "有 replaced_by 时须写明 repealed（废止日期）")
    if entry.promulgated and entry.repealed and entry.repealed < entry.promulgated:
        raise ParamError(f"{where}.repealed", "废止日期早于公布日期")
    return entry


class TitleList:
    """The listed titles: each correct form mapped to its entry; near misses looked up once."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_form: dict[str, Entry] = {}
        self.written: dict[str, str] = {}  # the form as a message shows it
        for entry in entries:
            for form, written in entry.forms.items():
                self.by_form.setdefault(form, entry)
                self.written.setdefault(form, written)
        self.forms = [f for f in self.by_form if len(core(f)) >= SHORTEST_NEAR]
        self._near: dict[str, list[str]] = {}
        self._by_length: dict[int, list[int]] | None = None  # length -> indexes of the forms that long

    def within_reach(self, key: str) -> list[str]:
        """The forms that two edits of `key` could reach, in list order: at most two characters longer
        or shorter, and at most two of their distinct characters missing from `key` (an edit brings in
        one character at most). A necessary condition, so the edit distance is computed for these alone."""
        if self._by_length is None:
            self._by_length = {}
            for i, form in enumerate(self.forms):
                self._by_length.setdefault(len(form), []).append(i)
        chars = set(key)
        reach = sorted(i for n in range(len(key) - 2, len(key) + 3) for i in self._by_length.get(n, ())
                       if len(set(self.forms[i]) - chars) <= 2)
        return [self.forms[i] for i in reach]

    def exact(self, title: str) -> Entry | None:
        return self.by_form.get(normalize(title))

    def near(self, title: str) -> list[str]:
        """The listed forms `title` is a slip of (the closest ones), [] when it is listed or not close."""
        key = normalize(title)
        if key not in self._near:
            if len(self._near) >= NEAR_CACHE:  # a long run over many drafts: start again, never grow without bound
                self._near.clear()
            self._near[key] = [] if key in self.by_form else self._closest(key)
        return self._near[key]

    def _closest(self, key: str) -> list[str]:
        forms = self.within_reach(key)
        if not forms:
            return []
        from rapidfuzz import process  # only when a form is in reach: its import is a tenth of a cold start
        from rapidfuzz.distance import OSA

        found = process.extract(key, forms, scorer=OSA.distance, score_cutoff=2, limit=None)
        found = [(form, d) for form, d, _ in found if counts_as_slip(key, form, d)]
        if not found:
            return []
        best = min(d for _, d in found)
        return list(dict.fromkeys(self.written[f] for f, d in found if d == best))


def counts_as_slip(written: str, listed: str, distance: int) -> bool:
    """Whether `written` reads as a slip for `listed`: one wrong, missing, extra or swapped character,
    or two scattered ones in a long title, or a two-character word left out (治安管理处罚法 → 治安处罚法).
    A word replaced or added (深化 → 加强, 人民警察法 → 人民武装警察法) names another document."""
    length = len(core(listed))
    if distance == 0 or length < SHORTEST_NEAR or numerals_only(written, listed):
        return False
    if distance == 1:
        return True
    from rapidfuzz.distance import Levenshtein

    ops = Levenshtein.editops(written, listed)
    tags = {op.tag for op in ops}
    adjacent = len(ops) == 2 and ops[1].src_pos - ops[0].src_pos <= 1 and ops[1].dest_pos - ops[0].dest_pos <= 1
    if len(ops) == 2 and adjacent and tags == {"insert"}:
        return length >= WORD_LEFT_OUT
    if len(ops) == 2 and adjacent and tags in ({"replace"}, {"delete"}):
        return False
    return length >= LONG_TITLE


def numerals_only(a: str, b: str) -> bool:
    """Whether every edit between a and b touches a numeral: 修正案（十）and（十一）are two documents."""
    from rapidfuzz.distance import Levenshtein

    changed = []
    for op in Levenshtein.editops(a, b):
        if op.tag in ("replace", "delete"):
            changed.append(a[op.src_pos])
        if op.tag in ("replace", "insert"):
            changed.append(b[op.dest_pos])
    return bool(changed) and all(ch in NUMERALS for ch in changed)


def titles(doc: Document) -> list[tuple[int, int, str]]:
    """(start of 《, end after 》, the title) of every 《》 in the draft, once per draft."""
    return doc.memo("citation.titles", lambda: [(m.start(), m.end(), m.group(1)) for m in TITLE.finditer(doc.text)])


def sentence_at(doc: Document, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`."""
    starts = doc.memo("citation.sentence-starts", lambda: [s.start for s in doc.sentences])
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and doc.sentences[i].end > offset:
        return doc.sentences[i].start, doc.sentences[i].end
    return offset, offset


def sentence_years(sentence: str) -> list[int]:
    """The years a sentence names, outside titles (《…纲要（2015－2020年）》 names no year of the report)."""
    return [int(m.group(1)) for m in YEAR.finditer(TITLE.sub(lambda t: "※" * len(t.group()), sentence))]


def report_year(doc: Document, doc_types: list[str]) -> int | None:
    """The year the report covers: the one place this kind asks structure for it."""
    from ..structure import report_year as find

    found = find(doc, doc_types)
    return found[0] if found else None


# Lists already parsed, by identity: the shipped rules share one list (a YAML anchor), parsed once.
# A process that loads the packs again and again keeps only the last few.
_PARSED: dict[int, tuple[list, TitleList]] = {}
PARSED_KEPT = 8


def title_list(items: list) -> TitleList:
    known = _PARSED.get(id(items))
    if known is not None and known[0] is items:  # the list itself is kept, so its id is never reused
        return known[1]
    if not items:
        raise ParamError("params.titles", "至少需要一个条目")
    entries = [parse_entry(item, f"params.titles[{i}]") for i, item in enumerate(items)]
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        key = normalize(entry.title)
        if key in seen:
            raise ParamError(f"params.titles[{i}].title", f"与第 {seen[key] + 1} 条的名称重复")
        seen[key] = i
    if len(_PARSED) >= PARSED_KEPT:
        _PARSED.clear()
    _PARSED[id(items)] = (items, TitleList(entries))
    return _PARSED[id(items)][1]


@register("citation")
class Citation(Check):
    args = ("title", "suggestion", "repealed", "replacement", "year", "problem")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.what = self.choice("check", CHECKS)
        self.list = TitleList([])
        if self.what != "marks":
            self.list = title_list(self.require("titles", list))
        if self.what == "repealed":
            self.doc_types = self.string_list("doc_types")
            self.history = tuple(self.string_list("history", []))

    def explain(self) -> list[str]:
        """The listed titles with their dates, grouped by source (reportlint explain prints it)."""
        if self.what == "marks":
            return []
        shown = [e for e in self.list.entries if self.what != "repealed" or e.repealed]
        groups: dict[str, list[str]] = {}
        for e in shown:
            dated = [("公布", e.promulgated), ("施行", e.effective), *(("修订", d) for d in e.revised),
                     ("废止", e.repealed)]
            dates = [f"{label}{cn_date(d)}" for label, d in dated if d]
            groups.setdefault(e.source, []).append(f"《{e.title}》" + (f"（{'，'.join(dates)}）" if dates else ""))
        lines = [f"所列文件（{len(shown)} 件），按来源："]
        for source, names in groups.items():
            lines.append(f"  来源 {source}：")
            lines += [f"    {name}" for name in names]
        return lines

    def check(self, doc):
        if self.what == "marks":
            yield from self.marks(doc)
        elif self.what == "near-miss":
            yield from self.near_misses(doc)
        else:
            yield from self.repealed(doc)

    def near_misses(self, doc):
        for start, end, title in titles(doc):
            suggestions = self.list.near(title)
            if suggestions:
                yield Hit(start, end, self.blank(title=title, suggestion="》或《".join(suggestions)))

    def repealed(self, doc):
        year = None
        for start, end, title in titles(doc):
            entry = self.list.exact(title)
            if entry is None or entry.wrong_from is None or self.historical(doc, start, end, entry):
                continue
            judged = self.sentence_year(doc, start)
            if judged is None:
                year = year or report_year(doc, self.doc_types) or -1
                judged = year
            if judged >= entry.wrong_from:
                replacement = f"《{entry.replaced_by}》" if entry.replaced_by else "现行有效的规定"
                yield Hit(start, end, self.blank(title=title, repealed=cn_date(entry.repealed),
                                                 replacement=replacement, year=judged))

    def historical(self, doc, start: int, end: int, entry: Entry) -> bool:
        """Cited as history: 原《…》, a history word in the sentence, or a year before the repeal in it."""
        if doc.text[max(0, start - 4):start].endswith(HISTORY_BEFORE):
            return True
        sentence = doc.text[slice(*sentence_at(doc, start))]
        if any(word in sentence for word in self.history):
            return True
        return any(year < entry.wrong_from for year in sentence_years(sentence))

    @staticmethod
    def sentence_year(doc, offset: int) -> int | None:
        """The latest year written in the sentence of `offset` (2022年，依据《…》), if any."""
        years = sentence_years(doc.text[slice(*sentence_at(doc, offset))])
        return max(years) if years else None

    def marks(self, doc):
        for line in doc.lines:
            text, base = line.text, line.start
            if "<" in text or "＜" in text:
                for m in HALFWIDTH.finditer(text):
                    title = m.group("title")
                    yield Hit(base + m.start(), base + m.end(),
                              self.blank(title=title, problem=f"用了半角的“<<”“>>”，应改为《{title}》"))
            # a stack of the open marks: 《 and the 〈 used for a title inside a title (GB/T 15834-2011)
            opened: list[tuple[str, int]] = []
            for m in TITLE_MARK.finditer(text):
                ch, i = m.group(), m.start()
                if ch == "《":
                    if opened and opened[-1][0] == "《":
                        yield Hit(base + i, base + i + 1, self.blank(
                            problem="书名号内再用书名号时应改用单书名号“〈〉”，如《关于印发〈…〉的通知》"))
                    opened.append((ch, i))
                elif ch == "〈":
                    opened.append((ch, i))
                elif ch == "〉" and opened and opened[-1][0] == "〈":
                    opened.pop()
                elif ch == "》" and any(mark == "《" for mark, _ in opened):
                    while opened.pop()[0] != "《":
                        pass
                elif ch == "》":
                    yield Hit(base + i, base + i + 1,
                              self.blank(problem="“》”前面没有与之配对的“《”，请补上“《”或删去“》”"))
            unclosed = [i for mark, i in opened if mark == "《"]
            if unclosed:
                # where each open title most likely ends: one scan of the line for all of them
                ends = [m.start() for m in CLAUSE_END.finditer(text)]
                for i in unclosed:
                    after = bisect.bisect_right(ends, i)
                    yield self.unclosed(base, text, i, ends[after] if after < len(ends) else len(text))

    def unclosed(self, base: int, text: str, i: int, end: int) -> Hit:
        # the guess's last four characters (trailing blanks dropped), not the whole rest of the line:
        # a line of 200,000 open marks must not copy itself once per mark
        stop = end
        while stop > i + 1 and text[stop - 1].isspace():
            stop -= 1
        guess = text[max(i + 1, stop - 4):stop]
        where = f"，文件名称疑止于“{guess[-4:]}”，请在其后补上“》”" if guess.endswith(TITLE_ENDINGS) else "，请补上“》”"
        return Hit(base + i, base + i + 1, self.blank(problem=f"“《”在本行没有闭合{where}"))

    @staticmethod
    def blank(**args) -> dict:
        out = dict.fromkeys(Citation.args, "")
        out.update(args)
        return out
