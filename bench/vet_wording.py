"""Vet the `wording` misspellings: print every place a wrong form could fire on correct text.

    python bench/vet_wording.py [--candidates FILE] [--min-freq N]

A wrong form is matched as a bare substring (no word boundaries), so each one is checked for:

- word:      a correct, longer word of the word list that contains it (a wrong form inside a
             word that is itself the same misspelling, 台帐管理 for 台账管理, does not count);
- listed:    the wrong form is itself a common word of the list (年青, not only a typo);
- boundary:  the end of one common word and the start of the next (组建|全市 holds 建全), or a
             one-character word that stands before anything and a word (按|排名 holds 按排);
- text:      an occurrence in the bundled seeds or in ../shared/real (printed for judgement:
             there the right answer is known, a real misspelling or a clash).

The word list is jieba's dictionary (pip install jieba; a bench-only tool, not a dependency of
reportlint). Without jieba only the texts are checked. `--candidates` vets "wrong right" lines
before they go into lintrules/wording.yaml. Exit 0 always: this prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import defaultdict
from pathlib import Path

import ahocorasick
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDING = ROOT / "lintrules" / "wording.yaml"
TEXTS = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT.parent / "shared" / "real").glob("*.txt"))]
# Single characters that follow almost any word: a wrong form ending in one of them after a word's
# end (紧凑|和) is a boundary clash too.
FUNCTION_CHARS = set("和与及的地得是在了为对向把被将等并或也都就又而以于从到由之其")
# Single characters that stand before almost any word (按|排名 holds 按排, 既|使…又 holds 既使).
LEADING_CHARS = set("按把对在从以为被将向由于与和及是也都就又而并或各每本该其此这那既即凡共")


def swaps(candidates: Path | None) -> dict[str, str]:
    data = yaml.safe_load(WORDING.read_text(encoding="utf-8"))
    out = {}
    for rule in data["rules"]:
        if rule["kind"] == "substitution":
            out.update(rule["params"]["swap"])
    if candidates:
        for line in candidates.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#"):
                out.setdefault(parts[0], parts[1])
    return out


def word_list() -> dict[str, int] | None:
    try:
        import jieba
    except ImportError:
        return None
    path = Path(jieba.__file__).parent / "dict.txt"
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            words[parts[0]] = int(parts[1])
    return words


class Index:
    """Common words by prefix and by suffix (two sorted lists, searched by bisection)."""

    def __init__(self, words: dict[str, int], min_freq: int):
        common = [w for w, f in words.items() if f >= min_freq]
        self.forward = sorted(common)
        self.backward = sorted(w[::-1] for w in common)

    @staticmethod
    def _starting(items: list[str], prefix: str) -> list[str]:
        i = bisect.bisect_left(items, prefix)
        out = []
        while i < len(items) and items[i].startswith(prefix):
            out.append(items[i])
            i += 1
        return out

    def starting(self, prefix: str) -> list[str]:
        return self._starting(self.forward, prefix)

    def ending(self, suffix: str) -> list[str]:
        return [w[::-1] for w in self._starting(self.backward, suffix[::-1])]


def words_from(tail: str, index: Index, words: dict[str, int], min_freq: int) -> str | None:
    """How correct text could go on with `tail`: the most frequent word it begins, or common words of two
    or more characters followed by such a word (全体|系统 goes on with 全体系; "common": ten times the
    minimum frequency, since almost any string splits into rare words). None when it cannot."""
    after = [w for w in index.starting(tail) if len(w) >= 2 or w in FUNCTION_CHARS]
    if tail in FUNCTION_CHARS and tail not in after:
        after.append(tail)
    if after:
        return max(after, key=lambda w: words.get(w, 0))
    for k in range(2, len(tail)):
        if words.get(tail[:k], 0) >= 10 * min_freq:
            rest = words_from(tail[k:], index, words, min_freq)
            if rest:
                return f"{tail[:k]}+{rest}"
    return None


def boundary_clashes(wrong: str, index: Index, words: dict[str, int], min_freq: int = 20) -> list[str]:
    """组建|全市: a word that ends with the wrong form's head, a word that starts with its tail.
    One example per split point: the pair of most frequent words."""
    out = []
    for i in range(1, len(wrong)):
        head, tail = wrong[:i], wrong[i:]
        before = [w for w in index.ending(head) if len(w) > len(head)]
        if head in LEADING_CHARS:
            before.append(head)
        if not before:
            continue
        y = words_from(tail, index, words, min_freq)
        if y:
            x = max(before, key=lambda w: words.get(w, 0))
            out.append(f"{x}|{y}")
    return out


def word_clashes(swap: dict[str, str], words: dict[str, int], min_freq: int) -> dict[str, list[str]]:
    auto = ahocorasick.Automaton()
    for wrong in swap:
        auto.add_word(wrong, wrong)
    auto.make_automaton()
    out = defaultdict(list)
    for word, freq in words.items():
        if freq < min_freq:
            continue
        for _, wrong in auto.iter(word):
            if word != wrong and word.replace(wrong, swap[wrong]) not in words:
                out[wrong].append(word)
    return out


def text_hits(swap: dict[str, str]) -> dict[str, list[str]]:
    auto = ahocorasick.Automaton()
    for wrong in swap:
        auto.add_word(wrong, wrong)
    auto.make_automaton()
    out = defaultdict(list)
    for path in TEXTS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for end, wrong in auto.iter(line):
                start = end + 1 - len(wrong)
                out[wrong].append(f"{path.name}:{number}: …{line[max(0, start - 8):end + 9]}…")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=Path)
    parser.add_argument("--min-freq", type=int, default=20, help="words rarer than this in the list are ignored")
    parser.add_argument("--clean", type=Path, help="write the pairs with no clash to this file")
    args = parser.parse_args()
    swap = swaps(args.candidates)
    words = word_list()
    if words is None:
        print("jieba 未安装：只检查样稿和真实报告（pip install jieba 后可对照词表）", file=sys.stderr)
    texts = text_hits(swap)
    inside = word_clashes(swap, words, args.min_freq) if words else {}
    index = Index(words, args.min_freq) if words else None
    clean, clashing = {}, 0
    for wrong, right in swap.items():
        problems = [f"word: {w}" for w in inside.get(wrong, [])[:5]]
        if words and words.get(wrong, 0) >= 50 and not words.get(right):
            problems.append(f"listed: “{wrong}”在词表中（频次 {words[wrong]}）")
        elif words and words.get(wrong, 0) >= 50:
            problems.append(f"listed: “{wrong}”在词表中（频次 {words[wrong]}，“{right}” {words[right]}）")
        if index:
            problems += [f"boundary: {b}" for b in boundary_clashes(wrong, index, words, args.min_freq)]
        problems += [f"text: {t}" for t in texts.get(wrong, [])[:5]]
        if problems:
            clashing += 1
            print(f"{wrong} → {right}")
            for p in problems:
                print(f"    {p}")
        else:
            clean[wrong] = right
    print(f"\n{len(swap)} pairs, {clashing} with a possible clash, {len(clean)} clean"
          f" (word list: {'jieba ' + str(len(words)) + ' words' if words else 'none'},"
          f" min freq {args.min_freq}; texts: {len(TEXTS)})")
    if args.clean:
        args.clean.write_text("".join(f"{w} {r}\n" for w, r in clean.items()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
