"""`dated_term`: a fixed expression judged against the year it speaks of.

Whether 打黑除恶, 暂住证 or 以习近平同志为总书记的党中央 is wrong depends on the year: right in
a 2015 report, wrong from the year of the reform on. One rule per entry:

- `wrong` (literal forms, found in the shared phrase index) or `pattern` (a regular expression;
  `right` may then use its groups, \\1 or \\g<name>);
- `right`: what to write instead (`wrong` may instead map each form to its own right form);
- `from` / `until`: the first / last year in which the wrong form is wrong (both optional: an
  entry without them is a fixed formulation, wrong in any year);
- `historical`: words that, in the same sentence, make an occurrence history rather than the
  present (on top of the common ones: 原…, 曾, 废止, 撤销, 改为 …);
- `counted`: for 第N个中国人民警察节-like forms, the year of the first one; `pattern` then has a
  group `n` and N is checked against the year (nothing is listed). `next_year_counts`: judged by
  the report year, the next year's count is right too (a day early in the year, such as 1月10日,
  has passed when the report is written).

The year judged is a year written in the same sentence (2023年1月10日，在第四个…), else the
report year (its title, else its opening). A sentence that names a year outside [from, until]
speaks of another time and is left alone; with no year known, a year-dependent entry is silent.
A title in 《》 is a name quoted as issued and is never judged (the citation rules check titles).
"""

from __future__ import annotations

import bisect

from .. import patterns
from ..docmap import to_year
from ..numerals import cn_to_int
from ..structure import report_year
from . import Check, Hit, ParamError, register
from .phrases import SHARED, SharesPhrases

# A year in a sentence: 2018年, 二〇一八年, and the first year of a range (2018—2020年).
SENTENCE_YEAR = patterns.compile(
    r"(?<!\d)(20\d{2}|19\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})"
    r"(?=年|\s*[—–\-－~～至到]\s*(?:20\d{2}|19\d{2})年)")
# A date in a sentence (2023年1月10日): its year is the year a counted day speaks of.
DATE_YEAR = patterns.compile(r"(?<!\d)(20\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})年[\d一二三四五六七八九十]{1,3}月"
                          r"[\d一二三四五六七八九十]{1,3}日")
# Words that put an occurrence in the past, anywhere in its sentence.
HISTORY_WORDS = ("曾", "废止", "废除", "撤销", "取消", "不再", "改为", "更名", "转隶", "移交", "改革前",
                 "前身", "此前", "历史上")
# 原 before the phrase, perhaps with an organ's place name between (原市政府法制办) — but not the 原
# of 原则, 原因 … nor of 草原, 高原, 太原 …
FORMER = patterns.compile(r"(?<![草高平还复中太燎病荒])原(?![则因告始料本创址籍地价样貌油理型文声件])\p{Han}{0,8}$")
SEPARATORS = patterns.compile(r"[、，,\s]")
CN_NUMERAL = "零一二三四五六七八九"
MIN_YEAR, MAX_YEAR = 1949, 2100


def judged_report_year(doc) -> int | None:
    """The report year, as the structure rules read it (one place for the concept)."""
    found = report_year(doc)
    return found[0] if found else None


def sentence_at(doc, offset: int):
    starts = doc.memo("dated_term.sentence_starts", lambda: [s.start for s in doc.sentences])
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and doc.sentences[index].end > offset:
        return doc.sentences[index]
    return None


def in_title(doc, start: int, end: int) -> bool:
    """Inside 《…》 on its line: a title is a name, quoted as issued (《关于深入开展打黑除恶专项斗争的通知》),
    never updated. The nearest title mark before it opens, the nearest after it closes (str.find,
    not a regex over the line for every occurrence)."""
    text, line = doc.text, doc.line(doc.position(start)[0])
    line_end = line.start + len(line.text)
    if text.rfind("《", line.start, start) <= text.rfind("》", line.start, start):
        return False
    close, reopen = text.find("》", end, line_end), text.find("《", end, line_end)
    return close >= 0 and (reopen < 0 or close < reopen)


def sentence_years(text: str) -> list[int]:
    years = (to_year(m.group(1)) for m in SENTENCE_YEAR.finditer(text))
    return [y for y in years if y]


def to_chinese(n: int) -> str:
    """1..99 as a Chinese numeral: 3 -> 三, 10 -> 十, 12 -> 十二, 21 -> 二十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMERAL[tens] + "十")
    return head + (CN_NUMERAL[ones] if ones or not tens else "")


@register("dated_term")
class DatedTerm(SharesPhrases, Check):
    args = ("phrase", "right", "year", "since")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        has_wrong, has_pattern = "wrong" in self.params, "pattern" in self.params
        if has_wrong == has_pattern:
            raise ParamError("params.wrong", "应给出 wrong（错误写法列表）或 pattern（正则表达式）之一")
        self.pattern = self.regex("pattern") if has_pattern else None
        self.counted = self.year("counted")
        if self.counted and (self.pattern is None or "n" not in self.pattern.groupindex):
            raise ParamError("params.counted", "计数的写法需要 pattern，且其中有名为 n 的分组（第(?P<n>…)个）")
        # 1月10日 of the next year has passed when a report is written (by 3月1日): its count is right too
        self.next_year_counts = self.require("next_year_counts", bool, False)
        if self.next_year_counts and not self.counted:
            raise ParamError("params.next_year_counts", "只用于计数的写法（counted）")
        # `wrong` is a list of forms sharing `right`, or a mapping from each form to its right form
        self.wrong: dict[str, str] | None = self.wrong_forms() if has_wrong else None
        right_needed = self.pattern is not None and not self.counted
        self.right = self.require("right", str) if right_needed else self.require("right", str, "")
        if right_needed and not self.right.strip():
            raise ParamError("params.right", "应为非空字符串")
        if self.wrong is not None:
            self.wrong = {w: r or self.right for w, r in self.wrong.items()}
        self.since = self.year("from")
        self.until = self.year("until")
        if self.since and self.until and self.since > self.until:
            raise ParamError("params.until", f"不能早于 from（{self.since}）")
        self.historical = tuple(self.string_list("historical", []))
        if self.wrong is not None:
            self.share(self.wrong)

    def wrong_forms(self) -> dict[str, str]:
        value = self.require("wrong", (list, dict))
        if not value:
            raise ParamError("params.wrong", "至少需要一个错误写法")
        if isinstance(value, list):
            return dict.fromkeys(self.string_list("wrong"), "")
        for wrong, right in value.items():
            if not isinstance(wrong, str) or not wrong or not isinstance(right, str) or not right:
                raise ParamError(f"params.wrong.{wrong}", "应为“错误写法: 正确写法”，两者都是非空字符串")
        return dict(value)

    def year(self, key: str) -> int | None:
        value = self.require(key, int, None)
        if value is not None and not MIN_YEAR <= value <= MAX_YEAR:
            raise ParamError(f"params.{key}", f"应为 {MIN_YEAR}—{MAX_YEAR} 之间的年份，实际是 {value}")
        return value

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until or self.counted)

    def matches(self, doc):
        """(start, end, right form, regex match or None) of each occurrence of a wrong form."""
        if self.wrong is not None:
            for start, end, phrase in SHARED.find(doc, self.wrong):
                yield start, end, self.wrong[phrase], None
        else:
            for m in self.pattern.finditer(doc.text):
                if m.end() > m.start():
                    yield m.start(), m.end(), m.expand(self.right), m

    def check(self, doc):
        report = judged_report_year(doc) if self.dated else None
        for start, end, right, m in self.matches(doc):
            if right and SEPARATORS.sub("", doc.text[start:end]) == SEPARATORS.sub("", right):
                continue  # the pattern also matched the right form (with or without 、)
            if in_title(doc, start, end):
                continue
            sentence = sentence_at(doc, start)
            text = sentence.text if sentence else doc.text[start:end]
            before = doc.text[sentence.start:start] if sentence else ""
            years = sentence_years(text)
            args = {"phrase": doc.text[start:end], "right": right, "year": "", "since": self.since or ""}
            if self.counted:
                hit = self.count(m, text, years, report, args)
                if hit:
                    yield Hit(start, end, hit)
                continue
            if self.is_history(text, before):
                continue
            if self.dated:
                if any(not self.in_window(y) for y in years):
                    continue  # the sentence speaks of a year when the form was right
                year = report or (max(years) if years else None)
                if year is None or not self.in_window(year):
                    continue
                args["year"] = year
            yield Hit(start, end, args)

    def in_window(self, year: int) -> bool:
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)

    def is_history(self, sentence: str, before: str) -> bool:
        return (bool(FORMER.search(before)) or any(w in sentence for w in HISTORY_WORDS)
                or any(w in sentence for w in self.historical))

    def count(self, m, sentence: str, years: list[int], report: int | None, args: dict) -> dict | None:
        """第N个…: N must be year − first + 1, for the year of a date in the sentence (2023年1月10日), else
        for a year the sentence names or the report year (the right form keeps the way N is written)."""
        dates = [to_year(d.group(1)) for d in DATE_YEAR.finditer(sentence)]
        candidates = [y for y in (dates or [*years, report]) if y and y >= self.counted]
        if not candidates:
            return None
        right_counts = {y - self.counted + 1 for y in candidates}
        if not dates and report and self.next_year_counts:
            right_counts.add(report - self.counted + 2)
        written = m.group("n")
        n = int(written) if written.isdigit() else cn_to_int(written)
        if n is None or n in right_counts:
            return None
        year = dates[0] if dates else (report if report in candidates else candidates[0])
        expected = year - self.counted + 1
        number = str(expected) if written.isdigit() else to_chinese(expected)
        s, e = m.span("n")
        right = m.group()[: s - m.start()] + number + m.group()[e - m.start():]
        return {**args, "right": right, "year": year}
