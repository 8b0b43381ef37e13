"""`record`: a dataclass whose `__repr__`, `__eq__` and `__hash__` are shared functions, not generated ones.

Python 3.11's `dataclass` writes the source of each generated method and compiles it on its own,
at every start: a third of reportlint's own start-up went to compiling the `__init__`, `__repr__`,
`__eq__` (and, frozen, `__hash__`) of its model classes. A record keeps the generated `__init__`
(the one that runs for every object made, and a frozen one's guards) and shares the others, which
read the fields from the class. They behave as the generated ones do: the fields in order,
`repr=False` and `compare=False` honoured, "..." for an object met again inside its own repr,
equality only between objects of the same class; a frozen record hashes its compared fields, a
mutable one is unhashable (as a dataclass with eq is)."""

from __future__ import annotations

import dataclasses
import operator
import reprlib


def record(cls=None, /, *, frozen: bool = False):
    def wrap(cls):
        cls = dataclasses.dataclass(cls, repr=False, eq=False, frozen=frozen)
        fields = dataclasses.fields(cls)
        cls._shown = tuple(f.name for f in fields if f.repr)
        compared = tuple(f.name for f in fields if f.compare)
        # the compared fields as a tuple (attrgetter makes one, in C, from two names on)
        cls._key = staticmethod(operator.attrgetter(*compared) if len(compared) > 1 else
                                lambda obj: tuple(getattr(obj, name) for name in compared))
        cls.__repr__ = _repr
        cls.__eq__ = _eq
        if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is object.__hash__:
            cls.__hash__ = _hash if frozen else None
        return cls

    return wrap if cls is None else wrap(cls)


@reprlib.recursive_repr()
def _repr(self) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
    return f"{type(self).__qualname__}({shown})"


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self._key(self) == self._key(other)  # tuples: a field that is the very same object is equal


def _hash(self) -> int:
    return hash(self._key(self))
