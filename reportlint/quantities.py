"""Quantities: every number in a draft with its value, unit, approximation and metric label.

"全年共立刑事案件1146起" -> Quantity(value=1146, unit="起", label="立刑事案件").
Only numbers that count something are quantities: a unit (起/件/人/%/万元 …) or a
万/亿 multiplier is required, so years, dates, times, ordinals (第一名, 第06次, 一是),
document numbers (〔2018〕27号), versions (2.0系统) and phone numbers drop out.
An approximation (余, 多, 近, 约, 左右, 以上, 以下, 超过, 超, 不到) widens the value into
the bounds `low`..`high`, so checks compare intervals and stay silent when unsure.
"""

from __future__ import annotations

import bisect
import functools
import math

import regex

from . import patterns
from .numerals import cn_to_number
from .records import record

INF = math.inf
# Same-length normalisation, so offsets stay valid: full-width digits, ％ and ．
WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
FULL_WIDTH_DIGITS = patterns.compile("[０-９％．]")  # str.translate is slow: only when there is something to map

# Longest first: 个百分点 before 个, 人次 before 人.
UNITS = ("个百分点", "百分点", "个月", "人次", "件次", "户次", "场次", "批次", "架次", "元", "%",
         "起", "件", "人", "名", "位", "个", "项", "次", "场", "期", "条", "家", "所", "支", "批", "种", "类", "户",
         "份", "篇", "天", "小时", "课", "辆", "台", "套", "处", "宗", "张", "平方公里", "公里", "千瓦时", "千瓦",
         "平方米", "亩", "吨", "座", "卷")
# Units that count the same thing under two names; everything else compares only with itself.
UNIT_FAMILY = {"名": "人", "位": "人"}
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CN_DIGIT = "〇零○一二两三四五六七八九"
CN_NUMERAL = rf"[一二两三四五六七八九十][{CN_DIGIT}十百千万亿]*(?:点[{CN_DIGIT}]+)?|(?<=近|逾|约|超过|不到|不足)[百千]"
BEFORE = "约|大约|近|将近|超过|超|不到|不足|逾|至少|不少于"
UNIT = "|".join(map(regex.escape, UNITS))
# The numeral is atomic, so it is exactly the greedy one; the lookahead after it drops, inside the
# regex engine, the bare numbers (统一, 2023年, 一是) that _token would reject anyway: about two
# candidates in three.
TOKEN = patterns.compile(
    rf"(?P<pre>{BEFORE})?"
    rf"(?:(?P<pct>百分之)(?P<pnum>{ARABIC}|{CN_NUMERAL})"
    rf"|(?P<num>(?>{ARABIC}|{CN_NUMERAL}))(?=[余多万亿]|(?:(?<=\d) )?(?:{UNIT}))"
    rf"(?P<mid>余|多)?(?P<mult>万|亿)?(?P<mid2>余|多)?(?:(?<=\d) ?)?(?P<unit>{UNIT})?)"
    r"(?P<post>左右|以上|以下|上下)?")
TOKEN_GROUPS = ("pre", "pct", "pnum", "num", "mid", "mult", "mid2", "unit", "post")
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
# Markers: lower bound, upper bound, or "about" (no usable bound at all).
LOWER = {"余", "多", "超过", "超", "逾", "至少", "不少于", "以上"}
UPPER = {"近", "将近", "不到", "不足", "以下"}
ABOUT = {"约", "大约", "左右", "上下"}

# Not quantities: 第06次, 2008-11-08, 11:47, V2.0, “一件事”, 统一, 逐一, 数十起 (dozens) …
ORDINAL_BEFORE = patterns.compile(r"(?:第 ?|届|[-－/:：.A-Za-z]|[统唯逐同单专之初周划万数几]|[“「《‘])$")
DATE_AFTER = patterns.compile(r"^(?:\s?(?:年|月|日|号|时|点(?![\d一二三四五六七八九])|[-－/:：]\d|\.\d|〕|])"
                           r"|(?:\.\d+)?\s?(?:系统|版|平台))")
# A unit glued to a following character that makes a word of it: 一次性, 三位一体, 一案一评;
# 四次会议, 六中全会 are sessions (ordinals), not counts.
WORD_AFTER_UNIT = patterns.compile(r"^(?:[性化式]|会议|全会|全体会议)")
CN_WORD_AFTER_UNIT = patterns.compile(r"^(?:[性化式一二两三四五六七八九十]|会议|全会|全体会议)")
# 三百余 with no unit counts only when its clause ends there.
END_AFTER_MID = patterns.compile(r"^(?:余|多)(?:$|[，,。；;、）)\n])")

CLAUSE_MARKS = r"[，,；;。：:！？!?、\n（(）)【】]"
CLAUSE_BREAK = patterns.compile(CLAUSE_MARKS)
CLAUSE_BREAK_BEFORE = patterns.compile(r"(?r)" + CLAUSE_MARKS)  # searched backwards from a number
# What a quantity keeps of its clause after it. A line with no clause mark must not make each of
# its numbers carry the rest of the line (quadratic in time and memory); a real clause is far
# shorter (the longest in the seeds and the real reports is 74 characters), and the checks that
# read `after` see a clause of up to 500 characters whole.
AFTER_WINDOW = 500
# Periods that make two statements about different times; never the report year itself.
PERIOD = patterns.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年度?|上一?年度?|去年|前年|同比|环比|同期|上半年|下半年|前三季度"
    r"|第?[一二三四1-4]季度|(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:月|月份)?[至到—-]\d{1,2}月份?"
    r"|[一二三四五六七八九十]{1,3}(?:月|月份)?[至到][一二三四五六七八九十]{1,3}月份?"
    r"|\d{1,2}月份?|[一二三四五六七八九十]{1,3}月份?|年初|年底|年末|月底|截至\S{0,4}?底")
# The report year itself: removed from labels, not a distinguishing period.
REPORT_YEAR = patterns.compile(r"今年以来|今年来|今年|全年|本年度?|年内|当年|截至目前|目前|当前")
SCOPE = patterns.compile(r"全(?:市|局|县|区|省|国)(?:公安机关)?|市局本级|本级")
LEADING = patterns.compile(
    r"^(?:共计|共有|共|合计|累计|总计|另有|另|并|已经|已|还|先后|此外|同时|我局|本局|其中|以来|均|都)+")
TRAILING = patterns.compile(
    r"(?:达到|达|为|是|有|共计|共有|共|计|约|的|了|分别|均|都|已|仅|只|仍|"
    r"(?:稳定|保持|维持|控制)[在于]|"
    r"(?:提升|提高|上升|下降|降低|增加|减少|增长|缩短|缩减|压缩|降|升|增|减)?(?:至|到)|"
    r"大幅|明显|显著|稳步|持续|进一步|逐步)+$")
# Where the metric phrase starts after a verb or preposition: "回复率从", "对…的".
CUT = patterns.compile(r".*(?:从|由|对|向|把|将|让|使|其中)")


@record(frozen=True)
class Quantity:
    """A number that counts something, with its unit, bounds and the label in front of it."""

    start: int  # first character (an approximation prefix included), offset into Document.text
    end: int  # after the unit or the trailing marker
    text: str  # as written, e.g. "1200余名", "百分之九十五"
    value: float  # 1.2万 -> 12000.0; percentages in percent: 95%% -> 95.0
    unit: str  # canonical unit: "起", "人", "%", "个百分点", "元" … ("" for a bare 151万)
    decimals: int  # digits written after the decimal point (the stated precision)
    approx: str  # the approximation marker as written, "" when exact
    low: float  # bounds of the true value implied by the markers and rounding
    high: float
    label: str  # the metric named in front of the number, cleaned: "立刑事案件", "伤害类案件结案率"
    scope: str  # a whole-unit scope word stripped from the label: 全市, 全局 … or ""
    periods: tuple[str, ...]  # periods named in front of it or earlier in its sentence: 上年, 1月份 …
    before: str  # the raw text in front of the number in its clause (the label's source)
    after: str  # the raw text after the quantity up to the end of its clause (AFTER_WINDOW at most)
    line: int  # 1-based line number
    sentence: int  # index into Document.sentences (-1 if none)

    @property
    def exact(self) -> bool:
        return self.low == self.high

    @property
    def family(self) -> str:
        return UNIT_FAMILY.get(self.unit, self.unit)

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


def extract(doc) -> list[Quantity]:
    text = doc.text.translate(WIDTH) if FULL_WIDTH_DIGITS.search(doc.text) else doc.text
    quotes = QuoteDepth(text)
    raw = [tok for tok in (_token(text, m, quotes) for m in TOKEN.finditer(text)) if tok]
    sentence_starts = [s.start for s in doc.sentences]
    out, previous_end, carried, carried_sentence = [], 0, (), None
    clause_end = -1
    for tok in raw:
        start, end = tok["start"], tok["end"]
        # Its clause, from the marks around it: searched from the number, not indexed over the
        # draft (there are ten marks for every number). Back only as far as the previous number,
        # where the label stops anyway; forward only when past the mark found last: linear.
        mark = CLAUSE_BREAK_BEFORE.search(text, previous_end, start)
        before = text[mark.end() if mark else previous_end:start]
        if clause_end < end:
            mark = CLAUSE_BREAK.search(text, end)
            clause_end = mark.start() if mark else len(text)
        label, scope, periods = clean_label(before)
        sentence = bisect.bisect_right(sentence_starts, start) - 1
        # A period holds for the rest of its sentence: "上年受理2000起，办结1900起" are both
        # last year's, until the sentence names another one (今年 resets it). 同比 does not carry:
        # it qualifies a change, not the counts after it.
        if sentence != carried_sentence:
            carried, carried_sentence = (), sentence
        if periods:
            carried = tuple(p for p in periods if p not in ("同比", "环比"))
        elif REPORT_YEAR.search(before):
            carried = ()
        else:
            periods = carried
        out.append(Quantity(start, end, doc.text[start:end], tok["value"], tok["unit"], tok["decimals"],
                            tok["approx"], tok["low"], tok["high"], label, scope, periods, before,
                            text[end:min(clause_end, end + AFTER_WINDOW)], doc.position(start)[0], sentence))
        previous_end = end
    return out


def _token(text: str, m, quotes: QuoteDepth) -> dict | None:
    """The match as a quantity, or None when it is a year, date, ordinal, code or bare number."""
    pre, pct, pnum, num, mid, mult, mid2, unit, post = m.group(*TOKEN_GROUPS)
    number = pnum or num
    num_start = m.start("pnum") if pct else m.start("num")
    if not pre and not pct and ORDINAL_BEFORE.search(text[max(0, num_start - 2):num_start]):
        return None
    if num:
        num_end = num_start + len(num)
        rest = text[num_end:num_end + 6]
        if not unit and not mult and not (mid and END_AFTER_MID.match(rest)):
            return None  # a bare number: a code, a year, a list marker, a phone number
        if DATE_AFTER.match(rest):
            return None
        glued = CN_WORD_AFTER_UNIT if number[0] not in "0123456789" else WORD_AFTER_UNIT
        if unit and glued.match(text[m.end("unit"):m.end("unit") + 4]):
            return None
        if number == "一" and unit == "起":
            return None  # 一起 is "together" far more often than "one case"
    start = m.start()
    if quotes.inside(start):
        return None  # “最多跑一次”, “一件事”: names, not counts
    parsed = _parse(number)
    if parsed is None:
        return None
    value, decimals = parsed
    unit = "%" if pct else (unit or "")
    multiplier = MULTIPLIERS.get(mult, 1)  # 42.5万元 -> 425000 元
    value *= multiplier
    low = high = value
    if multiplier > 1:  # 1.2万 is rounded: anything from 11500 to 12500
        half = 0.5 * multiplier * 10 ** -decimals
        low, high = value - half, value + half
    markers = [g for g in (pre, mid, mid2, post) if g]
    for marker in markers:
        if marker in LOWER:
            high = INF
        elif marker in UPPER:
            low = 0.0
        elif marker in ABOUT:
            low, high = 0.0, INF
    return {"start": start, "end": m.end(), "value": value, "unit": unit, "decimals": decimals,
            "approx": "".join(markers), "low": low, "high": high}


class QuoteDepth:
    """Whether a position is inside “…” on its line: more “ than ” between the line's start and it.
    The marks are indexed once, so each question is two binary searches, not a rescan of the line."""

    def __init__(self, text: str):
        self.opens = offsets(text, "“")
        self.closes = offsets(text, "”") if self.opens else []
        self.breaks = offsets(text, "\n") if self.opens else []

    def inside(self, pos: int) -> bool:
        if not self.opens:
            return False
        i = bisect.bisect_left(self.breaks, pos)
        line_start = self.breaks[i - 1] + 1 if i else 0

        def between(marks: list[int]) -> int:
            return bisect.bisect_left(marks, pos) - bisect.bisect_left(marks, line_start)

        return between(self.opens) > between(self.closes)


def offsets(text: str, char: str) -> list[int]:
    """Every offset of `char` in `text` (str.find runs in C; a Python loop over characters does not)."""
    out, i = [], text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


def _parse(number: str) -> tuple[float, int] | None:
    if number[0] in "0123456789":
        digits = number.replace(",", "")
        return float(digits), len(digits.partition(".")[2])
    return cn_to_number(number)


def clean_label(before: str) -> tuple[str, str, tuple[str, ...]]:
    """(label, scope, periods) from the text in front of a number within its clause.

    "全年伤害类案件结案率达" -> ("伤害类案件结案率", "", ()); "今年全局伤害性案件结案率" ->
    ("伤害性案件结案率", "全局", ()); "分局案件办理回复率从1月份的" -> ("分局案件办理回复率", "", ("1月份",))."""
    # the same words stand before numbers in draft after draft: a short text is cleaned once
    return _remembered_label(before) if len(before) <= LABEL_MEMO_LENGTH else _label(before)


def _label(before: str) -> tuple[str, str, tuple[str, ...]]:
    periods = tuple(PERIOD.findall(before))
    s = PERIOD.sub("", before)
    s = REPORT_YEAR.sub("", s)
    scope_match = SCOPE.search(s)
    scope = scope_match.group() if scope_match else ""
    s = SCOPE.sub("", s).strip(" \t\u3000“”\"'")
    s = TRAILING.sub("", s)
    cut = CUT.match(s)
    if cut and cut.end() < len(s):
        s = s[cut.end():]
    elif cut:  # the verb is the whole tail ("回复率从"): keep what is in front of it
        s = s[: cut.end()].rstrip("从由对向把将让使")
        s = s.removesuffix("其中")
    s = TRAILING.sub("", LEADING.sub("", s))
    return s, scope, periods


LABEL_MEMO_LENGTH = 100
_remembered_label = functools.lru_cache(maxsize=20_000)(_label)


def by_scope(doc, scope: str) -> list[list[Quantity]]:
    """Quantities grouped by sentence or by paragraph (line), in text order."""
    groups: dict[int, list[Quantity]] = {}
    for q in doc.quantities:
        groups.setdefault(q.sentence if scope == "sentence" else q.line, []).append(q)
    return list(groups.values())


def format_value(value: float) -> str:
    """1146.0 -> "1146", 97.75 -> "97.75"."""
    return f"{value:.6f}".rstrip("0").rstrip(".")
