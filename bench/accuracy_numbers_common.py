"""Helpers shared by the numbers plug-ins of accuracy.py (no NAME: not a kind itself).

Rewriting a number keeps the way it was written: Arabic stays Arabic (with its decimals),
Chinese stays Chinese, a 万 multiplier and an approximation marker stay where they were."""

from __future__ import annotations

import math
import random

import regex

from reportlint.document import Document
from reportlint.engine import load_rules
from reportlint.numerals import int_to_cn

NUMBER = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[〇零○一二两三四五六七八九十百千万亿点]+")
_RULES = None


def rule_params(rule_id: str) -> dict:
    global _RULES
    if _RULES is None:
        _RULES = {r.id: r for r in load_rules().rules}
    return dict(_RULES[rule_id].params)


def multiplier(q) -> int:
    return 100_000_000 if "亿" in q.text else 10_000 if "万" in q.text else 1


def step(q) -> float:
    """The smallest change the way `q` is written can express."""
    return multiplier(q) * 10 ** -q.decimals


def written(q, value: float) -> str | None:
    """`q`'s text with its number replaced by `value` (None when it cannot be written so)."""
    offset = q.text.find("百分之") + 3 if "百分之" in q.text else 0
    m = NUMBER.search(q.text, offset)
    if not m:
        return None
    offset = 0
    scaled = value / multiplier(q)
    arabic = m.group()[0] in "0123456789"
    if arabic:
        new = f"{scaled:.{q.decimals}f}"
    else:
        if q.decimals or abs(scaled - round(scaled)) > 1e-9 or not 0 < round(scaled) < 10000 or multiplier(q) > 1:
            return None
        new = int_to_cn(round(scaled))
        if new.startswith("十") and m.group().startswith("一十"):
            new = "一" + new
    start = m.start() + offset
    return q.text[:start] + new + q.text[start + len(m.group()):]


def substitute(text: str, q, value: float) -> str | None:
    """The document text with quantity `q` rewritten to `value`."""
    new = written(q, value)
    if new is None or new == q.text:
        return None
    return text[:q.start] + new + text[q.end:]


def round_up(value: float, unit: float) -> float:
    return math.ceil(value / unit - 1e-9) * unit


def document(text: str) -> Document:
    return Document.from_text(text)


def pick(rng: random.Random, *options):
    return rng.choice(options)


def cn(rng: random.Random, n: int, chinese_share: float = 0.3) -> str:
    """`n` in Arabic or (sometimes) Chinese numerals."""
    return int_to_cn(n) if 0 < n < 10000 and rng.random() < chinese_share else str(n)


def balanced(items: list[tuple[str, bool]], each: int = 130) -> list[tuple[str, bool]]:
    """`each` defective and `each` correct variants (fewer if the grammar made fewer), no duplicates."""
    seen, bad, good = set(), [], []
    for text, defective in items:
        if text in seen:
            continue
        seen.add(text)
        (bad if defective else good).append((text, defective))
    n = min(len(bad), len(good), each)
    return bad[:n] + good[:n]


def stated_percent(rng: random.Random, part: int, whole: int, defective: bool, max_shift: float) -> str:
    """part/whole as a report writes it (85%, 85.3%, 百分之85); when `defective`, moved by 2.5 to
    `max_shift` points (staying within 0–100), so its own counts contradict it."""
    actual = 100 * part / whole
    if defective:
        shift = rng.uniform(2.5, max_shift) * rng.choice([-1, 1])
        value = actual + shift if 0 < actual + shift <= 100 else actual - shift
    else:
        value = actual
    decimals = rng.choice([0, 1, 1, 2])
    shown = f"{value:.{decimals}f}"
    return f"百分之{shown}" if rng.random() < 0.08 and decimals == 0 else shown + "%"

