"""What ``import newsclean`` and the first ``clean()`` of a fresh process pay for (issue #15):
the modules a plain ``clean()`` never uses stay unimported, and the internal value types are
plain classes (:mod:`newsclean.values`) that behave as the dataclasses they replaced."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError
from datetime import date

import pytest

import newsclean
from newsclean.blocks.model import Block, Container
from newsclean.document import Document, Link, Removal
from newsclean.meta.collect import Elements
from newsclean.meta.dates import Scan
from newsclean.rules.pipeline import Context, Mark, Region, RegionStep
from newsclean.structure import Anchor, Paragraph
from newsclean.values import FrozenValue

#: modules only some calls need: the CLI and batch glue, the extras, the renderers, the
#: explanation pages, text input's block builder, rules files' TOML reader
NOT_ON_IMPORT = (
    "newsclean.cli", "newsclean.cli_options", "newsclean.commands", "newsclean.batch",
    "newsclean.batch_cli", "newsclean.record", "newsclean.workers", "newsclean.warc",
    "newsclean.dask", "newsclean.ftr", "newsclean.markdown", "newsclean.html_render",
    "newsclean.explain", "newsclean.report", "newsclean.blocks.text", "tomllib", "tomli",
    "statistics", "multiprocessing", "argparse", "lxml.html",
)  # fmt: skip

#: the public types, which stay dataclasses (``dataclasses.fields`` and ``replace`` work on them)
PUBLIC_DATACLASSES = {
    "newsclean.document.Document", "newsclean.document.Link", "newsclean.document.Removal",
    "newsclean.config.Config", "newsclean.userrules.rulesfile.UserRules",
    "newsclean.userrules.rulesfile.Entry", "newsclean.rules.pipeline.Rule",
    "newsclean.rules.pipeline.Mark", "newsclean.decode.Decoded", "newsclean.structure.Anchor",
    "newsclean.structure.Heading", "newsclean.structure.Paragraph", "newsclean.structure.ListItem",
    "newsclean.structure.Cell", "newsclean.structure.Table", "newsclean.structure.Code",
    "newsclean.structure.Figure",
}  # fmt: skip

_PAGE = (
    "<html><head><title>T</title></head><body><article><p>"
    + "Words of a story. " * 20
    + "</p></article></body></html>"
)


def _fresh(code: str) -> str:
    # (a fresh interpreter: this one has imported everything long ago)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_import_leaves_out_what_a_plain_clean_never_uses() -> None:
    code = (
        "import sys, newsclean\n"
        f"newsclean.clean({_PAGE!r})\n"
        f"print(' '.join(m for m in {NOT_ON_IMPORT!r} if m in sys.modules))\n"
    )
    assert _fresh(code).split() == []


def test_the_public_names_stay() -> None:
    assert set(newsclean.__all__) == {
        "clean", "Config", "Document", "Link", "Removal", "NewscleanError", "ConfigError",
        "InputError", "InputTooLargeError", "InternalError", "RuleError", "__version__",
    }  # fmt: skip
    assert all(hasattr(newsclean, name) for name in newsclean.__all__)


def test_import_and_a_first_clean_make_only_the_public_dataclasses() -> None:
    code = (
        "import sys, newsclean\n"
        f"newsclean.clean({_PAGE!r})\n"
        "found = set()\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if name.startswith('newsclean'):\n"
        "        for value in vars(module).values():\n"
        "            if isinstance(value, type) and value.__module__ == name and '__dataclass_fields__' in vars(value):\n"
        "                found.add(name + '.' + value.__qualname__)\n"
        "print(' '.join(sorted(found)))\n"
    )
    assert set(_fresh(code).split()) == PUBLIC_DATACLASSES


def test_a_mutable_value_compares_by_its_fields_and_has_no_hash() -> None:
    a = Block("Text", 0, kind="p", links=(("x", None),))
    assert a == Block("Text", 0, kind="p", links=(("x", None),))
    assert a != Block("Text", 1, kind="p", links=(("x", None),))
    assert a != Container(0, "div", -1, 0, frozenset(), False)  # another class: never equal
    with pytest.raises(TypeError):
        hash(a)
    a.text = "Other"  # (mutable, as the dataclass was)
    assert a.text == "Other"
    assert repr(Block("a", 2)) == (
        "Block(text='a', index=2, kind='line', segments=(), link_chars=0, containers=(), links=(),"
        " heading_level=0, selected=())"
    )


def test_a_frozen_value_hashes_by_its_fields_and_cannot_change() -> None:
    region = Region(main=3, containers=frozenset({1, 3}))
    assert region == Region(3, frozenset({3, 1}))
    assert hash(region) == hash(Region(3, frozenset({1, 3})))
    assert region != Region(main=4, containers=frozenset({1, 3}))
    with pytest.raises(FrozenInstanceError):
        region.main = 4  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del region.main  # type: ignore[misc]
    assert repr(Scan(date(2020, 7, 8), ("am",))) == "Scan(value=datetime.date(2020, 7, 8), leftover=('am',))"


def test_a_region_step_is_equal_only_to_itself() -> None:
    def locate(ctx: Context) -> Region:
        return Region()

    step = RegionStep("x", "why", locate)
    assert step == step and step != RegionStep("x", "why", locate)
    assert len({step, RegionStep("x", "why", locate)}) == 2


def test_defaults_are_fresh_for_each_value() -> None:
    blocks = [Block("a", 0), Block("b", 1)]
    one, two = Context(blocks, "html"), Context(blocks, "html")
    assert one.decided == [None, None]  # one decision per block, as the dataclass's __post_init__
    one.tags.append("x")
    one.cache["k"] = 1
    assert two.tags == [] and two.cache == {} and one.datelines is not two.datelines
    first, second = Elements(), Elements()
    first.meta.append("m")
    assert second.meta == [] and second.containers is None


def test_the_public_types_stay_frozen_dataclasses_with_value_equality() -> None:
    link = Link("Story", "https://x.test/a")
    assert [f.name for f in dataclasses.fields(Link)] == ["text", "url"]
    assert link == Link("Story", "https://x.test/a") and link != Link("Story", None)
    assert hash(link) == hash(Link("Story", "https://x.test/a"))
    assert repr(link) == "Link(text='Story', url='https://x.test/a')"
    assert Paragraph("a", (Anchor(0, 1, "u"),)) == Paragraph("a", (Anchor(0, 1, "u"),))
    assert Paragraph("a") != Paragraph("b") and Mark(1) == Mark(1, "remove")
    with pytest.raises(FrozenInstanceError):
        link.url = None  # type: ignore[misc]
    doc = Document(title="T", paragraphs=("p",), removed=(Removal("x", "r", "f", "why"),))
    assert dataclasses.replace(doc, title="U").title == "U"
    assert pickle.loads(pickle.dumps(doc)) == doc  # (batch workers send documents this way)
    assert dataclasses.asdict(link) == {"text": "Story", "url": "https://x.test/a"}


def test_a_value_of_one_field_compares_as_a_tuple_of_one() -> None:
    class One(FrozenValue):
        __slots__ = ("a",)

        def __init__(self, a: object) -> None:
            self._set(a)

    assert One(1) == One(1) and One(1) != One(2)
    assert hash(One("x")) == hash(("x",))
    assert repr(One(None)) == "test_a_value_of_one_field_compares_as_a_tuple_of_one.<locals>.One(a=None)"
