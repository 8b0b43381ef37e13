"""The phrase scanner runs over UTF-8 bytes: its matches must be every occurrence, in character
offsets, whatever the mix of one-, two-, three- and four-byte characters before them."""

from __future__ import annotations

import random

from conftest import SEEDS

from reportlint.phrasescan import PhraseScanner


def every_occurrence(phrases, text: str) -> set[tuple[int, int, str]]:
    out = set()
    for phrase in phrases:
        i = text.find(phrase)
        while i >= 0:
            out.add((i, i + len(phrase), phrase))
            i = text.find(phrase, i + 1)
    return out


def test_matches_are_every_occurrence_in_character_offsets():
    phrases = ["(略)", "台帐", "政府法制办", "政府法制办公室", "法制", "é", "𠮷野家", "a"]
    text = "a𠮷野家é（略）(略)政府法制办公室\n台帐台帐政府法制办，café 𠮷野家\ud800台帐"
    found = list(PhraseScanner(phrases).iter(text))
    assert set(found) == every_occurrence(phrases, text)
    assert all(text[s:e] == p for s, e, p in found)
    assert [e for _, e, _ in found] == sorted(e for _, e, _ in found)  # in the order of their ends


def test_of_phrases_ending_together_the_longest_comes_first():
    found = list(PhraseScanner(["政府法制办公室", "办公室", "公室"]).iter("区政府法制办公室"))
    assert found == [(1, 8, "政府法制办公室"), (5, 8, "办公室"), (6, 8, "公室")]


def test_a_seed_with_phrases_planted_at_random_places():
    rng = random.Random(4)
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    phrases = sorted({text[i:i + rng.randint(2, 6)] for i in rng.sample(range(len(text) - 6), 60)} - {""})
    found = list(PhraseScanner(phrases).iter(text))
    assert set(found) == every_occurrence(phrases, text) and len(found) >= 60


def test_no_phrases_and_no_text_find_nothing():
    assert list(PhraseScanner([]).iter("任何文字")) == []
    assert list(PhraseScanner(["台帐"]).iter("")) == []
