"""The public types write their own ``__init__`` and take ``__repr__``, ``__eq__`` and
``__hash__`` from :func:`newsclean.records.record` instead of compiling them at import (issue
#15): each must behave as the dataclass made the usual way from the same fields."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import MISSING, FrozenInstanceError
from typing import Any

import pytest

from newsclean.config import Config
from newsclean.document import Document, Link, Removal
from newsclean.errors import ConfigError
from newsclean.rules.pipeline import Mark, Rule
from newsclean.structure import Anchor, Cell, Code, Figure, Heading, ListItem, Paragraph, Table
from newsclean.userrules.rulesfile import Entry, UserRules

#: every public type and whether it compares by its fields (``Rule`` compares by identity)
PUBLIC: dict[type, bool] = {
    Document: True, Link: True, Removal: True, Config: True, UserRules: True, Entry: True,
    Rule: False, Mark: True, Anchor: True, Heading: True, Paragraph: True,
    ListItem: True, Cell: True, Table: True, Code: True, Figure: True,
}  # fmt: skip


def _usual(cls: type) -> Any:
    """The dataclass ``@dataclass(frozen=True, slots=True)`` makes of ``cls``'s fields."""
    namespace: dict[str, Any] = {
        "__annotations__": {f.name: f.type for f in dataclasses.fields(cls)},
        "__qualname__": cls.__qualname__,
        "__module__": cls.__module__,
    }
    for f in dataclasses.fields(cls):
        if f.default is not MISSING:
            namespace[f.name] = f.default
    if hasattr(cls, "__post_init__"):
        namespace["__post_init__"] = cls.__post_init__
    return dataclasses.dataclass(frozen=True, slots=True, eq=PUBLIC[cls])(type(cls.__name__, (), namespace))


def _values(cls: type, mark: str = "") -> dict[str, Any]:
    # (a value of its own for every field, so that a field set in the wrong slot shows)
    if cls is Config:  # (values its checks accept)
        return {
            "disabled_rules": frozenset({"menu-line"} if mark else ()), "max_input_bytes": 7 + len(mark),
            "regex_timeout": 0.25 + len(mark), "guard_ratio": 0.5 - 0.1 * len(mark),
            "min_body_chars": 3 + len(mark), "now": None, "rules": UserRules(),
            "site_profiles": not mark, "profile_dirs": (f"folder{mark}",), "extra_rules": (),
        }  # fmt: skip
    return {f.name: f"{f.name}{mark}" for f in dataclasses.fields(cls)}


def _signature(cls: type) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(cls).parameters.values()]


@pytest.mark.parametrize("cls", list(PUBLIC), ids=lambda c: c.__name__)
def test_a_public_type_behaves_as_the_usual_dataclass_of_its_fields(cls: type) -> None:
    usual = _usual(cls)
    assert _signature(cls) == _signature(usual)  # names, order, defaults
    value, same, other = cls(**_values(cls)), cls(**_values(cls)), cls(**_values(cls, "!"))
    assert repr(value) == repr(usual(**_values(cls)))
    assert dataclasses.asdict(value) == dataclasses.asdict(usual(**_values(cls)))
    if PUBLIC[cls]:
        assert value == same and hash(value) == hash(usual(**_values(cls)))
    else:
        assert value != same and value == value
    assert value != other and value != usual(**_values(cls))
    assert dataclasses.replace(value, **_values(cls, "!")) == other or not PUBLIC[cls]
    assert pickle.loads(pickle.dumps(value)) == value or not PUBLIC[cls]
    field = dataclasses.fields(cls)[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(value, field, None)
    with pytest.raises(FrozenInstanceError):
        delattr(value, field)


def test_config_still_checks_its_fields() -> None:
    with pytest.raises(ConfigError):
        Config(disabled_rules="menu")  # (one string, not a collection of names)
    assert Config(profile_dirs=["a"]).profile_dirs == ("a",)  # (made a tuple, as before)


def test_a_change_in_one_field_only_is_seen() -> None:
    # (each field takes part in equality and the hash, not only the first)
    for f in dataclasses.fields(Document):
        one = Document(**{f.name: ("x",)})  # type: ignore[arg-type]
        assert one != Document() and hash(one) != hash(Document()), f.name


def test_no_public_type_compiles_its_methods() -> None:
    # a method ``dataclasses`` writes is compiled from source text at import: "<string>"
    for cls, by_fields in PUBLIC.items():
        names = ["__init__", "__repr__", "__setattr__", "__delattr__"]
        for name in names + (["__eq__", "__hash__"] if by_fields else []):
            assert getattr(cls, name).__code__.co_filename != "<string>", (cls.__name__, name)
        assert (cls.__eq__ is object.__eq__) == (not by_fields)


@pytest.mark.parametrize("cls", list(PUBLIC), ids=lambda c: c.__name__)
def test_a_public_type_is_frozen_for_dataclasses_copy_and_pickle(cls: type) -> None:
    value, usual = cls(**_values(cls)), _usual(cls)(**_values(cls))
    assert cls.__dataclass_params__.frozen and dataclasses.is_dataclass(cls)  # type: ignore[attr-defined]
    assert value.__getstate__() == usual.__getstate__()  # (the same pickled state as before)
    with pytest.raises(TypeError, match="non-frozen"):  # (a subclass must be frozen too)
        dataclasses.dataclass(type("Sub", (cls,), {"__annotations__": {"more": "int"}, "more": 0}))
    for twin in (copy.copy(value), copy.deepcopy(value)):
        assert repr(twin) == repr(value)


def test_another_attribute_is_refused_as_frozen() -> None:
    # (the check the dataclass writes: any attribute of an instance of the type itself; the
    # generated method's own ``super()`` named the class before ``slots=True`` rebuilt it, so
    # a name that is no field raised TypeError there, on Python 3.11)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'other'"):
        Link("a").other = 1  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'other'"):
        del Link("a").other  # type: ignore[attr-defined]


def test_only_the_imitated_options_are_taken() -> None:
    from newsclean.records import frozen_dataclass

    with pytest.raises(TypeError):
        frozen_dataclass(frozen=True, slots=True)(type("Other", (), {}))


@dataclasses.dataclass(frozen=True)
class _TaggedLink(Link):
    """A user's frozen subclass with a field of its own (session 12 review)."""

    rel: str = "nofollow"


def test_a_frozen_subclass_keeps_its_own_fields_through_pickle_and_copy() -> None:
    tagged = _TaggedLink("a", "https://example.org/", "sponsored")
    for again in (pickle.loads(pickle.dumps(tagged)), copy.copy(tagged), copy.deepcopy(tagged)):
        assert again == tagged and again.rel == "sponsored"


def test_a_record_that_holds_itself_shows_dots_as_the_dataclass_does() -> None:
    holder: list[Any] = []
    mark = Mark(0, "date", value=holder)
    holder.append(mark)
    assert repr(mark) == "Mark(index=0, action='date', value=[...], pieces=())"


def test_the_methods_live_in_the_types_module_and_pickle_by_reference() -> None:
    for method in (Document.__repr__, Document.__eq__, Document.__hash__, Link.__setattr__):
        assert method.__module__ == "newsclean.document"
        assert pickle.loads(pickle.dumps(method)) is method


def test_the_dataclass_flags_say_what_the_type_is() -> None:
    params = Document.__dataclass_params__  # type: ignore[attr-defined]
    assert (params.init, params.repr, params.eq, params.frozen) == (True, True, True, True)
