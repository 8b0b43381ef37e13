"""Inline suppression in a draft, like ruff's noqa:

    <!-- reportlint-disable RULE[,RULE] -->  …  <!-- reportlint-enable [RULE] -->
    <!-- reportlint-disable-next-line RULE -->

RULE is an id or a pack prefix; none means every rule. A directive part that suppresses
nothing is reported (a stale suppression hides the next real problem)."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

DIRECTIVE = regex.compile(
    r"<!--\s*reportlint-(?P<what>disable-next-line|disable|enable)(?:\s+(?P<rules>[^\s>][^>]*?))?\s*-->")
ALL = "*"


@dataclass
class Directive:
    what: str
    rules: list[str]  # ["*"] for every rule
    line: int
    start: int
    end: int
    first: int = 0  # the lines it covers
    last: int = 0
    used: set[str] = field(default_factory=set)


def parse(doc) -> list[Directive]:
    found = []
    for m in DIRECTIVE.finditer(doc.text):
        rules = [r.strip() for r in (m.group("rules") or "").replace("，", ",").split(",") if r.strip()] or [ALL]
        line, _ = doc.position(m.start())
        found.append(Directive(m.group("what"), rules, line, m.start(), m.end()))
    return found


def resolve(doc, directives: list[Directive]) -> list[Directive]:
    """Give each disable its covered lines; return the disables (enables only close them)."""
    last_line = len(doc.lines)
    open_: list[Directive] = []
    out = []
    for d in directives:
        if d.what == "disable-next-line":
            nxt = next((ln.number for ln in doc.lines[d.line:] if not ln.blank), d.line + 1)
            d.first = d.last = nxt
            out.append(d)
        elif d.what == "disable":
            d.first, d.last = d.line, last_line
            open_.append(d)
            out.append(d)
        else:  # enable: closes the matching open disables
            for o in list(open_):
                if d.rules == [ALL] or set(o.rules) <= set(d.rules):
                    o.last = d.line
                    open_.remove(o)
    return out


def covers(pattern: str, rule_id: str) -> bool:
    from .engine import matches

    return pattern == ALL or matches(rule_id, pattern)


UNUSED = "没有抑制任何问题，请删除该指令（或其中的这条规则）"
UNKNOWN = "不是已知的规则编号或前缀，请改正（用 reportlint rules 查看全部规则）"


def apply(doc, findings, running: set[str], known: set[str]):
    """(kept findings, [(directive, pattern, problem)] for directive parts that are stale or
    name no rule at all)."""
    disables = resolve(doc, parse(doc))
    if not disables:
        return findings, []
    kept = []
    for f in findings:
        hit = False
        for d in disables:
            if d.first <= f.line <= d.last:
                for pattern in d.rules:
                    if covers(pattern, f.rule):
                        d.used.add(pattern)
                        hit = True
        if not hit:
            kept.append(f)
    unused = []
    for d in disables:
        for pattern in d.rules:
            if pattern in d.used:
                continue
            if pattern != ALL and not any(covers(pattern, r) for r in known):
                unused.append((d, pattern, UNKNOWN))
            elif pattern == ALL or any(covers(pattern, r) for r in running):
                unused.append((d, pattern, UNUSED))
            # else: the rule is not running here, so nobody can tell whether it would be used
    return kept, unused
