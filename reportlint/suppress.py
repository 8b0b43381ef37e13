"""Inline suppression in a draft, like ruff's noqa:

    <!-- reportlint-disable RULE[,RULE] -->  …  <!-- reportlint-enable [RULE] -->
    <!-- reportlint-disable-next-line RULE -->

RULE is an id or a pack prefix; none means every rule. `enable RULE` closes what it covers
(`enable hygiene` closes `disable hygiene/doubled-char`; a bare enable closes everything).
A suppressed line is also protected from --fix. A directive part that suppresses nothing,
names no rule, or an enable that closes nothing, is reported: a stale suppression hides the
next real problem."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import regex

from .ruleids import matches

DIRECTIVE = regex.compile(
    r"<!--\s*reportlint-(?P<what>disable-next-line|disable|enable)(?:\s+(?P<rules>[^\s>][^>]*?))?\s*-->")
ALL = "*"
UNUSED = "没有抑制任何问题，请删除该指令（或其中的这条规则）"
UNKNOWN = "不是已知的规则编号或前缀，请改正（用 reportlint rules 查看全部规则）"
STRAY_ENABLE = "前面没有与之对应的 reportlint-disable，请删除或改正规则编号"


@dataclass
class Directive:
    what: str
    rules: list[str]  # ["*"] for every rule
    line: int
    start: int
    end: int
    ranges: dict[str, list[int]] = field(default_factory=dict)  # rule pattern -> [first, last] line
    used: set[str] = field(default_factory=set)


def parse(doc) -> list[Directive]:
    found = []
    for m in DIRECTIVE.finditer(doc.text):
        rules = [r.strip() for r in (m.group("rules") or "").replace("，", ",").split(",") if r.strip()] or [ALL]
        line, _ = doc.position(m.start())
        found.append(Directive(m.group("what"), rules, line, m.start(), m.end()))
    return found


def covers(pattern: str, rule_id: str) -> bool:
    return pattern == ALL or (rule_id != ALL and matches(rule_id, pattern))


def resolve(doc, directives: list[Directive]) -> tuple[list[Directive], list[Directive]]:
    """(disables with the lines each of their rules covers, enables that closed nothing)."""
    last_line = len(doc.lines)
    open_: list[tuple[Directive, str]] = []
    disables, stray = [], []
    for d in directives:
        if d.what == "disable-next-line":
            nxt = next((ln.number for ln in doc.lines[d.line:] if not ln.blank), d.line + 1)
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


def apply(doc, findings, running: set[str], known: set[str]):
    """(kept findings, [(directive, pattern, problem)] for directive parts that are stale, name
    no rule, or enable nothing)."""
    directives = parse(doc)
    if not directives:
        return findings, []
    disables, stray = resolve(doc, directives)

    def covering(line: int, rule: str):
        return [(d, p) for d in disables for p, (first, last) in d.ranges.items()
                if first <= line <= last and covers(p, rule)]

    kept = []
    for f in findings:
        found = covering(f.line, f.rule)
        for d, p in found:
            d.used.add(p)
        if found:
            continue
        # a fix may reach other lines (the whole-draft punctuation fix): not into suppressed ones
        edits = tuple(e for e in f.edits if not covering(doc.position(e[0])[0], f.rule))
        kept.append(f if edits == f.edits else dataclasses.replace(f, edits=edits))
    problems = [(d, ",".join(d.rules) if d.rules != [ALL] else ALL, STRAY_ENABLE) for d in stray]
    for d in disables:
        for pattern in d.rules:
            if pattern in d.used:
                continue
            if pattern != ALL and not any(covers(pattern, r) for r in known):
                problems.append((d, pattern, UNKNOWN))
            elif pattern == ALL or any(covers(pattern, r) for r in running):
                problems.append((d, pattern, UNUSED))
            # else: the rule is not running here, so nobody can tell whether it would be used
    return kept, problems
