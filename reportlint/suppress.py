"""Inline suppression in a draft, like ruff's noqa:

    <!-- reportlint-disable RULE[,RULE] -->  …  <!-- reportlint-enable [RULE] -->
    <!-- reportlint-disable-next-line RULE -->

and, in a .docx, a Word comment whose text starts with `reportlint-disable RULE[,RULE]`: it covers
the paragraphs the comment is anchored to, so a drafter accepts a finding without markup.

RULE is an id or a pack prefix; none means every rule (and is reported: say which rules).
`enable RULE` closes what it covers (`enable hygiene` closes `disable hygiene/doubled-char`; a
bare enable closes everything). A suppressed line is also protected from --fix, and a line that
holds only directives is never itself a finding of another rule. Reported, because a stale or
mistyped suppression hides the next real problem: a directive part that suppresses nothing,
names no rule, an enable that closes nothing, a bare directive, a misspelled directive."""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import itertools
from dataclasses import field

from . import patterns
from .records import record
from .ruleids import matches

RULE_LIST_SEPARATOR = patterns.compile(r"[,，\s]+")
DIRECTIVE = patterns.compile(
    r"<!--\s*reportlint-(?P<what>disable-next-line|disable|enable)(?:\s+(?P<rules>[^\s>][^>]*?))?\s*-->")
# Anything that looks like it was meant as one (reportlint-disabel-next-line, reportlint_disable …).
LOOKALIKE = patterns.compile(r"<!--\s*(?i:reportlint[\s\-_:：]*(?:dis|en|ign|skip|noqa|off|on\b))[^>]*?-->")
WORD = patterns.compile(r"(?i)reportlint[\s\-_:：]*(?P<word>[a-z][a-z\-_]*)?")
# A Word comment: its text starts with the directive; rule ids follow, then any explanation.
COMMENT = patterns.compile(r"^\s*reportlint-disable(?P<rules>(?:[\s,，]+[a-z0-9][\w\-]*(?:/[\w\-]*)?)*)")
VERBS = ("disable", "disable-next-line", "enable")
ALL = "*"
UNUSED = "没有抑制任何问题，请删除该指令（或其中的这条规则）"
UNKNOWN = "不是已知的规则编号或前缀，请改正（用 reportlint rules 查看全部规则）"
STRAY_ENABLE = "前面没有与之对应的 reportlint-disable，请删除或改正规则编号"
# Categories of problems; each is reported by the meta rule whose `reports` parameter names it.
STALE, MISSPELLED, BLANKET = "unused", "misspelled", "blanket"


@record
class Directive:
    """An inline directive (reportlint-disable …) or a Word comment that acts as one."""

    what: str  # disable-next-line | disable | enable | comment (a Word comment)
    rules: list[str]  # ["*"] for every rule
    line: int
    start: int
    end: int
    text: str = ""  # as shown in a message
    ranges: dict[str, list[int]] = field(default_factory=dict)  # rule pattern -> [first, last] line
    used: set[str] = field(default_factory=set)
    suppressed: set[str] = field(default_factory=set)  # rule ids it suppressed (for a bare directive)


def rule_list(text: str | None) -> list[str]:
    return [r.strip() for r in RULE_LIST_SEPARATOR.split(text or "") if r.strip()] or [ALL]


def parse(doc) -> tuple[list[Directive], list[tuple[int, int, str, bool]]]:
    """(directives, (start, end, text, whether inline markup) of look-alikes that are not directives)."""
    found, broken = [], []
    for m in LOOKALIKE.finditer(doc.text):
        d = DIRECTIVE.fullmatch(m.group())
        if d is None:
            broken.append((m.start(), m.end(), m.group(), True))
            continue
        line, _ = doc.position(m.start())
        found.append(Directive(d.group("what"), rule_list(d.group("rules")), line, m.start(), m.end(), m.group()))
    for first, last, note in getattr(doc.source, "comments", None) or ():
        if not note.lstrip().lower().startswith("reportlint"):
            continue
        paragraph = doc.line(first)
        start, end = paragraph.content_start, max(paragraph.end, paragraph.content_start + 1)
        shown = f"Word 批注“{note.strip()[:60]}”"
        m = COMMENT.match(note)
        if m is None:
            broken.append((start, end, shown, False))
            continue
        d = Directive("comment", rule_list(m.group("rules")), first, start, end, shown)
        d.ranges = {p: [first, last] for p in d.rules}
        found.append(d)
    found.sort(key=lambda d: (d.line, d.start))
    return found, broken


def covers(pattern: str, rule_id: str) -> bool:
    return pattern == ALL or (rule_id != ALL and matches(rule_id, pattern))


def resolve(doc, directives: list[Directive], markup: set[int]) -> tuple[list[Directive], list[Directive]]:
    """(disables with the lines each of their rules covers, enables that closed nothing). The next
    line of a disable-next-line is the next one with text that is not itself a directive."""
    last_line = len(doc.lines)
    open_: list[tuple[Directive, str]] = []
    disables, stray = [], []
    for d in directives:
        if d.what == "comment":
            disables.append(d)
        elif d.what == "disable-next-line":
            nxt = next((ln.number for ln in doc.lines[d.line:] if not ln.blank and ln.number not in markup),
                       d.line + 1)
            d.ranges = {p: [nxt, nxt] for p in d.rules}
            disables.append(d)
        elif d.what == "disable":
            d.ranges = {p: [d.line, last_line] for p in d.rules}
            open_ += [(d, p) for p in d.rules]
            disables.append(d)
        else:
            closing = [(o, p) for o, p in open_ if any(covers(e, p) for e in d.rules)]
            for o, p in closing:
                o.ranges[p][1] = d.line
                open_.remove((o, p))
            if not closing:
                stray.append(d)
    return disables, stray


def misspelling(text: str) -> str:
    """What to write instead of a look-alike directive."""
    m = WORD.search(text)
    word = (m.group("word") or "").lower().replace("_", "-").strip("-") if m else ""
    close = difflib.get_close_matches(word, VERBS, n=1, cutoff=0.5)
    usable = "、".join(f"reportlint-{v}" for v in VERBS)
    if not close:
        return f"请改用 {usable} 之一（写在 <!-- --> 中）"
    verb = close[0]
    where = {"disable-next-line": "，它作用于下一行（写在问题所在行的上一行）",
             "disable": "，它作用到 reportlint-enable 为止",
             "enable": ""}[verb]
    return f"请改为“reportlint-{verb} 规则编号”{where}"


def directive_lines(doc, spans) -> set[int]:
    """Lines that hold nothing but directives."""
    lines = {}
    for start, end in spans:
        first, last = doc.position(start)[0], doc.position(end)[0]
        for n in range(first, last + 1):
            lines.setdefault(n, []).append((start, end))
    out = set()
    for n, taken in lines.items():
        line = doc.line(n)
        rest = "".join(ch for i, ch in enumerate(line.text, line.start)
                       if not any(s <= i < e for s, e in taken))
        if not rest.strip():
            out.add(n)
    return out


class Ranges:
    """The lines each disable covers, per rule pattern, indexed: whether a line is covered is a
    binary search, not a walk over every directive (a draft may hold thousands)."""

    def __init__(self, disables: list[Directive]):
        self.disables = disables
        by_pattern: dict[str, list[tuple[int, int]]] = {}
        for d in disables:
            for pattern, (first, last) in d.ranges.items():
                by_pattern.setdefault(pattern, []).append((first, last))
        # per pattern: the ranges by first line, and the furthest last line among those up to each
        self.firsts, self.reach = {}, {}
        for pattern, spans in by_pattern.items():
            spans.sort()
            self.firsts[pattern] = [first for first, _ in spans]
            self.reach[pattern] = list(itertools.accumulate((last for _, last in spans), max))
        self.patterns_of: dict[str, list[str]] = {}  # rule -> the patterns that cover it

    def patterns(self, rule: str) -> list[str]:
        if rule not in self.patterns_of:
            self.patterns_of[rule] = [p for p in self.firsts if covers(p, rule)]
        return self.patterns_of[rule]

    def covered(self, line: int, rule: str) -> bool:
        for pattern in self.patterns(rule):
            i = bisect.bisect_right(self.firsts[pattern], line)
            if i and self.reach[pattern][i - 1] >= line:
                return True
        return False

    def mark_used(self, findings) -> None:
        """Each directive's rule patterns that suppress at least one finding, and the rules they
        suppress (what a bare directive is reported with)."""
        lines: dict[str, list[int]] = {}
        for f in findings:
            lines.setdefault(f.rule, []).append(f.line)
        for found in lines.values():
            found.sort()
        for d in self.disables:
            for pattern, (first, last) in d.ranges.items():
                for rule, found in lines.items():
                    i = bisect.bisect_left(found, first)
                    if i < len(found) and found[i] <= last and covers(pattern, rule):
                        d.used.add(pattern)
                        d.suppressed.add(rule)


def apply(doc, findings, running: set[str], known: set[str]):
    """(kept findings, [(start, end, message args, category)] for the problems of the directives:
    stale, naming no rule, enabling nothing (unused); mistyped (misspelled); bare (blanket))."""
    directives, broken = parse(doc)
    if not directives and not broken:
        return findings, []
    markup = directive_lines(doc, [(d.start, d.end) for d in directives if d.what != "comment"]
                             + [(s, e) for s, e, _, inline in broken if inline])
    disables, stray = resolve(doc, directives, markup)

    ranges = Ranges(disables)
    reported = [f for f in findings if not (f.line in markup and f.end_line in markup)]
    # a line of directives is not report text: never a repeated line, a stray mark…
    ranges.mark_used(reported)
    kept = []
    for f in reported:
        if ranges.covered(f.line, f.rule):
            continue
        # a fix may reach other lines (the whole-draft punctuation fix): not into suppressed ones
        edits = tuple(e for e in f.edits if not ranges.covered(doc.position(e[0])[0], f.rule))
        kept.append(f if edits == f.edits else dataclasses.replace(f, edits=edits))

    def problem(d: Directive, rule: str, text: str, category: str = STALE):
        return d.start, d.end, {"directive": d.text, "rule": rule, "problem": text}, category

    problems = [problem(d, ",".join(d.rules) if d.rules != [ALL] else "全部规则", STRAY_ENABLE) for d in stray]
    problems += [(start, end, {"directive": text, "rule": "", "problem": misspelling(text)}, MISSPELLED)
                 for start, end, text, _ in broken]
    for d in disables:
        for pattern in d.rules:
            if pattern == ALL and pattern in d.used:
                problems.append(problem(d, "、".join(sorted(d.suppressed)), "", BLANKET))
            if pattern in d.used:
                continue
            if pattern != ALL and not any(covers(pattern, r) for r in known):
                problems.append(problem(d, pattern, UNKNOWN))
            elif pattern == ALL or any(covers(pattern, r) for r in running):
                problems.append(problem(d, "全部规则" if pattern == ALL else pattern, UNUSED))
            # else: the rule is not running here, so nobody can tell whether it would be used
    return kept, problems
