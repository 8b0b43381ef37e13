"""reportlint annotate: comments on exactly the findings' characters, tracked changes that give
what --fix gives the text, and the copy proven in real clients (python-docx, LibreOffice)."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import SEEDS
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from reportlint.docx import W, load_docx
from reportlint.load import load

SEED_PREFIXES = sorted(p.name[:3] for p in SEEDS.glob("*.txt"))


def seed_text(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def docx_of(text_path: Path, target: Path) -> Path:
    """The seed as a Word draft: one paragraph per line, as a drafter pastes it (so its lines
    joined by line breaks are the text file)."""
    document = docx.Document()
    for line in text_path.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(target)
    return target


def anchored(document) -> dict[str, str]:
    """comment id -> the text between its w:commentRangeStart and w:commentRangeEnd, read in
    document order; deleted text (w:delText) counts, text inserted by a tracked change does not:
    the anchor is on the draft as written."""
    inside, text = set(), {}
    for element in document.element.body.iter():
        if element.tag == W + "commentRangeStart":
            inside.add(element.get(W + "id"))
            text[element.get(W + "id")] = ""
        elif element.tag == W + "commentRangeEnd":
            inside.discard(element.get(W + "id"))
        elif element.tag == W + "p" and element.getprevious() is not None:
            for i in inside:  # a range running over a paragraph break
                text[i] += "\n"
        elif element.tag in (W + "t", W + "delText") and not any(
                a.tag == W + "ins" for a in element.iterancestors()):
            for i in inside:
                text[i] += element.text or ""
    return text


def covered(lines: list[str], finding: dict) -> str:
    """The characters a finding covers, from the draft's lines (1-based, end exclusive)."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return text[starts[finding["line"] - 1] + finding["column"] - 1: starts[finding["end_line"] - 1]
                + finding["end_column"] - 1]


def comments_with_anchors(path: Path) -> Counter:
    """(first line of the comment, anchored text) for every comment of the copy."""
    document = docx.Document(str(path))
    texts = anchored(document)
    return Counter((c.text.split("\n")[0], texts.get(str(c.comment_id))) for c in document.comments)


def expected(cli, draft: Path) -> Counter:
    findings = cli("check", "--format", "json", draft).json()["findings"]
    lines = load(str(draft)).lines
    return Counter((f["message"], covered(lines, f)) for f in findings)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_each_seed_gets_one_comment_per_finding_on_exactly_its_characters(prefix, tmp_path, cli):
    draft = docx_of(seed_text(prefix), tmp_path / f"{prefix}.docx")
    original = draft.read_bytes()
    run = cli("annotate", draft)
    assert run.code == 1, run.err  # the seeds have real defects
    copy = tmp_path / f"{prefix}.reportlint.docx"
    assert draft.read_bytes() == original  # never the original
    want = expected(cli, draft)
    assert sum(want.values()) > 0
    assert comments_with_anchors(copy) == want
    document = docx.Document(str(copy))
    assert {c.author for c in document.comments} == {"reportlint"}
    rules = {f["rule"] for f in cli("check", "--format", "json", draft).json()["findings"]}
    assert all(any(r in c.text for r in rules) and "依据：" in c.text for c in document.comments)


def test_counted_comment_ids_are_the_ids_python_docx_would_give(tmp_path, cli, monkeypatch):
    """annotate counts comment ids on instead of letting python-docx search all of them for each new
    one (quadratic); the copy must be the one python-docx's own ids give, and its search restored."""
    import contextlib

    from docx.oxml.comments import CT_Comments

    from reportlint import annotate

    search = CT_Comments._next_available_comment_id
    draft = docx_of(seed_text("003"), tmp_path / "draft.docx")
    existing = docx.Document(str(draft))  # a comment already there: the ids go on after it
    existing.add_comment(existing.paragraphs[0].runs, "审阅人原有批注", "审阅人", "SY")
    existing.save(draft)

    def comments(path: Path) -> list:
        document = docx.Document(str(path))
        return [(c.comment_id, c.author, c.text) for c in document.comments], anchored(document)

    assert cli("annotate", draft, "-o", tmp_path / "counted.docx").code == 1
    assert CT_Comments._next_available_comment_id is search
    monkeypatch.setattr(annotate, "comment_ids_counted", contextlib.nullcontext)
    assert cli("annotate", draft, "-o", tmp_path / "searched.docx").code == 1
    counted, searched = comments(tmp_path / "counted.docx"), comments(tmp_path / "searched.docx")
    assert counted == searched
    ids = [i for i, _, _ in counted[0]]
    assert len(ids) > 10 and ids == list(range(len(ids)))  # 0 is the reviewer's, then one per finding


def test_a_finding_inside_a_formatted_run_splits_it_and_keeps_the_formatting(tmp_path, cli):
    document = docx.Document()
    paragraph = document.add_paragraph("我们")
    bold = paragraph.add_run("坚持依法的的行政")
    bold.bold = True
    paragraph.add_run("原则。")
    across = document.add_paragraph("严格规范执法的")  # the span starts in one run, ends in the next
    across.add_run("的行为").italic = True
    draft = tmp_path / "加粗.docx"
    document.save(draft)
    assert cli("annotate", "--select", "hygiene/doubled-char", draft).code == 1
    copy = docx.Document(str(tmp_path / "加粗.reportlint.docx"))
    assert list(anchored(copy).values()) == ["的的", "的的"]
    runs = [(r.text, r.bold) for r in copy.paragraphs[0].runs if r.text]
    assert runs == [("我们", None), ("坚持依法", True), ("的的", True), ("行政", True), ("原则。", None)]
    assert copy.paragraphs[0].text == "我们坚持依法的的行政原则。"
    runs = [(r.text, r.italic) for r in copy.paragraphs[1].runs if r.text]
    assert runs == [("严格规范执法", None), ("的", None), ("的", True), ("行为", True)]


def test_word_numbering_label_and_table_cell_are_skipped_and_found(tmp_path, cli):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    heading = document.add_paragraph("健全台帐管理制度")  # Word shows it as 一、健全台帐管理制度
    heading._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "建立执法台帐"
    draft = tmp_path / "表格.docx"
    document.save(draft)
    findings = cli("check", "--format", "json", "--select", "wording/misspelling", draft).json()["findings"]
    assert [f["context"] for f in findings] == ["一、健全台帐管理制度", "一、健全台帐管理制度／表1 第2行第2列"]
    assert cli("annotate", "--select", "wording/misspelling", draft).code == 1
    copy = docx.Document(str(tmp_path / "表格.reportlint.docx"))
    assert list(anchored(copy).values()) == ["台帐", "台帐"]
    assert copy.tables[0].cell(1, 1).text == "建立执法台帐"


def accept_all(path: Path) -> list[str]:
    """What Word's 接受所有修订 leaves: deleted runs and paragraphs gone, insertions kept, read
    back with reportlint's own .docx reader."""
    document = docx.Document(str(path))
    body = document.element.body
    for paragraph in list(body.iter(W + "p")):
        if paragraph.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            paragraph.getparent().remove(paragraph)  # its text is deleted too: nothing to merge
    for deleted in list(body.iter(W + "del")):
        deleted.getparent().remove(deleted)
    for inserted in list(body.iter(W + "ins")):
        for child in list(inserted):
            inserted.addprevious(child)
        inserted.getparent().remove(inserted)
    buffer = io.BytesIO()
    document.save(buffer)
    return load_docx(str(path), buffer.getvalue()).lines


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_fix_as_tracked_changes_accepted_gives_what_fix_gives_the_text(prefix, tmp_path, cli):
    text = tmp_path / f"{prefix}.txt"
    shutil.copy(seed_text(prefix), text)
    draft = docx_of(text, tmp_path / f"{prefix}.docx")
    assert cli("annotate", "--fix", draft).code == 1
    copy = tmp_path / f"{prefix}.reportlint.docx"
    cli("check", "--fix", text)
    fixed = text.read_text(encoding="utf-8")
    assert fixed != seed_text(prefix).read_text(encoding="utf-8")  # there was something to fix
    assert "\n".join(accept_all(copy)) == fixed
    assert comments_with_anchors(copy) == expected(cli, draft)


def test_never_over_an_existing_file_without_force_and_only_docx(tmp_path, cli):
    draft = docx_of(seed_text("002"), tmp_path / "稿.docx")
    out = tmp_path / "审阅.docx"
    out.write_bytes(b"keep")
    run = cli("annotate", draft, "-o", out)
    assert run.code == 2 and "--force" in run.err and out.read_bytes() == b"keep"
    assert cli("annotate", draft, "-o", out, "--force").code == 1
    assert len(docx.Document(str(out)).comments) > 0
    assert cli("annotate", draft, "-o", draft, "--force").code == 2  # never the original
    run = cli("annotate", seed_text("002"))
    assert run.code == 2 and "只处理 .docx" in run.err
    run = cli("annotate", draft, "-o", tmp_path / "无此目录" / "审阅.docx")
    assert run.code == 2 and "无法写入" in run.err


def test_same_options_as_check_select_and_profile(tmp_path, cli):
    draft = docx_of(seed_text("004"), tmp_path / "汇报.docx")
    run = cli("annotate", "--profile", "situation-report", "--select", "hygiene/web-debris", draft)
    assert run.code == 1
    document = docx.Document(str(tmp_path / "汇报.reportlint.docx"))
    assert {c.text.split("\n")[1] for c in document.comments} == {"规则：hygiene/web-debris（错误）"}
    assert len(document.comments) == 3


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed; .ci/run installs it")
def test_libreoffice_opens_each_seeds_copy_keeps_its_comments_and_exports_them_to_pdf(tmp_path, cli):
    copies, want = [], {}
    for prefix in SEED_PREFIXES:
        draft = docx_of(seed_text(prefix), tmp_path / f"{prefix}.docx")
        assert cli("annotate", "--fix", draft).code == 1
        copies.append(str(tmp_path / f"{prefix}.reportlint.docx"))
        want[prefix] = comments_with_anchors(Path(copies[-1]))
    out = tmp_path / "lo"
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"

    def convert(target: str) -> subprocess.CompletedProcess:  # one LibreOffice start for all five
        return subprocess.run([SOFFICE, "--headless", profile, "--convert-to", target, "--outdir", str(out), *copies],
                              capture_output=True, text=True, timeout=300)

    done = convert('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}')
    assert done.returncode == 0, done.stderr
    for prefix in SEED_PREFIXES:
        pdf = (out / f"{prefix}.reportlint.pdf").read_bytes()
        assert pdf.startswith(b"%PDF")
        assert pdf.count(b"/Subtype /Text") == sum(want[prefix].values())  # one PDF note per comment
    done = convert("docx:MS Word 2007 XML")  # what LibreOffice writes back when the reviewer saves
    assert done.returncode == 0, done.stderr
    for prefix in SEED_PREFIXES:
        assert comments_with_anchors(out / f"{prefix}.reportlint.docx") == want[prefix]
