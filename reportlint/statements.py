"""Statements: what the numbers of a draft say about each other, read by the numeric kinds.

Quantities (quantities.py) are single numbers with a label. A statement ties some of them:
- a Whole: a total and its parts ("共N…，其中a…，b…", "9个…中7个…、2个…", a table's 合计 row or
  column). Prose parts may be a selection (their sum at most the total); a table's total is
  exhaustive (the cells make it exactly). Parts that are stages or outcomes one case passes
  through (拘留 / 逮捕, 发现 / 整改) overlap and are never summed.
- a Share: a percentage of a whole ("…171项，占比83.4%", "占全部事项的…", "比例为…"), or a rate
  named for the count right before it ("其中优秀案卷960份，优秀率80%", "通过820人次，通过率95.3%").
- a rate with its counts, a relation pair (立案 / 破案, 受理 / 办结 …): which labels make them is
  the rule's business (its params); the model gives the groups they are read in — a sentence's or
  a paragraph's quantities (in "立、破刑事案件分别为640起、702起" each number named for its own
  metric), a table's row or column labelled by its headers — and the same-statement test.
- a restatement: the same metric (a rate, or a stock count like 民警528人 / 528名民警) twice.
Every quantity keeps its period (上年, 1至11月, 同比 …) and scope (全局, 城区 / 农村, 某分局 …):
two quantities of different periods or scopes never contradict each other.

Built once per Document (`statements(doc)`, cached with Document.memo).
"""

from __future__ import annotations

import bisect
from dataclasses import field, replace

import regex

from . import patterns
from .quantities import Quantity, by_scope, clean_label
from .records import record

# Patterns of the helpers below, compiled once (a module-level regex.search(...) call pays for
# the cache lookup each time).
LIST_JOINER = patterns.compile(r"[、和及与]|^\p{Han}{0,6}$")
SENTENCE_OR_QIZHONG = patterns.compile(r"[。]|其中")
PART_SEPARATOR = patterns.compile(r"[、，,；;]")
SHARE_WORD = patterns.compile(r"占|比例|比重")
TOTAL_SUFFIX = patterns.compile(r"(?:总数|总量)$")
HAVE_PREFIX = patterns.compile(r"^(?:现有|拥有|共有|有)")

UNCOUNTED_UNITS = ("%", "个百分点", "百分点")
# A clause that opens like this reports something else, not another part of the list.
NOT_A_PART = patterns.compile(
    r"^\s*(?:已|均|共|另|并|还|同时|此外|合计|累计|总计|其中|全部|涉及|涉案|占|比|同比|环比|较|"
    r"破案|破获|侦破|办结|结案|审结|抓获|查处|处理|移送|挽回|追缴|收缴|受理|立案|接报|发现|整改|覆盖|惠及|带动|"
    r"新增|增加|减少|增长|下降|上升|提高|降低)")
# Parts that may overlap: stages one person or case goes through, outcomes and activities.
# Attributes of people of different dimensions (党员 / 女 / 35岁以下 / 本科以上学历) overlap too.
OVERLAPPING_WORDS = (r"拘留|逮捕|批捕|起诉|判决|参加|参与|整改|办结|化解|完成|落实|到位"
                     r"|党员|女|岁|学历|本科|大专|研究生|硕士|博士|少数民族")
OVERLAPPING = patterns.compile(OVERLAPPING_WORDS)
CLAUSE_END = patterns.compile(r"[；;。]")
# A status after a count (60起已破获，50起正在侦办): the counts may be of different levels.
STATUS = patterns.compile(r"^(?:已|正在|尚|未|仍|均|全部|都)")
# A total that names its parts' noun needs no 其中: "全市共有派出所28个，城区派出所12个，…"
TOTAL_INTRO = patterns.compile(r"共|合计|总计|累计")
WHOLE_VERB = patterns.compile(r"^(?:设立|设有|建成|建有|办理|受理|招录|举办|梳理|开展|承办|现有|拥有|有)")
# A per-unit figure is not a total: 每千人6.6批次, 人均, 平均, 户均.
PER_UNIT = patterns.compile(r"每\S{0,3}$|[人户均]均\S{0,6}$|平均\S{0,6}$")
# A share: 占比, 占…的, 比例为 / 比重达, 占总数的.
SHARE = patterns.compile(r"(?:占(?P<whole>(?!比)[^，,；;。]*?)(?:的|之)?(?:比重|比例)?|占比|(?:比例|比重))"
                      r"(?:为|是|达到|达|约)?$")
GENERIC_WHOLE = patterns.compile(r"^(?:总数|总量|全部|所有|总体|总|全|)$")
WHOLE_PREFIX = patterns.compile(r"^(?:全部|所有|总|全)")
# Where one part of a region or unit is spoken of: two such quantities are not one statement.
# 城区 / 农村 at the head of a clause is a scope; inside a name (“四好农村路”) it is not.
REGION = patterns.compile(r"(?:^|(?<=[，,；;。：:、（(\s“]|其中|在|对))(?:主城区|城区|农村|市区|郊区)(?!路)"
                       r"|(?<![有各全共个])\p{Han}{2}分局")
REGION_WORDS = ("城区", "农村", "市区", "郊区", "分局")  # one of them is in every match of REGION
# Words of a table's total row or column.
TOTAL_CELL = patterns.compile(r"^\s*(?:合\s*计|总\s*计|总\s*数|共\s*计|小\s*计|全\s*市|全\s*局)\s*$")
CELL_NUMBER = patterns.compile(r"^\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s*(?P<unit>起|件|人|名|个|项|次|家|所|户)?\s*$")


@record(frozen=True)
class Whole:
    """A total with the parts a draft gives of it (共…其中…)."""

    total: Quantity
    parts: tuple[Quantity, ...]
    exhaustive: bool = False  # a table's 合计: the parts make the total exactly
    overlapping: bool = False  # stages or outcomes: the parts may count one case twice


@record(frozen=True)
class Share:
    """A percentage said to be a part's share of a whole."""

    pct: Quantity
    part: Quantity
    whole: Quantity


@record
class Statements:
    """What a draft states with its numbers: wholes, shares and the groups read together."""

    wholes: list[Whole]
    shares: list[Share]
    groups: dict[str, list[list[Quantity]]]  # "sentence" / "paragraph" / "table": quantities read together
    regions: dict[int, str]  # quantity start -> the region or unit it is about ("" for the whole)
    year: str  # the report year: "2024年" in a 2024 report is no period of its own
    index: dict = field(default_factory=dict)  # per-group lookups computed once (counts, labels)

    def region(self, q: Quantity) -> str:
        return self.regions.get(q.start, "")

    def periods(self, q: Quantity) -> tuple[str, ...]:
        return tuple(p for p in q.periods if not (self.year and p.startswith(self.year + "年")))

    def same_statement(self, a: Quantity, b: Quantity) -> bool:
        """Same unit family, same period, same scope: the two numbers can be compared."""
        return (a.family == b.family and self.periods(a) == self.periods(b) and self.region(a) == self.region(b)
                and (not a.scope or not b.scope or a.scope == b.scope))

    def counts(self, group: list[Quantity], periods: tuple[str, ...]) -> list[Quantity]:
        """The counts (no percentages) of `group` for `periods`, in text order; computed once."""
        key = ("counts", id(group), periods)
        if key not in self.index:
            self.index[key] = [q for q in group if not q.is_percent and self.periods(q) == periods]
        return self.index[key]

    def indexed(self, group, periods, label, edge: str) -> tuple[list[Quantity], list[int]]:
        """The counts whose label `label` finds, with their `edge` offsets for bisection."""
        key = ("label", id(group), periods, id(label), edge)
        if key not in self.index:
            found = [q for q in self.counts(group, periods) if label.test(q.label)]
            self.index[key] = found, [getattr(q, edge) for q in found]
        return self.index[key]

    def opens_own_statement(self, part: Quantity, group: list[Quantity], periods: tuple[str, ...]) -> bool:
        """Whether part's sentence has a count of its own before it (受理治安类案件2000起，办结1900起):
        the part then belongs to that count, not to a whole of an earlier sentence. Answered from the
        first two counts of each sentence and unit: the earliest other one is before the part, or none is."""
        key = ("firsts", id(group), periods)
        if key not in self.index:
            firsts: dict[tuple[int, str], list[Quantity]] = {}
            for q in self.counts(group, periods):
                kept = firsts.setdefault((q.sentence, q.family), [])
                if len(kept) < 2:
                    kept.append(q)
            self.index[key] = firsts
        other = next((q for q in self.index[key].get((part.sentence, part.family), ()) if q is not part), None)
        return other is not None and other.end <= part.start


def statements(doc) -> Statements:
    return doc.memo("statements", lambda: build(doc))


def build(doc) -> Statements:
    regions = regions_of(doc)
    table_groups, table_wholes = tables(doc)
    wholes = listed_wholes(doc) + table_wholes
    named = distributed(doc)
    return Statements(wholes, shares(doc, wholes),
                      {"sentence": grouped(named, lambda q: q.sentence), "paragraph": grouped(named, lambda q: q.line),
                       "table": table_groups}, regions, report_year(doc))


def grouped(quantities: list[Quantity], key) -> list[list[Quantity]]:
    groups: dict[int, list[Quantity]] = {}
    for q in quantities:
        groups.setdefault(key(q), []).append(q)
    return list(groups.values())


# "立、破刑事案件分别为640起、702起": each number gets its own name (立刑事案件, 破刑事案件).
RESPECTIVELY = patterns.compile(r"(?P<names>[\p{Han}\d]{1,12}(?:、[\p{Han}]{1,12})+)分别(?:为|是|达到|达|有)?$")


def distributed(doc) -> list[Quantity]:
    """doc.quantities, with the numbers of an "A、B…分别为x、y…" statement named A…, B…."""
    out = list(doc.quantities)
    text = doc.text
    i = 0
    while i < len(out):
        q = out[i]
        m = RESPECTIVELY.search(text[max(0, q.start - 40):q.start]) if q.sentence >= 0 else None
        if not m:
            i += 1
            continue
        names = m.group("names").split("、")
        run = [q]
        while len(run) < len(names) and i + len(run) < len(out):
            nxt = out[i + len(run)]
            if text[run[-1].end:nxt.start] != "、" or nxt.family != q.family:
                break
            run.append(nxt)
        if len(run) == len(names):
            first = clean_label(names[0])[0] or names[0]
            last = names[-1]
            noun = last[len(first):] if len(last) > len(first) else ""
            labels = [clean_label(n)[0] + noun for n in names[:-1]] + [clean_label(last)[0]]
            out[i:i + len(run)] = [replace(x, label=label) for x, label in zip(run, labels, strict=True)]
        i += len(run)
    return out


def regions_of(doc) -> dict[int, str]:
    """For each quantity, the region or unit named in its sentence before it (城区, 滨湖分局), else "".
    One scan of each sentence, so a sentence with thousands of numbers stays linear."""
    out: dict[int, str] = {}
    scanned: dict[int, list] = {}  # sentence -> its region names, in order
    for q in doc.quantities:
        if q.sentence < 0:
            out[q.start] = ""
            continue
        if q.sentence not in scanned:
            s = doc.sentences[q.sentence]
            text = doc.text[s.start:s.end]  # a slice: ^ is the sentence's start, as it was for its head
            scanned[q.sentence] = [(s.start + m.end(), m.group()) for m in REGION.finditer(text)] \
                if any(word in text for word in REGION_WORDS) else []  # most sentences name no region
        found = scanned[q.sentence]
        i = bisect.bisect_right(found, (q.start, "\U0010ffff")) - 1
        out[q.start] = found[i][1] if i >= 0 else ""
    return out


# -- wholes and their parts ------------------------------------------------------------------
def listed_wholes(doc) -> list[Whole]:
    """"共N…，其中a…、b…" and "N个…中a个…、b个…": the total right before 其中 (中), the parts after it."""
    out, used = [], set()
    text = doc.text
    for group in by_scope(doc, "sentence"):
        last_count: dict[str, Quantity] = {}  # family -> the last count before `whole`, kept as we go
        for i in range(len(group) - 1):  # indices, not slices: a sentence may hold 10⁵ numbers
            whole = group[i]
            earlier = last_count.get(whole.family)
            if not whole.is_percent:
                last_count[whole.family] = whole
            if whole.unit in UNCOUNTED_UNITS or PER_UNIT.search(whole.before):
                continue
            first = group[i + 1]
            between = text[whole.end:first.start]
            if first.family != whole.family or first.is_percent or CLAUSE_END.search(between):
                continue
            # 共有派出所28个，城区派出所12个，农村派出所16个: parts that name the whole's noun need no 其中
            noun = WHOLE_VERB.sub("", whole.label)
            kinds = len(noun) >= 2 and first.label != noun and first.label.endswith(noun) \
                and TOTAL_INTRO.search(whole.before) and not NOT_A_PART.match(first.before) \
                and between.replace(first.before, "", 1).strip() in ("，", ",")
            if "其中" not in between and not between.endswith(("中", "中的")) and (not kinds or whole.start in used):
                continue
            if "其中" not in between and not kinds and between.count("，") + between.count(",") > 1:
                continue
            if earlier and LIST_JOINER.search(text[earlier.end:whole.start]):
                continue  # 民警464人、辅警52人，其中…: which of them is the whole is unclear
            parts = [first]
            for q in (group[j] for j in range(i + 2, len(group))):
                gap = text[parts[-1].end:q.start]
                if q.is_percent and SHARE.search(q.before) and not SENTENCE_OR_QIZHONG.search(gap):
                    continue  # 治安案件300起，占60%；交通案件150起…: a part's share, the list goes on
                if q.family != whole.family or q.is_percent or SENTENCE_OR_QIZHONG.search(gap):
                    break
                separators = list(PART_SEPARATOR.finditer(gap))
                if not separators:
                    break
                if kinds and not q.label.endswith(noun):
                    break
                shared = SHARE_WORD.search(gap)
                if (separators[0].group() != "、" or shared) and \
                        not continues_list(q, first, gap[separators[-1].end():]):
                    break
                parts.append(q)
            if kinds and len(parts) < 2:
                continue
            if len(parts) == 1 and earlier:
                continue  # one part after several counts: it may belong to any of them
            overlapping = len(parts) > 1 and any(OVERLAPPING.search(p.label + p.after) for p in parts)
            used.update(p.start for p in parts)
            out.append(Whole(whole, tuple(parts), overlapping=overlapping))
    return out


def continues_list(q: Quantity, first: Quantity, clause: str) -> bool:
    """Across a comma, is `q` one more part of the list `first` opened? Yes when its clause (the
    text from the comma to it) is a short name (维持24起, 农村派出所17个), not another statement
    (破案50起, 新增高速（一级）公路2600公里, 同比…)."""
    if NOT_A_PART.match(clause) or NOT_A_PART.match(q.before):
        return False
    if not clause.strip() and first.after and q.after and not STATUS.match(first.after) \
            and not STATUS.match(q.after) and not NOT_A_PART.match(q.after) and \
            (q.after[:2] == first.after[:2] or len(first.after) <= 4 and len(q.after) <= 4):
        return True  # parallel clauses: 18个评为一级所，5个评为二级所; 7个优秀，3个达标
    if q.label and first.label and q.label[-1] == first.label[-1] and len(clause) <= 16:
        return True
    return len(clause.strip()) <= 8 and bool(q.label) and not q.after.strip()


STATEMENT_END = patterns.compile(r"[；;。]")


def named_wholes(doc, whole_label, part_label) -> list[Whole]:
    """A total followed by its named parts without 其中 ("行政复议14起，维持7起，撤回7起"):
    label patterns say what is the total and what counts as its part."""
    out = []
    text = doc.text
    for group in by_scope(doc, "sentence"):
        for i in range(len(group) - 1):  # indices, not slices: a sentence may hold 10⁵ numbers
            whole = group[i]
            if not whole_label.search(whole.label) or "其中" in text[whole.end:group[i + 1].start]:
                continue  # with 其中 the listed form reports it
            parts, end = [], whole.end
            for q in (group[j] for j in range(i + 1, len(group))):
                # a ；or 。 between the total and q: looked for in the new stretch only
                if q.family != whole.family or STATEMENT_END.search(text, end, q.start):
                    break
                if not part_label.search(q.label):
                    break
                parts.append(q)
                end = q.start
            if parts:
                out.append(Whole(whole, tuple(parts)))
    return out


# -- shares ------------------------------------------------------------------------------------
def shares(doc, wholes: list[Whole]) -> list[Share]:
    out = []
    of_part = {p.start: w.total for w in wholes if not w.exhaustive for p in w.parts}
    by_sentence: dict[int, list[Quantity]] = {}
    by_line: dict[int, list[Quantity]] = {}
    for q in doc.quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
        by_line.setdefault(q.line, []).append(q)
    for in_sentence in by_sentence.values():
        before: list[Quantity] = []  # the counts so far in this sentence (percentages left out)
        family: dict = {}  # the same, by family: "the one count of that unit before it" is asked in O(1)
        for pct in in_sentence:
            if not pct.is_percent:
                before.append(pct)
                family.setdefault(pct.family, []).append(pct)
                continue
            if before:
                share = share_of(doc, pct, before[-1], family, of_part, by_line)
                if share is not None:
                    out.append(share)
    return out


def share_of(doc, pct: Quantity, part: Quantity, family: dict, of_part: dict, by_line: dict) -> Share | None:
    """The Share a percentage states about the count right before it, if it states one."""
    gap = doc.text[part.end:pct.start - len(pct.before)].strip()
    if gap not in ("", "，", ",", "、", "（", "("):
        return None  # the percentage must follow its count directly: "217项，占…"
    same = family[part.family]  # ends with `part`
    other = same[0] if len(same) == 2 else None  # the one other count of the unit before it, if one
    m = SHARE.search(pct.before)
    if not m:
        return rate_of_part(pct, part, other, of_part)
    name = WHOLE_PREFIX.sub("", TOTAL_SUFFIX.sub("", m.group("whole") or ""))
    whole = None
    if GENERIC_WHOLE.match(name) or part.start in of_part:
        whole = of_part.get(part.start)
    if whole is None and m.group("whole") and GENERIC_WHOLE.match(name):
        whole = other  # 全市行政案件为2216起，当场办结的1500起，占总数的…: the one count of the sentence before it
    if whole is None and name and not GENERIC_WHOLE.match(name):
        named = [q for q in by_line[pct.line] if q is not part and q.family == part.family
                 and not q.is_percent and (q.label.endswith(name) or q.after.startswith(name))]
        whole = named[0] if len(named) == 1 else None
    return Share(pct, part, whole) if whole is not None else None


# "其中优秀案卷960份，优秀率80%", "参考860人次，通过820人次，通过率95.3%": a rate named for the count
# right before it. 办结率 / 破案率 / 结案率 / 审结率 have rules of their own (a base named 受理 / 立案).
OWN_RATE_RULES = patterns.compile(r"(?:办结|结案|破案|审结)$")


def rate_of_part(pct: Quantity, part: Quantity, other: Quantity | None, of_part: dict) -> Share | None:
    """A Share for "…{X}N…，{X}率P%": the part is named X (or X + the whole's noun: 优秀案卷 of 案卷),
    the whole is the part's total (其中…) or the one count of the same unit before it."""
    if not pct.label.endswith("率") or pct.periods:
        return None
    stem = pct.label[:-1]
    if len(stem) < 2 or OWN_RATE_RULES.search(stem):
        return None
    whole = of_part.get(part.start)
    if whole is None:
        whole = other
    if whole is None or part.label not in (stem, stem + common_noun(whole.label, part.label)):
        return None
    return Share(pct, part, whole)


def common_noun(a: str, b: str) -> str:
    """The longest common ending of two labels: 评查案卷 / 优秀案卷 -> 案卷."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return b[len(b) - n:]


# -- rates, relations --------------------------------------------------------------------------
def rate_counts(st: Statements, pct: Quantity, group: list[Quantity], part_label, whole_label):
    """(part, whole) a rate is computed from: the part count nearest before the rate (else the
    first after it: "破案率80%，立案100起，破案80起"), the whole nearest the part. The counts of a
    group are indexed once per period and label, so a group of 20,000 rates is not rescanned for each."""
    periods = st.periods(pct)
    parts, part_ends = st.indexed(group, periods, part_label, "end")
    i = bisect.bisect_right(part_ends, pct.start)
    part = parts[i - 1] if i else (parts[0] if parts else None)
    if part is None:
        return None
    wholes, whole_starts = st.indexed(group, periods, whole_label, "start")
    whole = nearest_same(st, part, wholes, whole_starts)
    if whole is None or whole.sentence != part.sentence and \
            (whole.start > part.start or st.opens_own_statement(part, group, periods)):
        return None  # 受理治安类案件2000起，办结1900起: the part belongs to its own sentence's count
    return part, whole


def pairs(st: Statements, group: list[Quantity], a_label, b_label):
    """(a, b) pairs of one group: each A with the nearest B before it (else after it) that is
    the same statement (unit, period, scope). A label that names A is A even when B's pattern
    also matches it (主办提案 / 提案)."""
    a_side = [q for q in group if not q.is_percent and a_label.test(q.label)]
    if not a_side:
        return
    a_ids = {id(q) for q in a_side}
    b_side = [q for q in group if not q.is_percent and id(q) not in a_ids and b_label.test(q.label)]
    b_starts = [q.start for q in b_side]
    own = first_counts(group, a_ids)
    for a in a_side:
        b = nearest_same(st, a, b_side, b_starts)
        if b is None:
            continue
        first = own.get((a.sentence, a.family))
        if b.sentence == a.sentence or b.end <= a.start and not (first is not None and first.end <= a.start):
            yield a, b


def first_counts(group: list[Quantity], exclude: set[int]) -> dict:
    """(sentence, family) -> the first count of that sentence and unit that is not in `exclude`:
    what Statements.opens_own_statement asks, answered for every A at once."""
    out = {}
    for q in group:
        if not q.is_percent and id(q) not in exclude:
            out.setdefault((q.sentence, q.family), q)
    return out


# How many candidates on each side nearest_same looks at: a real paragraph has a handful; a
# hostile one-line draft with thousands of counts must not make each A scan all of them.
NEAREST_SCAN = 200


def nearest_same(st: Statements, a: Quantity, candidates: list[Quantity], starts: list[int]) -> Quantity | None:
    """The candidate of a's statement closest before a, else closest after it, walking out from a."""
    i = bisect.bisect_left(starts, a.start)
    for c in reversed(candidates[max(0, i - NEAREST_SCAN):i]):
        if c.end <= a.start and st.same_statement(c, a):
            return c
    for c in candidates[i:i + NEAREST_SCAN]:
        if c.start >= a.end and st.same_statement(c, a):
            return c
    return None


# -- tables (.docx, Markdown) -----------------------------------------------------------------
PIPE_ROW = patterns.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = patterns.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def tables(doc) -> tuple[list[list[Quantity]], list[Whole]]:
    """A table's numeric cells as quantities labelled by their headers: each data row and each
    column is a group (受理 / 办结 side by side); a 合计 row or column is an exhaustive Whole.
    Tables are a .docx's (Source.cells) or Markdown pipe tables."""
    groups, wholes = [], []
    for grid in docx_grids(doc) + pipe_grids(doc):
        g, w = table_statements(doc, grid)
        groups += g
        wholes += w
    return groups, wholes


def docx_grids(doc) -> list[dict]:
    """(row, column) -> (offset, text) of each cell of each .docx table; offset -1 for a cell of
    several paragraphs, which may head a row or column but is never read as a number."""
    cells = getattr(doc.source, "cells", None) or []
    lines: dict[int, dict[tuple[int, int], list[int]]] = {}
    for number, cell in enumerate(cells, 1):
        if cell is not None and number <= len(doc.lines):
            lines.setdefault(cell[0], {}).setdefault((cell[1], cell[2]), []).append(number)
    grids = []
    for table in lines.values():
        grid = {}
        for key, numbers in table.items():
            text = "".join(doc.line(n).content for n in numbers)
            grid[key] = (doc.line(numbers[0]).content_start if len(numbers) == 1 else -1, text)
        grids.append(grid)
    return grids


def pipe_grids(doc) -> list[dict]:
    grids, grid, row = [], {}, 0
    for line in doc.lines + [None]:
        if line is None or not PIPE_ROW.match(line.text):
            if grid:
                grids.append(grid)
            grid, row = {}, 0
            continue
        if PIPE_RULE.match(line.text):
            continue
        row += 1
        inner_start = line.text.index("|") + 1
        pieces = line.text[inner_start:line.text.rindex("|")].split("|")
        pos = line.start + inner_start
        for column, piece in enumerate(pieces, 1):
            grid[(row, column)] = (pos, piece)
            pos += len(piece) + 1
    return grids


def table_statements(doc, grid):
    rows = max(r for r, _ in grid)
    cols = max(c for _, c in grid)
    text = {key: value[1] for key, value in grid.items()}
    numbers: dict[tuple[int, int], Quantity] = {}
    for key, (offset, cell) in grid.items():
        m = CELL_NUMBER.match(cell) if offset >= 0 else None
        if m:
            numbers[key] = cell_quantity(doc, offset, m)
    col_head = {c: header(text.get((1, c), "")) for c in range(1, cols + 1)}
    row_head = {r: header(text.get((r, 1), "")) for r in range(1, rows + 1)}
    groups = []
    for r in range(2, rows + 1):  # a row read by its column headers
        groups.append([replace(numbers[(r, c)], label=col_head[c]) for c in range(2, cols + 1) if (r, c) in numbers])
    for c in range(2, cols + 1):  # a column read by its row headers
        groups.append([replace(numbers[(r, c)], label=row_head[r]) for r in range(2, rows + 1) if (r, c) in numbers])
    wholes = []
    total_rows = [r for r in range(2, rows + 1) if TOTAL_CELL.match(row_head[r])]
    total_cols = [c for c in range(2, cols + 1) if TOTAL_CELL.match(col_head[c])]
    if len(total_rows) > 1 or len(total_cols) > 1:
        return [g for g in groups if len(g) >= 2], []  # 小计 and 合计: which rows each sums is not said
    for r in range(2, rows + 1):
        if TOTAL_CELL.match(row_head[r]):
            for c in range(2, cols + 1):
                parts = tuple(numbers[(k, c)] for k in range(2, rows + 1) if k != r and (k, c) in numbers)
                if (r, c) in numbers and len(parts) >= 2 and len(parts) == rows - 2:
                    wholes.append(Whole(replace(numbers[(r, c)], label=col_head[c]), parts, exhaustive=True))
    for c in range(2, cols + 1):
        if TOTAL_CELL.match(col_head[c]):
            for r in range(2, rows + 1):
                parts = tuple(numbers[(r, k)] for k in range(2, cols + 1) if k != c and (r, k) in numbers)
                if (r, c) in numbers and len(parts) >= 2 and len(parts) == cols - 2:
                    wholes.append(Whole(replace(numbers[(r, c)], label=row_head[r]), parts, exhaustive=True))
    return [g for g in groups if len(g) >= 2], wholes


HEADER_TAIL = patterns.compile(r"\s*[（(][^）)]{0,6}[）)]\s*$|(?<=\p{Han})(?:数量|件数|起数|人数|数)$")


def header(text: str) -> str:
    """A header as a label: 受理数（起） -> 受理, 办结件数 -> 办结."""
    text = text.strip()
    for _ in range(2):
        text = HEADER_TAIL.sub("", text)
    return text


def cell_quantity(doc, offset: int, m) -> Quantity:
    start = offset + m.start("num")
    end = offset + (m.end("unit") if m.group("unit") else m.end("num"))
    value = float(m.group("num").replace(",", ""))
    # the unit stands in the header as often as in the cell: cells of one table compare as one unit
    return Quantity(start, end, doc.text[start:end], value, "", 0, "", value, value, "", "", (), "", "",
                    doc.position(start)[0], -1)


# -- levels and metrics ------------------------------------------------------------------------
RATE_LABEL = patterns.compile(r"(?:率|占比|比例|比重)$")
# Words that make a percentage a change, not a level — unless 至/到 follows (提高至103% is a level).
DEFAULT_CHANGES = ["增长", "上升", "提高", "提升", "下降", "降低", "增加", "减少", "同比", "环比", "增幅", "降幅",
                   "涨幅", "增速", "倍", "完成", "超额"]
CHANGE = patterns.compile("|".join(f"{regex.escape(w)}(?![至到])" for w in DEFAULT_CHANGES))


def is_level(q: Quantity, rate=RATE_LABEL, change=CHANGE) -> bool:
    """A percentage that states a rate or a share (满意率97%, 占比4.6%, 占…的98%), not a change
    (同比增长120%) and not a share of another period (占上年的120%)."""
    if not q.is_percent or q.periods:
        return False
    if not (rate.search(q.label) or "占" in q.before):
        return False
    return not (change.search(q.before) or change.search(q.after))


# -- restatements ------------------------------------------------------------------------------
VARIANT_CHARS = patterns.compile(r"[类性的]")
DEFAULT_PERIODS = (r"上一?年|去年|前年|同比|环比|同期|上半年|下半年|季度"
                   r"|[0-9一二三四五六七八九十]月|[上本当某每]月|月份|月度")
DEFAULT_TARGETS = ["力争", "争取", "确保", "目标", "计划", "预计", "预期", "要求", "不低于"]
YEAR = patterns.compile(r"(?:19|20)\d{2}(?=年)")
# A stock count that a draft may state twice (全局共有民警528人 … 全局518名民警).
STOCK_NOUNS = r"民警|辅警|警力|派出所|警务室|执法办案管理中心|公安检查站|执法勤务机构"
STOCK_BEFORE = patterns.compile(r"(?:共有|现有|拥有|有)(?:在编)?(?:" + STOCK_NOUNS + r")?$")
STOCK_LABEL = patterns.compile(rf"^(?:{STOCK_NOUNS})$")
STOCK_TOTAL = patterns.compile(rf"^({STOCK_NOUNS})(?:总数|总量|总人数)$")
STOCK_AFTER = patterns.compile(rf"^(?:{STOCK_NOUNS})(?![\p{{Han}}]{{0,1}}(?:率|占|的))")


def report_year(doc) -> str:
    """The year the draft reports on: the first year of its first lines (the title), else ""."""
    def compute():
        for line in doc.paragraphs[:3]:
            m = YEAR.search(line.content)
            if m:
                return m.group()
        return ""
    return doc.memo("statements.report_year", compute)


def own_periods(doc, q: Quantity) -> tuple[str, ...]:
    """The periods of `q` other than the report year itself (2024年 in a 2024 report is 全年)."""
    year = report_year(doc)
    return tuple(p for p in q.periods if not (year and p.startswith(year + "年")))


def rate_key(q: Quantity) -> str:
    return VARIANT_CHARS.sub("", q.label)


def stock_key(doc, q: Quantity) -> str:
    """民警 for 全局共有民警528人 and for 全局518名民警; "" when `q` is no stock count."""
    if q.family not in ("人", "个", "所") or q.unit == "人次":
        return ""
    label = HAVE_PREFIX.sub("", q.label)
    if STOCK_LABEL.match(label) and STOCK_BEFORE.search(q.before.rstrip()):
        return label
    total = STOCK_TOTAL.match(q.label)  # 辅警总数为890名
    if total:
        return total.group(1)
    if not q.label:
        m = STOCK_AFTER.match(doc.text[q.end:q.end + 12])
        if m:
            return m.group()
    return ""


def restatable(doc, q: Quantity, label, min_length: int, periods, targets, generic=None, stock=False) -> str:
    """The metric `q` states, as a key two statements of the same metric share; "" when `q` is not
    one a restatement check compares: approximate, a period or target of its own, a part (其中…)."""
    if not q.exact or q.sentence < 0:
        return ""
    if stock:
        key = stock_key(doc, q)
    elif not label.search(q.label) or (generic is not None and generic.search(q.label)):
        return ""
    else:
        key = rate_key(q)
        if len(key) < min_length:
            return ""
    if not key:
        return ""
    sentence = doc.sentences[q.sentence]
    if own_periods(doc, q) or periods.search(sentence.text) or any(w in sentence.text for w in targets):
        return ""
    year = report_year(doc)
    if any(y != year for y in YEAR.findall(sentence.text)):
        return ""  # 2023年，…率为93.7%: another year's figure
    if "其中" in doc.text[sentence.start:q.start]:
        return ""  # 其中…率: a part of what was stated before, not the same scope
    return key
