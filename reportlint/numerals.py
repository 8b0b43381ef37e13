"""Chinese numerals -> int. Small on purpose: cn2an would cost ~0.25 s of import per run
for the handful of forms a report uses (一 … 九千九百九十九万, 两千, 二〇二五, 十五)."""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
          "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or None if `text` is not one.

    Handles positional forms (二〇二五 -> 2025) and unit forms (一千一百四十六, 十五,
    两千, 三万五千, 一亿二千万)."""
    if not text or any(ch not in CHARS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        if len(text) >= 3 or any(DIGITS[ch] == 0 for ch in text):  # 二〇二五, 二〇; not 三四 (3 or 4)
            return int("".join(str(DIGITS[ch]) for ch in text))
        return None
    total, section, digit = 0, 0, None
    unit = 0  # the unit just passed (0: none yet); units fall within a section: 千 > 百 > 十
    after_unit = zero = False  # the previous character was a unit / a 零 stands since the last unit
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0:
                return None  # two digits in a row outside positional form: 三四
            zero = zero or DIGITS[ch] == 0
            digit = DIGITS[ch] if DIGITS[ch] else None
            after_unit = False
        elif ch in SMALL_UNITS:
            value = SMALL_UNITS[ch]
            if (digit is None and (after_unit or section)) or (section and unit and value >= unit):
                return None  # 十十, 一百一千
            section += (1 if digit is None else digit) * value
            digit, unit, after_unit, zero = None, value, True, False
        else:  # 万 / 亿 close a section
            section += digit or 0
            if section == 0:
                return None
            if ch == "亿":
                total = (total + section) * BIG_UNITS[ch]
            else:
                total += section * BIG_UNITS[ch]
            section, digit, unit, after_unit, zero = 0, None, BIG_UNITS[ch], True, False
    if digit and unit >= 100 and not zero:
        digit *= unit // 10  # 一千二 is 1200 and 三万五 35000, as said aloud; 一千零二 is 1002
    return total + section + (digit or 0)


def cn_to_number(text: str) -> tuple[float, int] | None:
    """Value and decimal places of a Chinese numeral that may carry a decimal part:
    "九十五点五" -> (95.5, 1), "一千一百四十六" -> (1146, 0). None if `text` is not one."""
    whole, _, fraction = text.partition("点")
    value = cn_to_int(whole)
    if value is None:
        return None
    if not fraction:
        return float(value), 0
    if any(ch not in DIGITS for ch in fraction):
        return None
    return float(f"{value}." + "".join(str(DIGITS[ch]) for ch in fraction)), len(fraction)


def int_to_cn(n: int) -> str:
    """1 -> 一, 10 -> 十, 15 -> 十五, 105 -> 一百零五 (ordinals in messages; Word's chineseCounting)."""
    if not 0 < n < 10000:
        return str(n)
    digits, out, zero = str(n), "", False  # 10 <= n < 20 drops the leading 一: 十五, not 一十五
    for i, digit in enumerate(digits):
        if digit == "0":
            zero = True
            continue
        out += ("零" if zero else "") + "〇一二三四五六七八九"[int(digit)] + ("", "十", "百", "千")[len(digits) - 1 - i]
        zero = False
    return out[1:] if 10 <= n < 20 else out
