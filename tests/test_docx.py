""".docx drafts: the same findings as the text, paragraphs in reading order, broken or hostile files refused."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
import pytest
from conftest import SEEDS, seed
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from reportlint.load import load

SEED_PREFIXES = sorted(p.name[:3] for p in SEEDS.glob("*.txt"))


def write_docx(path, paragraphs, build=None):
    """A Word file with one body paragraph per string; `build(document)` may add more."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if build:
        build(document)
    document.save(path)
    return path


def docx_bytes(paragraphs) -> bytes:
    return write_docx(io.BytesIO(), paragraphs).getvalue()


def positions(run):
    """Findings without their path: what must not change when the same draft comes as .docx."""
    return [{k: v for k, v in f.items() if k != "path"} for f in run.json()["findings"]]


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_docx_of_a_seed_gives_the_same_findings_as_the_text(prefix, tmp_path, cli):
    text_path = seed(prefix)
    word_path = write_docx(tmp_path / f"{prefix}.docx", text_path.read_text(encoding="utf-8").splitlines())
    from_text = cli("check", "--format", "json", text_path)
    from_word = cli("check", "--format", "json", word_path)
    assert from_text.code == from_word.code == 1
    assert positions(from_text), "every seed has at least one finding"
    assert positions(from_word) == positions(from_text)


def test_table_cells_come_row_by_row_where_the_table_stands(tmp_path):
    def add_table(document):
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
        table.cell(1, 0).text = "行政复议"
        table.cell(1, 1).text = "14起"
        table.cell(1, 1).add_paragraph("其中维持7起")
        document.add_paragraph("二、存在的不足和原因")

    path = write_docx(tmp_path / "表格.docx", ["一、基本数据", ""], add_table)
    source = load(str(path))
    assert source.lines == [
        "一、基本数据", "", "项目", "数量", "行政复议", "14起", "其中维持7起", "二、存在的不足和原因",
    ]
    # each line knows its cell (table, row, column): locators and table checks read it
    assert source.cells == [None, None, (1, 1, 1), (1, 1, 2), (1, 2, 1), (1, 2, 2), (1, 2, 2), None]


def test_finding_in_a_table_cell_is_reported_by_paragraph_and_headers_are_left_out(tmp_path, cli):
    def add(document):
        document.sections[0].header.paragraphs[0].text = "页眉（略）"
        document.sections[0].footer.paragraphs[0].text = "页脚（略）"
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "办理行政许可情况"
        table.cell(0, 1).text = "（略）"

    path = write_docx(tmp_path / "草稿.docx", ["一、基本数据", "全年受理行政案件2241起。"], add)
    run = cli("check", "--select", "hygiene/placeholder", path)
    assert run.code == 1
    assert run.out.splitlines()[0].startswith(f"{path}（一、基本数据／表1 第1行第2列）: error [hygiene/placeholder]")
    assert "页眉" not in run.out and "页脚" not in run.out
    assert run.out.count("[hygiene/placeholder]") == 1


def test_soft_line_break_keeps_the_paragraph_on_one_line(tmp_path):
    path = write_docx(tmp_path / "换行.docx", ["工作汇报\n无锡市公安局", "各位委员："])
    assert load(str(path)).lines == ["工作汇报 无锡市公安局", "各位委员："]


def add_chinese_outline(document) -> None:
    """A two-level list as drafters set it up in Word: 一、 then （一）, numbered by Word, not typed."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def numbered(document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def test_word_numbered_headings_get_the_numbers_the_reader_sees(tmp_path):
    def build(document):
        add_chinese_outline(document)
        numbered(document, "2021年推进法治政府建设的主要举措和成效", 0)
        numbered(document, "树牢法治思想，提升执法能力。", 1)
        numbered(document, "强化实效导向，规范执法行为。", 1)
        document.add_paragraph("全年共立刑事案件1146起，破案476起。")
        numbered(document, "存在的不足和原因", 0)
        numbered(document, "执法理念有待提升。", 1)
        for text in ("执法办案中心建设", "案件审核"):
            document.add_paragraph(text, style="List Number")  # the template's own "1." list style
        document.add_paragraph("要点", style="List Bullet")

    lines = load(str(write_docx(tmp_path / "编号.docx", [], build))).lines
    assert lines == [
        "一、2021年推进法治政府建设的主要举措和成效", "（一）树牢法治思想，提升执法能力。",
        "（二）强化实效导向，规范执法行为。", "全年共立刑事案件1146起，破案476起。",
        "二、存在的不足和原因", "（一）执法理念有待提升。", "1.执法办案中心建设", "2.案件审核", "要点",
    ]


def refused(run) -> str:
    """The single stderr line of an input error, after checking there is nothing else."""
    assert run.code == 2, run.out + run.err
    assert run.out == ""
    assert "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    return lines[0]


@pytest.mark.parametrize("content", [
    "这是一段纯文本，被改成了 .docx 扩展名。".encode(),
    docx_bytes(["一、基本情况"] * 50)[:3000],  # a download cut off half way
])
def test_corrupt_docx_is_one_line_and_exit_2(content, tmp_path, cli):
    path = tmp_path / "损坏.docx"
    path.write_bytes(content)
    line = refused(cli("check", path))
    assert str(path) in line and "不是有效的 .docx 文件" in line


def test_zip_without_a_word_body_is_refused(tmp_path, cli):
    path = tmp_path / "表格.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "缺少正文部分 word/document.xml" in refused(cli("check", path))


def declare_size(data: bytes, name: str, size: int, offset: int = 24) -> bytes:
    """Rewrite the central-directory record of `name` to claim `size` bytes uncompressed (the
    field at `offset` in the record: 24 uncompressed, 20 compressed)."""
    out = bytearray(data)
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        name_length = struct.unpack_from("<H", out, pos + 28)[0]
        if out[pos + 46 : pos + 46 + name_length] == name.encode():
            struct.pack_into("<I", out, pos + offset, size)
            return bytes(out)
        pos = out.find(b"PK\x01\x02", pos + 46)
    raise AssertionError(f"{name} not in archive")


def test_zip_bomb_declaring_a_huge_size_is_refused_before_reading(tmp_path, cli):
    path = tmp_path / "炸弹.docx"
    path.write_bytes(declare_size(docx_bytes(["一、基本情况"]), "word/document.xml", 4_000_000_000))
    assert path.stat().st_size < 100_000
    assert "zip 炸弹" in refused(cli("check", path))


def test_zip_bomb_with_an_extreme_compression_ratio_is_refused(tmp_path, cli):
    path = tmp_path / "高压缩比.docx"
    path.write_bytes(docx_bytes(["一、基本情况"]))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", bytes(50 * 1024 * 1024))
    assert path.stat().st_size < 1_000_000
    line = refused(cli("check", path))
    assert "word/media/padding.bin" in line and "压缩比异常" in line


def test_zip_with_a_broken_word_body_is_refused(tmp_path, cli):
    path = tmp_path / "残缺.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    assert "无法读取 .docx 文件" in refused(cli("check", path))


def declare_compressed_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the central-directory record of `name` to claim `size` compressed bytes."""
    return declare_size(data, name, size, offset=20)


def test_zip_whose_directory_lies_about_a_compressed_size_is_refused_without_inflating(tmp_path, cli):
    buffer = io.BytesIO(docx_bytes(["一、基本情况"]))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", bytes(60 * 1024 * 1024))
    path = tmp_path / "谎报.docx"
    # claiming 100 MB of compressed data hides the ratio (60 MB / 100 MB looks harmless)
    path.write_bytes(declare_compressed_size(buffer.getvalue(), "word/media/padding.bin", 100 * 1024 * 1024))
    assert "大小与文件不符" in refused(cli("check", path))


def numbering_start(document, start: str, fmt: str) -> None:
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    paragraph = document.add_paragraph("全年共立刑事案件1146起。")
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))


@pytest.mark.parametrize(("start", "fmt", "label"), [
    ("5000000000", "lowerLetter", "32767."),  # clamped to Word's largest start; no 1260-letter run
    ("1" * 30, "upperRoman", "32767."),  # no roman numeral that large: digits, as Word shows them
    ("3999", "upperRoman", "MMMCMXCIX."),
])
def test_numbering_labels_stay_short_whatever_the_start_value(tmp_path, start, fmt, label):
    path = write_docx(tmp_path / "编号.docx", [], lambda document: numbering_start(document, start, fmt))
    lines = load(str(path)).lines
    assert lines[-1] == label + "全年共立刑事案件1146起。"
