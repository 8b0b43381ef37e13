"""`vague_section`: a part made only of attitude phrases (高度重视, 多次强调 …) with no concrete
act, meeting, document or number. The part is found as `coverage` finds it (PartLocator)."""

from __future__ import annotations

from ..phrasescan import PhraseScanner
from . import Check, Hit, ParamError, register
from .coverage import PartLocator
from .phrases import find_all


@register("vague_section")
class VagueSection(Check):
    """Params: the PartLocator's, `vague` (attitude phrases), `concrete` (phrases that show an
    act: 召开, 听取, 出台, 《 …) and `concrete_pattern` (a regular expression for numbers and dates
    that show one: 6次, 9月19日). Any concrete sign keeps the rule silent."""

    args = ("phrases", "where")

    def __init__(self, params, fix=None):
        super().__init__(params, fix)
        self.locator = PartLocator.from_params(self)
        vague = self.string_list("vague")
        concrete = self.string_list("concrete", [])
        both = set(vague) & set(concrete)
        if both:
            raise ParamError("params.concrete", f"“{sorted(both)[0]}”同时列在 vague 中")
        self.is_vague = {p: True for p in vague} | {p: False for p in concrete}
        self.auto = PhraseScanner(self.is_vague)  # one pass finds both kinds
        self.number = self.regex("concrete_pattern", None)

    def check(self, doc):
        found = self.locator.locate(doc)
        if found is None:
            return
        vague: list[tuple[int, str]] = []
        for start, end in found.spans:
            text = doc.text[start:end]
            if self.number is not None and self.number.search(text):
                return
            for s, _, phrase in find_all(self.auto, text):
                if not self.is_vague[phrase]:
                    return
                vague.append((start + s, phrase))
        if not vague:
            return
        first = vague[0][0]
        sentence = next((s for s in doc.sentences if s.start <= first < s.end), None)
        start, end = (sentence.start, sentence.end) if sentence else found.pointer
        phrases = "”“".join(dict.fromkeys(p for _, p in vague))
        where = "" if found.dedicated else found.where()
        yield Hit(start, end, {"phrases": phrases, "where": where})
