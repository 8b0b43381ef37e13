"""restated: the same metric stated twice with different values (a rate; a stock count)."""

from __future__ import annotations

import random

from accuracy_numbers_common import balanced, cn, document, rule_params

from reportlint.checks import compile_regex
from reportlint.statements import DEFAULT_PERIODS, DEFAULT_TARGETS, restatable

NAME = "restated"
RULES = ("numbers/restated-rate", "numbers/restated-count")


def inject(text: str) -> list[tuple[str, str]]:
    """For each metric the engine would compare, the same metric stated again at the end of the
    draft (a new paragraph) with another value: a restatement that contradicts the first."""
    doc = document(text)
    out, seen = [], set()
    for rule in RULES:
        try:
            p = rule_params(rule)
        except KeyError:
            continue
        label = compile_regex("label", p.get("label", r"率$"))
        generic = compile_regex("generic", p["generic"]) if "generic" in p else None
        periods = compile_regex("periods", p.get("periods", DEFAULT_PERIODS))
        for q in doc.quantities:
            key = restatable(doc, q, label, p.get("min_length", 5), periods, p.get("targets", DEFAULT_TARGETS),
                             generic, p.get("stock", False))
            if key and key not in seen:
                seen.add(key)
                out.append(restate(text, q, key))
    return out


def restate(text, q, key):
    if q.is_percent:
        value = q.value - 3 if q.value > 50 else q.value + 3
        shown = f"{value:.{q.decimals}f}%"
    else:
        value = q.value + max(2, round(q.value * 0.05))
        shown = f"{value:.0f}{q.unit}"
    said = f"{q.scope}{key}为{shown}。" if q.is_percent else f"{q.scope}共有{key}{shown}。"
    return text.rstrip("\n") + "\n" + said, f"第{q.line}行 {key}{q.text}，文末另写{shown}"


RATES = ["伤害类案件结案率", "盗窃类案件破案率",
         "行政案件办结率", "刑事案件破案率", "行政复议纠错率", "执法问题整改率", "案件法制审核率",
         "110接警处置率", "行政案件结案率", "重大行政决策合法性审查率"]
COUNTS = [("民警", "人"), ("辅警", "名"), ("派出所", "个"), ("执法办案管理中心", "个")]
PERIODS = ["上年", "去年同期", "1至11月", "上半年", "2023年"]
SCOPES = [("城区", "农村"), ("滨湖分局", "新吴分局"), ("", "其中城区")]


def rate_pair(rng, same: bool):
    label = rng.choice(RATES)
    first = round(rng.uniform(60, 99), rng.choice([0, 1]))
    second = first if same else round(first + rng.choice([-1, 1]) * rng.uniform(1.5, 8), 1)
    second = min(second, 100)
    return label, f"{first:g}%", f"{second:g}%"


def count_pair(rng, same: bool):
    noun, unit = rng.choice(COUNTS)
    first = rng.randint(30, 3000)
    second = first if same else first + rng.choice([-1, 1]) * rng.randint(2, max(3, first // 10))
    return noun, unit, first, second


def statement(rng: random.Random, defective: bool) -> str:
    year = "2024"
    head = f"{year}年法治政府建设工作报告\n"
    where = rng.choice(["一、主要工作\n", "（二）严格规范执法\n"])
    shortfall = "二、存在的不足和原因\n"
    twist = None if defective else rng.choice([None, "period", "scope", "target"])
    if rng.random() < 0.6:
        label, first, second = rate_pair(rng, same=not defective and twist is None)
        a = f"全年{label}达{first}。" if rng.random() < 0.5 else f"{year}年{label}为{first}。"
        if twist == "period":
            b = rng.choice(PERIOD_WORDS).format(p=rng.choice(PERIODS)) + f"{label}为{second}。"
        elif twist == "scope":
            s1, s2 = rng.choice(SCOPES)
            a = f"{s1}{label}为{first}。" if s1 else a
            b = f"{s2}{label}为{second}。"
        elif twist == "target":
            b = f"{int(year) + 1}年力争{label}达到{second}。"
        else:
            b = rng.choice([f"全局{label}为{second}。", f"{label}仅为{second}，与先进地区相比仍有差距。",
                            f"{year}年{label}{second}。"])
    else:
        noun, unit, first, second = count_pair(rng, same=not defective and twist is None)
        a = rng.choice([f"全局共有{noun}{first}{unit}。", f"全局现有{noun}{cn(rng, first, 0.1)}{unit}。"])
        if twist == "period":
            b = f"上年全局共有{noun}{second}{unit}。"
        elif twist == "scope":
            b = f"城区派出所共有{noun}{second}{unit}。" if noun != "派出所" else f"城区共有派出所{second}个。"
        elif twist == "target":
            b = f"{int(year) + 1}年计划全局{noun}达到{second}{unit}。"
        else:
            b = rng.choice([f"全局{second}{unit}{noun}中，大学以上学历的占八成。", f"全局共有{noun}{second}{unit}。",
                            f"全局{second}名{noun}全部参加了执法资格考试。" if unit in ("人", "名") else
                            f"全局{second}{unit}{noun}均已完成规范化建设。"])
    return head + where + a + "\n" + rng.choice([shortfall, "（三）强化执法监督\n"]) + b


PERIOD_WORDS = ["{p}", "{p}，", "与{p}相比，"]


def grammar(rng: random.Random) -> list[tuple[str, bool]]:
    return balanced([(statement(rng, d), d) for d in (rng.random() < 0.5 for _ in range(400))])
