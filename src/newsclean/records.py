"""The public types' methods without compiling source text at import (issue #15).

``@dataclass`` writes a class's ``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` (and,
frozen, ``__setattr__`` and ``__delattr__``) as source text and compiles it when the module is
imported; no bytecode cache keeps it. For the 17 public types a fresh process imports, that was
100 compilations, ~60 M instructions of a first call's ~460 M. The public types stay
dataclasses (``dataclasses.fields``, ``replace``, ``asdict``, pickling, type checkers' frozen
checks), declared ``@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)``:
each writes its own ``__init__`` (compiled once into the module's cached bytecode, like any
other code), and :func:`record` gives it the ``__repr__``, ``__eq__`` and ``__hash__`` the
dataclass would have written, as functions over its fields made without compiling anything;
:func:`frozen_dataclass` makes it frozen the same way (``__setattr__``, ``__delattr__``).
``decode.Decoded`` (one a page) is left as it was: its module is at the size limit.

``tests/test_records.py`` checks each public type against a dataclass made the usual way from
the same fields: the same ``__init__`` signature, repr, equality and hash.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = ["frozen_dataclass", "identity_record", "record", "set_field"]

#: what a frozen record's ``__init__`` sets its fields with (the generated one calls it too)
set_field = object.__setattr__

_T = TypeVar("_T")


def _tuple_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """What reads ``names`` of an instance as a tuple (``attrgetter`` reads them in C)."""
    if len(names) > 1:
        getter: Callable[[Any], tuple[Any, ...]] = attrgetter(*names)
        return getter

    def few(value: Any) -> tuple[Any, ...]:  # (one name: attrgetter would give the value, not a tuple)
        return tuple([getattr(value, name) for name in names])

    return few


def identity_record(cls: type[_T]) -> type[_T]:
    """As :func:`record`, for a dataclass declared ``eq=False`` as well: the repr alone (it
    compares and hashes by identity)."""
    return record(cls, eq=False)


def record(cls: type[_T], eq: bool = True) -> type[_T]:
    """Give a dataclass declared with ``init=False, repr=False, eq=False`` the ``__repr__``
    (and, with ``eq``, the ``__eq__`` and ``__hash__``) that ``@dataclass(frozen=True)`` would
    write: the repr lists the fields with ``repr=True`` as ``Name(field=value!r, …)``; equal
    when the other is of the same class and the compared fields are equal as tuples (so an
    identical value equals itself even when it is NaN, as dataclasses compared before Python
    3.13, which compares field by field); hashed as the tuple of the hashed fields."""
    own = fields(cls)  # type: ignore[arg-type]
    shown = tuple(f.name for f in own if f.repr)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join([f'{n}={getattr(self, n)!r}' for n in shown])})"

    _put(cls, reprlib.recursive_repr()(__repr__))  # (a value holding the record: "...", as dataclasses)
    if not eq:
        return cls
    compared = _tuple_of(tuple(f.name for f in own if f.compare))
    hashed = _tuple_of(tuple(f.name for f in own if (f.compare if f.hash is None else f.hash)))

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    _put(cls, __eq__)
    _put(cls, __hash__)
    return cls


def _put(cls: type, method: Callable[..., Any]) -> None:
    method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"  # (as the dataclass names it,
    method.__module__ = cls.__module__  # so that pickle and tools find it on the class)
    setattr(cls, method.__name__, method)


def _frozen(cls: type[_T], **options: bool) -> type[_T]:
    """``@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)`` without compiling
    ``__setattr__`` and ``__delattr__``: the class is made with ``frozen=False``, then given the
    two methods the frozen dataclass writes (assigning or deleting a field, or any attribute of
    an instance of the class itself, raises :class:`~dataclasses.FrozenInstanceError`), the
    pickling methods a frozen slotted dataclass has (the fields' values as a list, set back with
    ``object.__setattr__``) and ``__dataclass_params__.frozen`` set, which ``dataclasses`` reads
    (a dataclass that subclasses it must be frozen too)."""
    if options != {"frozen": True, "slots": True, "init": False, "repr": False, "eq": False}:
        raise TypeError(f"frozen_dataclass takes exactly the options it imitates, not {options}")
    made: Any = dataclass(cls, slots=True, init=False, repr=False, eq=False)
    params = made.__dataclass_params__  # (what the class is, for code that reads the flags)
    params.frozen = params.init = params.repr = params.eq = True
    names = tuple(f.name for f in fields(made))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is made or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(made, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is made or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(made, self).__delattr__(name)

    def __getstate__(self: Any) -> list[Any]:
        own = names if type(self) is made else [f.name for f in fields(self)]  # (a subclass's too)
        return [getattr(self, name) for name in own]

    def __setstate__(self: Any, state: list[Any]) -> None:
        own = names if type(self) is made else [f.name for f in fields(self)]
        for name, value in zip(own, state, strict=False):  # (as dataclasses' own)
            object.__setattr__(self, name, value)

    for method in (__setattr__, __delattr__, __getstate__, __setstate__):
        _put(made, method)
    result: type[_T] = made
    return result


if TYPE_CHECKING:  # (type checkers see the dataclass it imitates, frozen checks and all)
    from dataclasses import dataclass as frozen_dataclass
else:

    def frozen_dataclass(**options: bool) -> Callable[[type[_T]], type[_T]]:
        """``@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)``: a
        frozen slotted dataclass made without compiling source (see :func:`_frozen`)."""
        return lambda cls: _frozen(cls, **options)

