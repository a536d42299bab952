"""Plain slotted classes for the internal value types, in place of ``@dataclass``.

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__`` (and, frozen,
``__hash__``, ``__setattr__``, ``__delattr__``) as source text and compiles it when the module
is imported: about 0.3–0.9 ms a class, paid by every fresh process (a one-page CLI call) and
never cached as bytecode. The internal types that every ``clean()`` creates are written as
plain classes instead: their fields are their ``__slots__`` (in order) and each writes its own
``__init__``, which is compiled once into the module's cached bytecode like any other code;
:class:`Value` and :class:`FrozenValue` give them what the dataclass gave besides (value
equality, a readable repr, for the frozen ones a hash and no assignment).

The public types (``Document``, ``Link``, ``Removal``, ``Config``, the structure blocks,
``Rule``, ``Mark`` …) stay dataclasses, so ``dataclasses.fields``, ``replace`` and ``asdict``
and type checkers' frozen checks keep working on them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any

__all__ = ["FrozenValue", "Value"]

#: class -> what reads an instance's fields as a tuple (``attrgetter`` reads them in C)
_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _getter(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names: tuple[str, ...] = cls.__slots__  # type: ignore[attr-defined]
    if len(names) > 1:
        getter: Callable[[Any], tuple[Any, ...]] = attrgetter(*names)
    else:  # (one name: attrgetter would give the value, not a tuple)
        def getter(value: Any) -> tuple[Any, ...]:
            return tuple([getattr(value, name) for name in names])
    _GETTERS[cls] = getter
    return getter


class Value:
    """A mutable record: equal to another of its class whose fields are equal, unhashable
    (as a ``@dataclass(slots=True)``). Subclasses list their fields in ``__slots__``."""

    __slots__ = ()

    def _fields(self) -> tuple[Any, ...]:
        cls = self.__class__
        return (_GETTERS.get(cls) or _getter(cls))(self)

    def __repr__(self) -> str:
        names: tuple[str, ...] = self.__slots__
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]


class FrozenValue(Value):
    """An immutable record, hashable by its fields (as a ``@dataclass(frozen=True,
    slots=True)``). Its ``__init__`` sets the fields with :meth:`_set`."""

    __slots__ = ()

    def _set(self, *values: object) -> None:
        """Set the fields, in ``__slots__`` order (what ``__init__`` does)."""
        names: tuple[str, ...] = self.__slots__
        for name, value in zip(names, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._fields())
