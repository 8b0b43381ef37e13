"""`reportlint kinds`: every kind and every parameter it reads is documented, and the minimal rule
shown for each kind is a valid rule whose examples pass."""

from __future__ import annotations

import yaml

from reportlint.engine import load_rules
from reportlint.kinds import COMMON, KINDS, declared, kind_names

RULES = load_rules().rules


def test_every_parameter_a_kind_reads_is_documented_and_nothing_else():
    table = declared(RULES)
    assert set(kind_names()) == set(KINDS)
    for name in kind_names():
        reads = set().union(*(r.check.params.read for r in RULES if r.kind == name))
        recorded = set(table.get(name, {}))
        # a key read past the helpers (params["x"]) would have no type or default to show
        assert reads <= recorded, (name, reads - recorded)
        documented = set(KINDS[name][1]) | (recorded & set(COMMON))
        assert recorded == documented, (name, "undocumented", recorded - documented, "stale", documented - recorded)


def test_kinds_lists_every_kind_with_its_parameters_types_and_defaults(cli):
    run = cli("kinds")
    assert run.code == 0
    for name in kind_names():
        assert f"{name}：{KINDS[name][0]}" in run.out
    assert "  min_length（整数，默认 10）：" in run.out  # repeated_line
    assert "  phrases（字符串列表，必填）：" in run.out
    assert "  op（取值之一：<= | < | >= | > | ==，默认 <=）：" in run.out
    unknown = cli("kinds", "spelling")
    assert unknown.code == 2 and "未知的检查类型" in unknown.err and "phrases" in unknown.err


def test_the_minimal_rule_of_every_kind_is_valid_and_passes_its_examples(cli, tmp_path):
    rules = []
    for name in kind_names():
        run = cli("kinds", name)
        assert run.code == 0 and "最小规则：" in run.out
        block = run.out.split("最小规则：\n", 1)[1]
        rule = yaml.safe_load("\n".join(line[2:] for line in block.splitlines()))[0]
        assert rule["kind"] == name
        rules.append(rule)
    pack = tmp_path / "minimal.yaml"
    pack.write_text(yaml.safe_dump({"rules": rules}, allow_unicode=True), encoding="utf-8")
    run = cli("rules", "--test", "--rules", pack)
    assert run.code == 0, run.out
    assert f"{len(RULES) + len(rules)} 条规则" in run.out
