"""Accuracy by defect injection and by a phrasing grammar, per kind of statement.

    .venv/bin/python bench/accuracy.py            # the table
    .venv/bin/python bench/accuracy.py --show     # and every miss and false finding
    .venv/bin/python bench/accuracy.py --kind parts_sum --no-real

Each kind is a plug-in module `bench/accuracy_*.py` exposing
    NAME: str; RULES: tuple[str, ...]
    grammar(rng) -> [(text, is_defective)]          (>= 200, about half each)
    inject(text) -> [(mutated_text, description)]   (one contradiction per recognised statement)
(a module without NAME is a helper, not a kind). Corpus for injection: the bundled seeds and, when
present, the real reports in ../shared/real/*.txt (read there, never copied).
Detection: the mutated text draws a finding of one of RULES (rule, line, message) that the original
does not draw. False alarms: RULES findings on the untouched originals. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
REAL = ROOT.parent / "shared" / "real"
sys.path.insert(0, str(BENCH))

from reportlint.document import Document  # noqa: E402
from reportlint.engine import load_rules, run  # noqa: E402
from reportlint.load import load  # noqa: E402


def plugins(only: list[str] | None) -> list:
    found = []
    for path in sorted(BENCH.glob("accuracy_*.py")):
        module = importlib.import_module(path.stem)
        if hasattr(module, "NAME") and (not only or module.NAME in only):
            found.append(module)
    return found


def corpus(real: bool) -> list[tuple[str, str]]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    if real:
        if REAL.is_dir():
            files += sorted(REAL.glob("*.txt"))
        else:
            print(f"注意：未找到 {REAL}，只用 seeds/ 做缺陷注入（真实报告已跳过）", file=sys.stderr)
    return [(p.name, "\n".join(load(str(p)).lines)) for p in files]


def keys(text: str, rules) -> set[tuple[str, int, str]]:
    return {(f.rule, f.line, f.message) for f in run(Document.from_text(text), rules)}


def measure(module, rules, docs, rng, show: bool) -> dict:
    mine = [r for r in rules if r.id in module.RULES]
    row = {"kind": module.NAME, "statements": 0, "found": 0, "false": 0, "g_bad": 0, "g_found": 0,
           "g_good": 0, "g_false": 0}
    misses = []
    for name, text in docs:
        original = keys(text, mine)
        row["false"] += len(original)
        misses += [f"  误报 {name}:{line} [{rule}] {message}" for rule, line, message in sorted(original)]
        for mutated, what in module.inject(text):
            row["statements"] += 1
            if keys(mutated, mine) - original:
                row["found"] += 1
            else:
                misses.append(f"  漏检 {name}: {what}")
    for text, defective in module.grammar(rng):
        hit = bool(keys(text, mine))
        if defective:
            row["g_bad"] += 1
            row["g_found"] += hit
            if not hit:
                misses.append(f"  漏检 语法: {text}")
        else:
            row["g_good"] += 1
            row["g_false"] += hit
            if hit:
                misses.append(f"  误报 语法: {text}")
    if show and misses:
        print(f"== {module.NAME}")
        print("\n".join(misses))
    return row


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "—"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses and false findings")
    parser.add_argument("--kind", action="append", help="only this kind (repeatable)")
    parser.add_argument("--no-real", action="store_true", help="seeds only")
    parser.add_argument("--seed", type=int, default=10, help="random seed of the grammar")
    args = parser.parse_args(argv)
    rules = load_rules().rules
    docs = corpus(not args.no_real)
    rows = [measure(m, rules, docs, random.Random(args.seed), args.show) for m in plugins(args.kind)]
    print(f"documents: {len(docs)}")
    print("| kind | statements | injected found | recall | findings on untouched originals "
          "| grammar defective found | grammar recall | grammar false findings |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['kind']} | {r['statements']} | {r['found']} | {pct(r['found'], r['statements'])} "
              f"| {r['false']} | {r['g_found']}/{r['g_bad']} | {pct(r['g_found'], r['g_bad'])} "
              f"| {r['g_false']}/{r['g_good']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
