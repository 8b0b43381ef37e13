"""Path -> Source: read a draft, decode it, keep what is needed to write it back."""

from __future__ import annotations

import codecs
import errno
import os
import stat

from . import paths, patterns
from .errors import InputError
from .records import record

TEXT_SUFFIXES = (".txt", ".md")
# Formats a drafter may hand over that reportlint cannot read: each gets what to save as instead.
SAVE_AS_DOCX = "请在 Word/WPS 中另存为 .docx 后再检查"
UNSUPPORTED = {
    ".doc": f"不支持 .doc 格式（旧版 Word），{SAVE_AS_DOCX}",
    ".wps": f"不支持 .wps 格式，{SAVE_AS_DOCX}",
    ".pdf": "是 PDF 文件，无法检查其中的文字；请找到原稿，或在 Word/WPS 中打开后另存为 .docx 再检查",
    ".rtf": f"不支持 .rtf 格式（RTF 文档），{SAVE_AS_DOCX}",
    ".docm": "不支持 .docm 格式（含宏的 Word 文档），请在 Word 中另存为 .docx（Word 文档）后再检查",
    ".dotx": "是 Word 模板（.dotx），不是草稿；请用它新建文档并另存为 .docx 后再检查",
    ".dotm": "是 Word 模板（.dotm），不是草稿；请用它新建文档并另存为 .docx 后再检查",
    ".odt": "不支持 .odt 格式（OpenDocument），请在 WPS 或 LibreOffice 中另存为 .docx 后再检查",
}
# The same formats renamed to .txt: told apart by their first bytes.
MAGIC = {b"%PDF-": ".pdf", b"{\\rtf": ".rtf"}
# No report draft comes near these sizes; a larger file is refused before it is read into memory.
MAX_DOCX_BYTES = 100_000_000
MAX_TEXT_BYTES = 50_000_000
NEWLINE = patterns.compile(r"\r\n|\r|\n")
# Control characters that never occur in a real draft; many of them mean "binary".
CONTROL = patterns.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@record
class Source:
    """A decoded draft: one string per line, and how to encode it back."""

    path: str
    lines: list[str]
    encoding: str = "utf-8"  # codec name used to write the file back
    newlines: list[str] | None = None  # the ending of each line ("" after the last)
    kind: str = "text"  # "text" or "docx"
    # per line, the Word table cell it stands in as (table, row, column), 1-based; None outside
    # tables. None for plain text.
    cells: list[tuple[int, int, int] | None] | None = None
    # Word comments as (first line, last line, text): the paragraphs each is anchored to. None for
    # plain text. suppress.py reads those that start with reportlint-disable.
    comments: list[tuple[int, int, str]] | None = None


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Split on \\r\\n, \\r and \\n only (str.splitlines also splits on \\x0c, \\u2028 …)."""
    lines, endings, pos = [], [], 0
    for m in NEWLINE.finditer(text):
        lines.append(text[pos : m.start()])
        endings.append(m.group())
        pos = m.end()
    lines.append(text[pos:])
    endings.append("")
    return lines, endings


# UTF-16 keeps its byte order and its BOM when a fixed draft is written back (see encode()).
UTF16_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def encode(text: str, codec: str) -> bytes:
    """The inverse of decode(): the same codec, and the BOM the file had."""
    return UTF16_BOMS.get(codec, b"") + text.encode(codec)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, codec). A BOM decides (UTF-8, UTF-16); then UTF-8; else detection."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(path, f"文件以 UTF-8 BOM 开头，但第 {exc.start} 字节处不是合法的 UTF-8") from None
    for codec, bom in UTF16_BOMS.items():  # Notepad's "Unicode"
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(path, "文件以 UTF-16 BOM 开头，但内容不是合法的 UTF-16") from None
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    utf16 = utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise InputError(path, "不是文本文件（含有 NUL 字节，也不像无 BOM 的 UTF-16 文本），"
                               "请提供 .txt、.md 或 .docx 草稿；文本请另存为 UTF-8")
    # Not UTF-8: let charset-normalizer decide (imported here: most drafts never need it).
    from charset_normalizer import from_bytes

    # Only the GB family is considered: drafts come from mainland offices, and on a short GBK
    # text an open detection may answer Big5 (台帐 read as 怢梛).
    best = from_bytes(data, cp_isolation=["gb18030"]).best()
    if best is None:
        raise InputError(path, "无法识别文件编码（不是 UTF-8、GB18030/GBK 文本），请另存为 UTF-8 后重试")
    codec = best.encoding
    if codec in ("gb2312", "gbk", "gb18030", "hz"):
        codec = "gb18030"  # the superset: decodes every GBK file and round-trips it
    return data.decode(codec), codec


# What a Chinese draft is made of: ideographs, CJK and full-width punctuation, printable ASCII, layout.
DRAFT_CHARS = patterns.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2010-\u206f\x20-\x7e\t\r\n]")


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when `data` reads as UTF-16 without a BOM in exactly one byte order, as draft
    text (nearly all ideographs, punctuation and ASCII). GB18030 bytes read as UTF-16 give Hangul,
    Yi and private-use characters instead, so the two are not confused."""
    if len(data) < 4 or len(data) % 2:
        return None
    readings = []
    for codec in ("utf_16_le", "utf_16_be"):  # spelled so, encode() writes them back without a BOM
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(DRAFT_CHARS.findall(text)) >= 0.95 * len(text):
            readings.append((text, codec))
    return readings[0] if len(readings) == 1 else None


def load_text(path: str, data: bytes) -> Source:
    for magic, suffix in MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, f"扩展名是 {paths.suffix(path)}，内容却是 {suffix} 文件：{UNSUPPORTED[suffix]}")
    text, codec = decode(data, path)
    if len(CONTROL.findall(text[:4096])) > 8:
        raise InputError(path, "不是文本文件（含有大量控制字符），请提供 .txt、.md 或 .docx 草稿")
    lines, endings = split_lines(text)
    return Source(path=path, lines=lines, encoding=codec, newlines=endings)


# The operating system's reasons, in Chinese (its own strerror follows the machine's locale).
OS_REASONS = {errno.EACCES: "没有读取权限，请检查文件权限或是否被其他程序占用", errno.EPERM: "操作系统不允许读取",
              errno.EISDIR: "是目录，不是文件", errno.ENOENT: "文件不存在", errno.ELOOP: "符号链接循环",
              errno.ENAMETOOLONG: "路径过长", errno.EIO: "读取时发生输入输出错误（磁盘或网络盘故障）"}


def os_reason(exc: OSError) -> str:
    return OS_REASONS.get(exc.errno, f"操作系统报告错误（{exc.strerror or type(exc).__name__}）")


def read_bytes(path: str) -> bytes:
    name = paths.tidy(path)  # as pathlib read it: "a.txt/" is a.txt
    try:
        info = os.stat(name)
    except ValueError:  # a NUL in the name (from the Python API; a command line cannot hold one)
        raise InputError(path, "文件不存在") from None
    except OSError as exc:
        raise InputError(path, "文件不存在" if exc.errno in (errno.ENOENT, errno.ENOTDIR) else
                         f"无法读取：{os_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "是目录，不是文件")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "不是普通文件（管道、设备等），无法作为草稿读取")
    limit = MAX_DOCX_BYTES if paths.suffix(path).lower() == ".docx" else MAX_TEXT_BYTES
    if info.st_size > limit:
        raise InputError(path, f"文件过大（超过 {limit // 1_000_000} MB），不像是报告草稿，已拒绝读取")
    try:
        with open(name, "rb") as f:
            return f.read()
    except OSError as exc:
        raise InputError(path, f"无法读取：{os_reason(exc)}") from None


def load(path: str) -> Source:
    """Read one draft. Raises InputError with a one-line Chinese message."""
    suffix = paths.suffix(path).lower()
    if suffix in UNSUPPORTED:
        raise InputError(path, UNSUPPORTED[suffix])
    data = read_bytes(path)
    if suffix == ".docx":
        from .docx import load_docx  # python-docx is imported only for Word files

        source = load_docx(path, data)
    else:
        source = load_text(path, data)
    if not any(line.strip() for line in source.lines):
        raise InputError(path, "文件为空（没有任何文字）")
    return source
