"""Every shipped rule tests itself: each bad example must fire it, each good one must not.

The examples run with every shipped rule, as a draft does: what a rule sees and reports
may depend on the others (inline suppression, for one)."""

from __future__ import annotations

import pytest

from reportlint.engine import example_findings, load_rules

RULES = load_rules().rules
CASES = [(rule, verdict, i, text)
         for rule in RULES
         for verdict, examples in (("bad", rule.bad), ("good", rule.good))
         for i, text in enumerate(examples)]


def test_every_pack_has_rules():
    packs = {rule.id.split("/")[0] for rule in RULES}
    assert "hygiene" in packs
    assert len(RULES) >= 10


@pytest.mark.parametrize(("rule", "verdict", "index", "text"), CASES,
                         ids=[f"{r.id}:{v}{i}" for r, v, i, _ in CASES])
def test_example(rule, verdict, index, text):
    findings = example_findings(rule, text, RULES)
    if verdict == "bad":
        assert findings, f"{rule.id} should fire on bad example {index}: {text!r}"
    else:
        assert not findings, f"{rule.id} fired on good example {index}: {[f.message for f in findings]}"
