"""Regular expressions from rule packs and configurations: untrusted, so bounded twice.

- At compile time: a pattern's length and the size it expands to are capped. The `regex` module
  unrolls counted repetitions when it compiles (`(a{1000}){1000}` builds a million nodes and
  takes 0.7 s and 300 MB; `a{1000000000}` never finishes), so a count must be paid for before
  compiling, not after.
- At match time: every search a rule makes on one draft draws on one budget of seconds; the
  `regex` module checks the timeout inside the matcher, so a catastrophic backtrack stops there.
  When the budget is spent the search raises TimeoutError; the engine skips that rule for that
  draft, says so on stderr, and goes on.
"""

from __future__ import annotations

import contextlib
import contextvars
import time

from . import patterns

MAX_LENGTH = 2000  # characters of pattern source
MAX_EXPANSION = 100_000  # nodes after unrolling counted repetitions
RULE_SECONDS = 2.0  # regex time one rule may spend on one draft
COUNT = patterns.compile(r"\{(\d*)(?:,(\d*))?\}")


class PatternTooLarge(ValueError):
    pass


def expansion(source: str) -> int:
    """How many atoms `source` unrolls to: a counted repetition multiplies what it repeats
    (the atom or the whole group before it). *, + and ? are loops and cost nothing extra."""
    stack = [0]  # atoms counted in each open group
    last = 0  # the size of the atom or group just closed, which a count would repeat
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i, last = i + 2, 1
            stack[-1] += 1
            continue
        if c == "[":
            j = i + 1
            if j < len(source) and source[j] == "^":
                j += 1
            if j < len(source) and source[j] == "]":
                j += 1
            while j < len(source) and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i, last = j + 1, 1
            stack[-1] += 1
            continue
        if c == "(":
            stack.append(0)
            i += 1
            continue
        if c == ")" and len(stack) > 1:
            last = stack.pop()
            stack[-1] += last
            i += 1
            continue
        m = COUNT.match(source, i) if c == "{" else None
        if m and (m.group(1) or m.group(2)):
            times = max(int(m.group(1) or 0), int(m.group(2) or 0))
            if times > MAX_EXPANSION:
                return times
            stack[-1] += last * (times - 1)
            if stack[-1] > MAX_EXPANSION:
                return stack[-1]
            i = m.end()
            continue
        if c not in "|*+?":
            stack[-1] += 1
            last = 1
        i += 1
    return sum(stack)


def compile_bounded(source: str, flags: int = 0) -> Bounded:
    """Compile an untrusted pattern; PatternTooLarge or regex.error when it is refused."""
    if len(source) > MAX_LENGTH:
        raise PatternTooLarge(f"正则表达式过长（{len(source)} 个字符，上限 {MAX_LENGTH}）")
    if expansion(source) > MAX_EXPANSION:
        raise PatternTooLarge(f"正则表达式的重复次数过大（展开后超过 {MAX_EXPANSION} 项），请改用 + 或 *")
    return Bounded(patterns.compile(source, flags))


TEST_MEMORY = 20_000  # answers Bounded.test remembers per pattern, then starts afresh


class Budget:
    def __init__(self, seconds: float):
        self.left = seconds

    def timeout(self) -> float:
        if self.left <= 0:
            raise TimeoutError
        return self.left


_budget: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("regex_budget", default=None)


UNBOUNDED = Budget(float("inf"))  # the shipped rules' patterns: searched with no timeout at all


@contextlib.contextmanager
def budget(seconds: float | None = RULE_SECONDS):
    """Every bounded search inside draws on these seconds (one rule on one draft); with None,
    searches run unbounded (a shipped rule, whose patterns are tested to be linear)."""
    token = _budget.set(UNBOUNDED if seconds is None else Budget(seconds))
    try:
        yield
    finally:
        _budget.reset(token)


class Bounded:
    """A compiled pattern whose searches run under the current budget (RULE_SECONDS per call
    outside one). Everything else (groups, groupindex, pattern …) is the pattern's own."""

    __slots__ = ("compiled", "answers")

    def __init__(self, compiled):
        self.compiled = compiled
        self.answers: dict[str, bool] = {}

    def test(self, text: str) -> bool:
        """Whether the pattern occurs in `text`, a short text asked about again and again (the
        label of a number: 立刑事案件 recurs in every draft): each answer is searched once."""
        known = self.answers.get(text)
        if known is None:
            if len(self.answers) >= TEST_MEMORY:
                self.answers.clear()
            known = self.answers[text] = self.search(text) is not None
        return known

    def __getattr__(self, name):
        return getattr(self.compiled, name)

    def __reduce__(self):  # pickled as its pattern (the plan cache); the answers are not kept
        return Bounded, (self.compiled,)

    def _run(self, method, args, kwargs):
        requested = kwargs.pop("timeout", None)
        asked = requested or RULE_SECONDS  # a caller may ask for less, never more
        spent = _budget.get()
        if spent is UNBOUNDED:
            return method(*args, **kwargs) if requested is None else method(*args, timeout=requested, **kwargs)
        if spent is None:
            return method(*args, timeout=asked, **kwargs)
        start = time.monotonic()
        try:
            return method(*args, timeout=min(asked, spent.timeout()), **kwargs)
        finally:
            spent.left -= time.monotonic() - start

    def search(self, *args, **kwargs):
        return self._run(self.compiled.search, args, kwargs)

    def match(self, *args, **kwargs):
        return self._run(self.compiled.match, args, kwargs)

    def fullmatch(self, *args, **kwargs):
        return self._run(self.compiled.fullmatch, args, kwargs)

    def findall(self, *args, **kwargs):
        return self._run(self.compiled.findall, args, kwargs)

    def sub(self, *args, **kwargs):
        return self._run(self.compiled.sub, args, kwargs)

    def split(self, *args, **kwargs):
        return self._run(self.compiled.split, args, kwargs)

    def finditer(self, *args, **kwargs):
        """Matches found one by one, each search drawing on the budget (the `regex` module's own
        finditer timeout would run from the first call to the last, whatever the caller did between)."""
        found = self._run(self.compiled.finditer, args, kwargs)
        return found if _budget.get() is UNBOUNDED else _budgeted(found)


def _budgeted(found):
    while True:
        spent = _budget.get()
        start = time.monotonic()
        try:
            m = next(found)
        except StopIteration:
            return
        finally:
            if spent is not None:
                spent.left -= time.monotonic() - start
        yield m
