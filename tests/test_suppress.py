"""Inline suppression end to end: disable/enable ranges, next-line, and stale directives."""

from __future__ import annotations

import pytest


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
    # a bare directive still suppresses, and is reported with the rules to name instead
    assert check(cli, tmp_path, text) == [("meta/blanket-suppression", 1), ("hygiene/doubled-symbol", 3)]


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


def messages(cli, tmp_path, text, *args):
    draft = tmp_path / "d.md"
    draft.write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "hygiene,meta", *args, draft)
    return {(f["rule"], f["line"]): f["message"] for f in run.json()["findings"]}


def test_a_bare_directive_says_which_rules_to_name(cli, tmp_path):
    text = "<!-- reportlint-disable -->\n满意率97%%，数据待补充。\n<!-- reportlint-enable -->\n"
    found = messages(cli, tmp_path, text)
    assert set(found) == {("meta/blanket-suppression", 1)}
    assert found[("meta/blanket-suppression", 1)].endswith("此处为：hygiene/doubled-symbol、hygiene/placeholder")
    assert messages(cli, tmp_path, "<!-- reportlint-disable-next-line -->\n满意率97%%。\n",
                    "--ignore", "meta/blanket-suppression") == {}


@pytest.mark.parametrize(("directive", "says"), [
    ("reportlint-disabel-next-line hygiene/placeholder", "请改为“reportlint-disable-next-line 规则编号”"),
    ("reportlint-disable-line hygiene/placeholder", "写在问题所在行的上一行"),
    ("reportlint_disable hygiene/placeholder", "reportlint-disable"),
    ("reportlint-disable-nextline hygiene/placeholder", "reportlint-disable-next-line"),
])
def test_a_misspelled_directive_is_reported_and_suppresses_nothing(cli, tmp_path, directive, says):
    found = messages(cli, tmp_path, f"<!-- {directive} -->\n具体数据待补充。\n")
    assert set(found) == {("meta/misspelled-directive", 1), ("hygiene/placeholder", 2)}
    message = found[("meta/misspelled-directive", 1)]
    assert directive in message and says in message


def test_an_html_comment_that_only_mentions_reportlint_is_not_a_directive(cli, tmp_path):
    assert messages(cli, tmp_path, "<!-- reportlint 检查结果另附 -->\n全年办理案件1211起。\n") == {}


def test_directive_lines_are_never_findings_of_other_rules(cli, tmp_path):
    directive = "<!-- reportlint-disable-next-line hygiene/placeholder -->"
    text = f"{directive}\n具体数据待补充。\n\n{directive}\n下一步数据待补充。\n"
    assert messages(cli, tmp_path, text) == {}  # the second directive is no repeated line
    stacked = ("<!-- reportlint-disable-next-line hygiene/placeholder -->\n"
               "<!-- reportlint-disable-next-line hygiene/doubled-symbol -->\n满意率97%%，数据待补充。\n")
    assert messages(cli, tmp_path, stacked) == {}  # next line: the next line of text


def word_draft(path, paragraphs, notes):
    """A .docx of `paragraphs`; `notes` is [(first, last, text)]: a Word comment anchored to the
    runs of paragraphs first..last (1-based), as a drafter adds one with 审阅 > 新建批注."""
    import docx

    document = docx.Document()
    added = [document.add_paragraph(text) for text in paragraphs]
    for first, last, text in notes:
        runs = [added[first - 1].runs[0], added[last - 1].runs[-1]]
        document.add_comment(runs, text=text, author="起草人")
    document.save(path)


def test_a_word_comment_suppresses_the_rule_on_the_paragraphs_it_covers(cli, tmp_path):
    paragraphs = ["一、基本数据", "全年办理案件XX起，具体数据待补充。", "满意率97%%。", "下一步数据待补充。"]
    draft = tmp_path / "d.docx"
    word_draft(draft, paragraphs, [(2, 3, "reportlint-disable hygiene/placeholder 数据待统计局反馈")])
    run = cli("check", "--format", "json", "--select", "hygiene,meta", draft)
    assert sorted((f["rule"], f["line"]) for f in run.json()["findings"]) == [
        ("hygiene/doubled-symbol", 3), ("hygiene/placeholder", 4), ("hygiene/placeholder-x", 2)]


def test_a_stale_or_misspelled_word_comment_is_reported(cli, tmp_path):
    draft = tmp_path / "d.docx"
    word_draft(draft, ["一、基本数据", "全年办理案件1211起。", "具体数据待补充。"],
               [(2, 2, "reportlint-disable hygiene/placeholder"), (3, 3, "reportlint-disabel hygiene/placeholder"),
                (1, 1, "请核对标题")])
    run = cli("check", "--format", "json", "--select", "hygiene,meta", draft)
    found = {(f["rule"], f["line"]): f["message"] for f in run.json()["findings"]}
    assert set(found) == {("meta/unused-suppression", 2), ("meta/misspelled-directive", 3), ("hygiene/placeholder", 3)}
    assert "Word 批注" in found[("meta/unused-suppression", 2)]
