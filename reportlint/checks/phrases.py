"""`phrases`: many literal phrases found in one Aho-Corasick pass (phrasescan.py).

Every `phrases` rule of a run registers its list in one shared index: the automaton is
built once (when the first document is scanned) and each document is scanned once for all
of them; each rule then keeps the matches of its own phrases."""

from __future__ import annotations

from ..phrasescan import PhraseScanner
from . import Check, Hit, register


def longest_first(found):
    """Of overlapping (start, end, phrase) matches keep the longest, left to right."""
    last_end = -1
    for start, end, phrase in sorted(found, key=lambda t: (t[0], -t[1])):
        if start >= last_end:
            yield start, end, phrase
            last_end = end


def find_all(auto: PhraseScanner, text: str):
    """(start, end, phrase) of every match, longest first where matches overlap."""
    return longest_first(auto.iter(text))


class PhraseIndex:
    """One automaton over the phrases of many rules; one scan of a document serves them all."""

    def __init__(self):
        self.phrases: set[str] = set()
        self.auto: PhraseScanner | None = None
        self.version = 0

    def add(self, phrases) -> None:
        new = set(phrases) - self.phrases
        if new:
            self.phrases |= new
            self.auto = None  # rebuilt at the next scan
            self.version += 1  # scans cached before this addition are stale

    def scan(self, doc) -> list[tuple[int, int, str]]:
        if self.auto is None:
            self.auto = PhraseScanner(self.phrases)
        return doc.memo((self, self.version), lambda: list(self.auto.iter(doc.text)))

    def find(self, doc, own) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of the phrases in `own` (a rule's set), longest where they overlap."""
        return list(longest_first(m for m in self.scan(doc) if m[2] in own))


SHARED = PhraseIndex()


class SharesPhrases:
    """A check whose phrases are found through SHARED: they are registered when it is built, and
    again when it is unpickled from the plan cache (plancache.py), which does not run __init__."""

    shared: frozenset = frozenset()

    def share(self, phrases) -> None:
        self.shared = frozenset(phrases)
        SHARED.add(self.shared)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        SHARED.add(self.shared)


@register("phrases")
class Phrases(SharesPhrases, Check):
    args = ("phrase",)
    fixes = True  # `fix` replaces the phrase ("" deletes it), or delete-line removes its line

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.phrases = frozenset(self.string_list("phrases"))
        self.share(self.phrases)

    def check(self, doc):
        for start, end, phrase in SHARED.find(doc, self.phrases):
            yield Hit(start, end, {"phrase": phrase}, self.edits(doc, start, end))
