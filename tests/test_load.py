"""Loading drafts: encodings, line endings, layout indentation and unreadable input."""

from __future__ import annotations

import codecs

import pytest
from conftest import seed

from reportlint.document import Document
from reportlint.errors import InputError
from reportlint.load import load

TEXT = "一、主要举措和成效\r\n　　（一）强化组织领导。全年共立刑事案件1146起。\r\n"


def test_utf8_bom_gb18030_and_line_endings_decode_to_the_same_lines(tmp_path):
    variants = {
        "utf8.txt": TEXT.encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        "gb.txt": TEXT.encode("gb18030"),
        "lf.txt": TEXT.replace("\r\n", "\n").encode("utf-8"),
        "cr.txt": TEXT.replace("\r\n", "\r").encode("utf-8"),
        "utf16.txt": TEXT.encode("utf-16"),  # with its BOM, as Notepad saves "Unicode"
    }
    loaded = {}
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        loaded[name] = load(str(tmp_path / name))
    expected = ("一、主要举措和成效", "　　（一）强化组织领导。全年共立刑事案件1146起。", "")
    assert {tuple(s.lines) for s in loaded.values()} == {expected}
    assert loaded["bom.txt"].encoding == "utf-8-sig"
    assert loaded["gb.txt"].encoding == "gb18030"
    assert loaded["cr.txt"].newlines[0] == "\r" and loaded["utf8.txt"].newlines[0] == "\r\n"


def test_gbk_seed_is_detected_not_guessed(tmp_path):
    text = seed("000").read_text(encoding="utf-8")
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    source = load(str(path))
    assert source.encoding == "gb18030"
    assert "\n".join(source.lines) == text


def test_fullwidth_indentation_is_layout_not_content():
    doc = Document.from_text("　　（一）强化组织领导保障。")
    line = doc.lines[0]
    assert line.indent == 2 and line.content.startswith("（一）")
    assert doc.headings[0].level == 2
    # columns still count the indentation: the heading marker is at column 3
    assert doc.position(doc.headings[0].marker_start) == (1, 3)


@pytest.mark.parametrize(("name", "data", "says"), [
    ("empty.txt", b"", "文件为空"),
    ("blank.txt", "\u3000\n  \r\n".encode(), "文件为空"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是文本文件"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 3, "编码"),
])
def test_unreadable_input_is_an_input_error(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        load(str(path))
    assert says in str(err.value) and str(path) in str(err.value)


def test_missing_file_and_legacy_word_format(tmp_path):
    with pytest.raises(InputError, match="文件不存在"):
        load(str(tmp_path / "nope.txt"))
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match="另存为 .docx"):
        load(str(tmp_path / "old.doc"))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_a_gb18030_crlf_copy_gives_the_same_findings_as_the_utf8_seed(cli, tmp_path, prefix):
    original = seed(prefix)
    copy = tmp_path / original.name
    copy.write_bytes(original.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))

    def findings(path):
        found = cli("check", "--format", "json", path).json()["findings"]
        return [{k: v for k, v in f.items() if k != "path"} for f in found]

    expected = findings(original)
    assert expected and findings(copy) == expected


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_and_written_back_without_one(tmp_path, codec):
    path = tmp_path / "notepad.txt"
    path.write_bytes(TEXT.encode(codec))
    source = load(str(path))
    assert source.lines[1] == "　　（一）强化组织领导。全年共立刑事案件1146起。"
    from reportlint.load import encode

    assert encode("\r\n".join(source.lines), source.encoding) == TEXT.encode(codec)
    # all ideographs, no ASCII at all: no NUL byte to give it away, still not taken for GB18030
    path.write_bytes("全年共立刑事案件一千余起，破案率较上年明显提高。".encode(codec))
    assert load(str(path)).lines == ["全年共立刑事案件一千余起，破案率较上年明显提高。"]


def test_binary_with_nul_bytes_is_still_refused(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    with pytest.raises(InputError, match="不是文本文件"):
        load(str(path))


@pytest.mark.parametrize(("name", "data", "says"), [
    ("报告.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("报告.rtf", b"{\\rtf1\\ansi\\ansicpg936 ...}", "另存为 .docx"),
    ("报告.docm", b"PK\x03\x04", "含宏"),
    ("模板.dotx", b"PK\x03\x04", "模板"),
    ("报告.odt", b"PK\x03\x04", "OpenDocument"),
    ("改名.txt", b"%PDF-1.4\n", "PDF"),
    ("改名.txt", b"{\\rtf1\\ansi 2023}", ".rtf"),
])
def test_formats_we_cannot_read_say_what_to_save_as(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        load(str(path))
    message = str(err.value)
    assert says in message and "另存为" in message and "NUL" not in message and "\n" not in message


@pytest.mark.parametrize(("text", "says"), [
    ("rules:\n  - id: x/y\n    kind: [unclosed\n", "方括号列表未闭合"),
    ("rules:\n\t- a\n", "制表符"),
    ('x: "\\d"\n', "无效的转义"),
    ("a: b: c\n", "冒号后的值可能需要加引号"),
])
def test_a_broken_pack_is_explained_in_chinese(cli, tmp_path, text, says):
    pack = tmp_path / "mine.yaml"
    pack.write_text(text, encoding="utf-8")
    run = cli("rules", "--rules", pack)
    assert run.code == 2 and says in run.err and "mine.yaml" in run.err and "第 " in run.err, run.err
