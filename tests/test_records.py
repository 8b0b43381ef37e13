"""A record behaves as the dataclass it replaces: the same repr, equality and hashability."""

from __future__ import annotations

import dataclasses
import math

import pytest

from reportlint.document import Document, Section
from reportlint.records import record


def both(body):
    """The same class made by dataclass and by record."""
    return dataclasses.dataclass(type("Point", (), dict(body))), record(type("Point", (), dict(body)))


BODY = {
    "__annotations__": {"x": "int", "y": "float", "note": "str", "cache": "dict"},
    "note": "",
    "cache": dataclasses.field(default_factory=dict, repr=False, compare=False),
}


def test_repr_and_equality_match_the_generated_methods():
    plain, rec = both(BODY)
    cases = [((1, 2.0), (1, 2.0)), ((1, 2.0), (1, 3.0)), ((1, math.nan), (1, math.nan)), ((0, 0.0, "a"), (0, 0.0, "b"))]
    for a, b in cases:
        assert repr(rec(*a)) == repr(plain(*a))
        assert (rec(*a) == rec(*b)) == (plain(*a) == plain(*b))
        assert (rec(*a) != rec(*b)) == (plain(*a) != plain(*b))
    nan = math.nan  # the very same object: equal, as in a tuple comparison
    assert (rec(1, nan) == rec(1, nan)) == (plain(1, nan) == plain(1, nan)) is True
    one, other = rec(1, 2.0, cache={"k": 1}), rec(1, 2.0)
    assert one == other  # compare=False is honoured
    assert "cache" not in repr(one)  # and repr=False


def test_only_objects_of_the_same_class_are_equal_and_none_is_hashable():
    _, rec = both(BODY)
    _, other = both(BODY)
    assert rec(1, 2.0) != other(1, 2.0)
    assert rec(1, 2.0).__eq__((1, 2.0)) is NotImplemented
    with pytest.raises(TypeError):
        hash(rec(1, 2.0))
    assert dataclasses.replace(rec(1, 2.0), y=5.0) == rec(1, 5.0)
    assert dataclasses.fields(rec)[0].name == "x"


def test_a_section_tree_prints_its_parent_as_an_ellipsis():
    doc = Document.from_text("标题\n一、第一部分\n正文。\n（一）小节\n正文。\n")
    child = doc.root.children[0]
    assert isinstance(child, Section)
    text = repr(doc.root)
    assert text.startswith("Section(heading=None, level=0") and "parent=..." in text
    assert child.title in text and "（一）" in text
