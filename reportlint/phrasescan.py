"""Many literal phrases found in one pass (Aho-Corasick, pyahocorasick), in character offsets.

The automaton runs over the text's UTF-8 bytes, read as Latin-1 characters, not over the
characters themselves. pyahocorasick looks a node's children up one by one, and over Chinese
characters a node can have hundreds (the root has one for each first character of 760 phrases);
over bytes it has at most 256, mostly a handful. That makes a scan about five times faster.
UTF-8 is self-synchronising, so the bytes of a phrase match only at character boundaries, and
the byte offsets of the matches turn back into character offsets in one pass.
"""

from __future__ import annotations

import ahocorasick


def as_bytes(text: str) -> str:
    """`text`'s UTF-8 bytes as a str of code points 0–255 (what pyahocorasick can scan)."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


class PhraseScanner:
    def __init__(self, phrases):
        self.auto = ahocorasick.Automaton()
        for phrase in phrases:
            self.auto.add_word(as_bytes(phrase), phrase)
        self.auto.make_automaton()

    def iter(self, text: str):
        """(start, end, phrase) of every match, in character offsets, in the order of their ends
        (where several end together, the longest first)."""
        if not len(self.auto):
            return
        data = as_bytes(text)
        byte = char = 0
        for last, phrase in self.auto.iter(data):
            end = last + 1
            if end > byte:  # characters up to the end of this match: the bytes since the last one, decoded
                char += len(data[byte:end].encode("latin-1").decode("utf-8", "surrogatepass"))
                byte = end
            yield char - len(phrase), char, phrase
