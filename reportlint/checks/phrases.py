"""`phrases`: many literal phrases found in one Aho-Corasick pass (pyahocorasick)."""

from __future__ import annotations

import ahocorasick

from . import Check, Hit, register


def automaton(phrases) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for phrase in phrases:
        auto.add_word(phrase, phrase)
    auto.make_automaton()
    return auto


def find_all(auto: ahocorasick.Automaton, text: str):
    """(start, end, phrase) of every match, longest first where matches overlap."""
    found = sorted(((end + 1 - len(p), end + 1, p) for end, p in auto.iter(text)),
                   key=lambda t: (t[0], -t[1]))
    last_end = -1
    for start, end, phrase in found:
        if start >= last_end:
            yield start, end, phrase
            last_end = end


@register("phrases")
class Phrases(Check):
    args = ("phrase",)
    fixes = True  # `fix` replaces the phrase ("" deletes it), or delete-line removes its line

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.phrases = self.string_list("phrases")
        self.auto = automaton(self.phrases)

    def check(self, doc):
        for start, end, phrase in find_all(self.auto, doc.text):
            yield Hit(start, end, {"phrase": phrase}, self.edits(doc, start, end))
