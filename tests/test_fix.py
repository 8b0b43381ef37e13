"""--fix and --diff: mechanical fixes only, encoding and line endings kept, idempotent."""

from __future__ import annotations

from conftest import seed


def test_fix_on_seed_002_removes_the_double_percent_and_nothing_else(cli, tmp_path):
    original = seed("002").read_bytes()
    draft = tmp_path / "002.txt"
    draft.write_bytes(original)
    run = cli("check", "--select", "hygiene/doubled-symbol", "--fix", draft)
    assert run.code == 0, run.out
    fixed = draft.read_bytes()
    assert fixed == original.replace(b"69.93%%", b"69.93%")
    again = cli("check", "--select", "hygiene/doubled-symbol", "--fix", draft)
    assert again.code == 0 and draft.read_bytes() == fixed


def test_full_fix_is_idempotent_and_keeps_meaning(cli, tmp_path):
    draft = tmp_path / "004.txt"
    draft.write_bytes(seed("004").read_bytes())
    cli("check", "--fix", draft)
    once = draft.read_text(encoding="utf-8")
    cli("check", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == once
    assert "存在的模糊认识" in once and "存在的的" not in once
    assert "浏览次数" not in once and "关闭窗口" not in once and "本篇文章共有" not in once
    assert "坚持统一领导,精心组织" not in once and "坚持统一领导，精心组织" in once
    # every Chinese character of the body is still there, in order
    body = seed("004").read_text(encoding="utf-8").split("\n")[9:24]
    for line in body:
        assert line.replace(",", "，").replace("的的", "的").replace(":", "：").replace(";", "；")[:40] in once


def test_fix_keeps_gb18030_and_crlf(cli, tmp_path):
    draft = tmp_path / "gb.txt"
    draft.write_bytes("关于情况的的汇报\r\n满意率97%%。\r\n".encode("gb18030"))
    cli("check", "--fix", draft)
    assert draft.read_bytes() == "关于情况的汇报\r\n满意率97%。\r\n".encode("gb18030")


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("满意率97%%。\n", encoding="utf-8")
    run = cli("check", "--diff", draft)
    assert run.code == 1
    assert f"--- a/{str(draft).lstrip('/')}" in run.out and "-满意率97%%。" in run.out and "+满意率97%。" in run.out
    assert draft.read_text(encoding="utf-8") == "满意率97%%。\n"
    draft.write_text("满意率97%。\n", encoding="utf-8")
    assert cli("check", "--diff", draft).code == 0


def test_debris_line_is_removed_but_report_text_never_is(cli, tmp_path):
    draft = tmp_path / "d.txt"
    text = ("关于执法规范化建设情况的汇报\n关闭窗口\n专栏浏览次数达12万次。\n推行“关闭窗口”式服务改革\n"
            "本篇文章共有1页 当前为第1")
    draft.write_text(text, encoding="utf-8")
    cli("check", "--select", "hygiene/web-debris", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == ("关于执法规范化建设情况的汇报\n专栏浏览次数达12万次。\n"
                                                 "推行“关闭窗口”式服务改革")


def test_statistics_counts_per_rule(cli):
    run = cli("check", "--statistics", "--select", "hygiene/placeholder", seed("003"))
    assert run.code == 1
    assert run.out.splitlines()[0].split() == ["3", "error", "hygiene/placeholder"]
    run = cli("check", "--statistics", "--format", "json", "--select", "hygiene/placeholder", seed("003"))
    assert run.json()["statistics"] == [{"rule": "hygiene/placeholder", "severity": "error", "count": 3}]
    assert cli("check", "--statistics", "--format", "sarif", seed("003")).code == 2


def test_fix_and_diff_together_is_a_usage_error(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("满意率97%%。\n", encoding="utf-8")
    assert cli("check", "--fix", "--diff", draft).code == 2
    assert draft.read_text(encoding="utf-8") == "满意率97%%。\n"


def test_fixing_half_width_parentheses_keeps_every_pair_balanced(cli, tmp_path):
    draft = tmp_path / "003.txt"
    draft.write_bytes(seed("003").read_bytes())
    cli("check", "--select", "hygiene/halfwidth-punctuation-document", "--fix", draft)
    fixed = draft.read_text(encoding="utf-8")
    assert "》（以下简称《裁量指导意见》）" in fixed and "(" not in fixed.split("\n", 1)[1]
    run = cli("check", "--format", "json", "--select", "hygiene/unbalanced-pairs", draft)
    assert run.json()["findings"] == []


def test_diff_of_a_last_line_without_line_break_is_a_valid_patch(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("标题\n我局的的工作。\n最后一行的的", encoding="utf-8")
    out = cli("check", "--diff", draft).out
    assert out.endswith("-最后一行的的\n\\ No newline at end of file\n+我局的工作。\n"
                        "+最后一行的\n\\ No newline at end of file\n")


def test_fix_keeps_utf16_byte_order_and_bom(cli, tmp_path):
    for codec, bom in (("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"\xff\xfe")):
        draft = tmp_path / f"{codec}.txt"
        draft.write_bytes(bom + "我局的的工作。\n".encode(codec))
        cli("check", "--fix", draft)
        assert draft.read_bytes() == bom + "我局的工作。\n".encode(codec)


def test_fix_never_leaves_an_empty_draft(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关闭窗口\n", encoding="utf-8")
    run = cli("check", "--fix", "--select", "hygiene", draft)
    assert draft.read_text(encoding="utf-8") == "关闭窗口\n" and "未修改" in run.err
