"""Chinese numerals both ways: the reader (quantities, ordinals) and the writer (messages, .docx)."""

from __future__ import annotations

from reportlint.numerals import cn_to_int, int_to_cn


def test_writing_then_reading_gives_the_number_back():
    for n in range(1, 10_000):
        assert cn_to_int(int_to_cn(n)) == n, (n, int_to_cn(n))


def test_forms_used_in_messages():
    assert [int_to_cn(n) for n in (1, 10, 12, 20, 105, 110)] == ["一", "十", "十二", "二十", "一百零五", "一百一十"]
    assert cn_to_int("两千") == 2000 and cn_to_int("二〇二五") == 2025 and cn_to_int("三四") is None


def test_spoken_abbreviations_and_malformed_numerals():
    assert cn_to_int("一千二") == 1200 and cn_to_int("三万五") == 35000 and cn_to_int("一百二") == 120
    assert cn_to_int("一千零二") == 1002 and cn_to_int("一万零五十") == 10050
    assert cn_to_int("十十") is None and cn_to_int("一百一千") is None
