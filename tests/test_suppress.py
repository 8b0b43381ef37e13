"""Inline suppression end to end: disable/enable ranges, next-line, and stale directives."""

from __future__ import annotations


def check(cli, tmp_path, text, *args):
    draft = tmp_path / "d.md"
    draft.write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "hygiene,meta", *args, draft)
    return [(f["rule"], f["line"]) for f in run.json()["findings"]]


def test_disable_enable_range_and_next_line(cli, tmp_path):
    text = ("具体数据待补充。\n"
            "<!-- reportlint-disable hygiene/placeholder -->\n"
            "具体数据待补充。\n"
            "数据待定。\n"
            "<!-- reportlint-enable -->\n"
            "具体数据待补充。\n"
            "<!-- reportlint-disable-next-line hygiene/placeholder-x -->\n"
            "\n"
            "全年办理案件XX起。\n"
            "全年受理行政案件XX起。\n")
    assert check(cli, tmp_path, text) == [
        ("hygiene/placeholder", 1), ("hygiene/placeholder", 6), ("hygiene/placeholder-x", 10)]


def test_a_directive_that_suppresses_nothing_is_reported(cli, tmp_path):
    text = ("<!-- reportlint-disable-next-line hygiene/placeholder, hygiene/doubled-char -->\n"
            "具体数据待补充。\n")
    assert check(cli, tmp_path, text) == [("meta/unused-suppression", 1)]
    # …but not for a rule that is not running: nobody can tell whether it would be used
    assert check(cli, tmp_path, text, "--ignore", "hygiene/doubled-char") == []


def test_pack_prefix_and_bare_directive(cli, tmp_path):
    text = "<!-- reportlint-disable hygiene -->\n满意率97%%，数据待补充。\n"
    assert check(cli, tmp_path, text) == []
    text = "<!-- reportlint-disable-next-line -->\n满意率97%%。\n满意率97%%。\n"
    assert check(cli, tmp_path, text) == [("hygiene/doubled-symbol", 3)]


def test_a_misspelled_rule_id_in_a_directive_is_reported(cli, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("<!-- reportlint-disable-next-line hygiene/placeholdr -->\n具体数据待补充。\n", encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "hygiene,meta", draft)
    found = {(f["rule"], f["line"]): f["message"] for f in run.json()["findings"]}
    assert "hygiene/placeholder" in {rule for rule, _ in found}  # not suppressed
    assert "不是已知的规则编号" in found[("meta/unused-suppression", 1)]


def test_enable_closes_what_it_covers_and_a_stray_enable_is_reported(cli, tmp_path):
    text = ("<!-- reportlint-disable hygiene/doubled-char -->\n我局的的工作。\n<!-- reportlint-enable hygiene -->\n"
            "我局的的工作安排。\n<!-- reportlint-enable hygiene/placeholder -->\n")
    assert check(cli, tmp_path, text) == [("hygiene/doubled-char", 4), ("meta/unused-suppression", 5)]


def test_fix_does_not_touch_suppressed_lines(cli, tmp_path):
    draft = tmp_path / "d.md"
    text = ("我局,工作:完成。\n<!-- reportlint-disable hygiene -->\n代码示例,保留:原样。\n"
            "<!-- reportlint-enable -->\n")
    draft.write_text(text, encoding="utf-8")
    cli("check", "--select", "hygiene", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == text.replace("我局,工作:完成", "我局，工作：完成")
