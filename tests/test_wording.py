"""The `substitution` kind and the `wording` pack: wrong word forms, the right form, --fix."""

from __future__ import annotations

import pytest
from conftest import ROOT, seed

from reportlint.checks import ParamError
from reportlint.checks.phrases import Phrases
from reportlint.checks.substitution import Substitution
from reportlint.document import Document
from reportlint.engine import load_rules, run
from reportlint.errors import RuleError

PACK = ROOT / "lintrules" / "wording.yaml"
RULES = load_rules([str(PACK)], defaults=False).rules
MISSPELLING = next(r for r in RULES if r.id == "wording/misspelling")


def findings(text: str):
    return run(Document.from_text(text), RULES)


def test_finding_names_the_wrong_form_and_the_right_one_on_seed_text():
    text = "有的民警疏于学习，个别民警顶风违纪、循私枉法。\n对涉及取保候审的案件全面清台帐、查案卷。\n"
    found = findings(text)
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 19, 23), (2, 14, 16)]
    assert [f.message for f in found] == ["“循私枉法”应为“徇私枉法”", "“台帐”应为“台账”"]
    assert [f.edits for f in found] == [((18, 22, "徇私枉法"),), ((37, 39, "台账"),)]
    assert text[18:22] == "循私枉法" and text[37:39] == "台帐"


def test_overlapping_wrong_forms_give_one_finding_for_the_longest():
    check = Substitution({"swap": {"台帐": "台账", "基础台帐": "基础台账"}}, "replace")
    doc = Document.from_text("基础台帐网上管理，清理台帐。")
    hits = list(check.check(doc))
    assert [(h.start, h.end, h.args["phrase"]) for h in hits] == [(0, 4, "基础台帐"), (11, 13, "台帐")]


def test_phrases_of_other_rules_in_the_shared_index_are_not_reported():
    Phrases({"phrases": ["网上管理"]})
    check = Substitution({"swap": {"台帐": "台账"}})
    hits = list(check.check(Document.from_text("基础台帐网上管理。")))
    assert [h.args for h in hits] == [{"phrase": "台帐", "replacement": "台账"}]
    assert hits[0].edits == []  # no `fix`: the finding carries no edit


def test_no_finding_on_the_correct_forms_nor_on_the_words_around_dropped_entries():
    text = ("组建全市执法办案管理中心，创建全国示范单位；预防犯罪，打防并举。截至目前，冻结账户12个，建立台账。"
            "民警在本报发布署名文章，为灾区搭建帐篷，攻坚苦干，三月份内整改，数据平台多重迭代。")
    assert findings(text) == []


def test_every_entry_fires_and_its_replacement_is_clean():
    swap = MISSPELLING.params["swap"]
    for wrong, right in swap.items():
        assert [f.message for f in findings(f"工作中{wrong}。")] == [f"“{wrong}”应为“{right}”"], wrong
        assert findings(f"工作中{right}。") == [], right  # so --fix settles in one pass


def test_fix_on_seed_004_corrects_the_two_words_and_nothing_else(cli, tmp_path):
    original = seed("004").read_text(encoding="utf-8")
    assert original.count("台帐") == 2 and original.count("循私枉法") == 1
    draft = tmp_path / "004.txt"
    draft.write_bytes(seed("004").read_bytes())
    run_ = cli("check", "--select", "wording", "--fix", draft)
    assert run_.code == 0, run_.out
    fixed = draft.read_bytes()
    assert fixed == original.replace("台帐", "台账").replace("循私枉法", "徇私枉法").encode("utf-8")
    again = cli("check", "--select", "wording", "--fix", draft)
    assert again.code == 0 and draft.read_bytes() == fixed


def test_seed_001_misspells_jianquan_in_a_collocation(cli):
    run_ = cli("check", "--select", "wording", "--format", "json", seed("001"))
    assert [(f["line"], f["message"]) for f in run_.json()["findings"]] == [(20, "“建全执法”应为“健全执法”")]


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_no_finding_on_the_other_seeds(cli, prefix):
    run_ = cli("check", "--select", "wording", "--format", "json", seed(prefix))
    assert run_.code == 0 and run_.json()["findings"] == []


def test_seed_004_findings_through_the_cli(cli):
    run_ = cli("check", "--select", "wording", "--format", "json", seed("004"))
    assert run_.code == 1
    assert [(f["line"], f["message"]) for f in run_.json()["findings"]] == [
        (15, "“台帐”应为“台账”"), (17, "“台帐”应为“台账”"), (18, "“循私枉法”应为“徇私枉法”")]


@pytest.mark.parametrize(("params", "fix", "field"), [
    ({}, None, "params.swap"),
    ({"swap": ["台帐", "台账"]}, None, "params.swap"),
    ({"swap": {}}, None, "params.swap"),
    ({"swap": {"台帐": ""}}, None, "params.swap.台帐"),
    ({"swap": {"台帐": 1}}, None, "params.swap.台帐"),
    ({"swap": {"台帐": "台帐"}}, None, "params.swap.台帐"),
    ({"swap": {"": "台账"}}, None, "params.swap."),
    ({"swap": {"台帐": "台账"}}, "delete-line", "fix"),
    ({"swap": {"台帐": "台账"}}, "台账", "fix"),
])
def test_bad_params_are_rejected_naming_the_field(params, fix, field):
    with pytest.raises(ParamError) as error:
        Substitution(params, fix)
    assert error.value.field == field


def test_a_bad_entry_in_a_pack_names_file_rule_and_field(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: mine/words\n    kind: substitution\n    severity: warning\n"
        "    message: “{phrase}”应为“{replacement}”\n    why: 依《现代汉语词典》。\n"
        "    params: {swap: {台帐: 台账, 帐户: null}}\n"
        "    examples: {bad: [台帐], good: [台账]}\n", encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules([str(pack)], defaults=False)
    assert (error.value.rule, error.value.field) == ("mine/words", "params.swap.帐户")


REAL = ROOT.parent / "shared" / "real"


def test_the_pack_holds_at_least_500_misspellings_each_with_one_right_form():
    swap = MISSPELLING.params["swap"]
    assert len(swap) >= 500
    assert not {w for w in swap if any(w != o and w in swap[o] for o in swap)}  # no wrong form inside a right one


def test_near_misses_around_two_character_misspellings_stay_silent():
    text = ("按排名先后确定示范单位，按排量征收。创建全国文明城市，构建全方位防控体系，组建全市执法中心。"
            "民警拼搏得来的成绩；对不堪查阅的旧卷宗重新装订；专辑毒品案例汇编。"
            "坚韧不拔打造铁军；一部份额分配方案；依法扣押车辆，追缴赃款，侦查终结后移送起诉。")
    assert findings(text) == []


def test_collocations_of_two_character_misspellings_fire():
    text = "统筹按排警力，建立建全台帐，立案侦察，辑毒民警，现场堪验。"
    assert [f.message for f in findings(text)] == [
        "“统筹按排”应为“统筹安排”", "“建立建全”应为“建立健全”", "“台帐”应为“台账”", "“立案侦察”应为“立案侦查”",
        "“辑毒民警”应为“缉毒民警”", "“现场堪验”应为“现场勘验”"]


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not present")
def test_no_finding_on_the_real_reports(cli):
    run_ = cli("check", "--select", "wording", "--format", "json", REAL)
    assert run_.json()["findings"] == []


def test_the_vet_script_finds_the_boundary_clash_it_is_meant_to_find():
    pytest.importorskip("jieba")
    import importlib.util

    spec = importlib.util.spec_from_file_location("vet_wording", ROOT / "bench" / "vet_wording.py")
    vet = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vet)
    words = vet.word_list()
    index = vet.Index(words, 20)
    assert any(c.endswith("|全市") or c.endswith("|全国") for c in vet.boundary_clashes("建全", index, words))
    assert any(c.startswith("按|排") for c in vet.boundary_clashes("按排", index, words))  # 按|排名: a preposition
    assert vet.boundary_clashes("建立建全", index, words) == []
    assert vet.boundary_clashes("工作按排", index, words) == []
