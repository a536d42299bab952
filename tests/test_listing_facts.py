"""A listing's cards that state facts beside their links, under a mega-menu that outweighs them
(``items.OWN_TEXT_SHARE``), and the look-alike whose cards carry sentences."""

from __future__ import annotations

import re
from pathlib import Path

from newsclean.blocks.html import build_blocks
from newsclean.blocks.parse import parse_page
from newsclean.rules.items import ITEMS_PAGE_SHARE, item_run
from newsclean.rules.pipeline import Context

_PAGE = (
    Path(__file__).parent / "fixtures" / "html_regression" / "en-listing-fact-cards-beside-mega-menu" / "input.html"
).read_text(encoding="utf-8")


def _context(markup: str) -> Context:
    root, _ = parse_page(markup)
    assert root is not None
    blocks, containers = build_blocks(root)
    return Context(blocks=blocks, source_format="html", containers=containers)


def _card_share(ctx: Context, cards: frozenset[int]) -> float:
    inside = sum(len(b.text) for b in ctx.blocks if not cards.isdisjoint(b.containers))
    return inside / sum(len(b.text) for b in ctx.blocks)


def test_cards_of_facts_under_a_mega_menu_are_a_run() -> None:
    ctx = _context(_PAGE)
    run = item_run(ctx)
    assert run is not None
    parent, cards = run
    assert ctx.containers[parent].marker == "thumbs-grid" and len(cards) == 8
    assert _card_share(ctx, cards) < ITEMS_PAGE_SHARE  # the mega-menu outweighs the cards


def test_cards_that_carry_sentences_are_no_run() -> None:
    # the same grid with a reviewer's sentence in every card: teasers or comments, whose
    # sentences the region finder weighs itself; only half the page's text makes them a run
    note = '<div class="tile-note">Reviewed by our staff, who wrote that it drains well and looks fine on a sill.</div>'
    markup = re.sub(r'(<div class="tile-rating">[^<]*</div>)', lambda m: m.group(1) + note, _PAGE)
    assert markup.count("tile-note") == 8
    assert item_run(_context(markup)) is None
