"""Figures of the structure: which ``<img>`` the walk noted belong to the article, with their
captions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from newsclean.blocks.elements import Page
from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS
from newsclean.structure import IMAGE_SCHEMES, safe_url

#: An image whose ``width`` or ``height`` attribute is below this many pixels is an icon, a
#: bullet or a tracking pixel, not a picture of the article.
ICON_MAX_PX = 48
#: Images directly in these (outside a ``<figure>``) are icons: check marks in list items, flags
#: in headings.
_ICON_HOLDERS = frozenset({"li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"})
#: Where lazy-loading pages keep an image's real address while ``src`` holds a placeholder.
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src")


def _image_src(img: etree._Element, base: str | None) -> str | None:
    src = (img.get("src") or "").strip()
    if not src or src.startswith("data:"):
        src = next((v.strip() for name in _LAZY_SRC if (v := img.get(name)) and v.strip()), "")
    if not src:
        srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
        src = srcset.split(",")[0].split()[0] if srcset else ""
    for name in ("width", "height"):
        size = (img.get(name) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < ICON_MAX_PX:
            return None  # an icon, a bullet, a tracking pixel
    return safe_url(src, base, schemes=IMAGE_SCHEMES)


def _figure_of(page: Page, cid: int) -> int | None:
    """The ``<figure>`` container that holds container ``cid`` (or is it)."""
    containers = page.containers
    steps = 0
    while cid >= 0 and steps < 4:  # an image sits a picture or a link or two below its figure
        if containers[cid].tag == "figure":
            return cid
        cid = containers[cid].parent
        steps += 1
    return None


#: Concepts that make a container around an image page furniture. ``navigation`` is read from
#: the element alone (``_FURNITURE_TAGS``): its class words include ``caption`` and ``lightbox``,
#: which name the very figures that hold an article's pictures.
_IMAGE_BOILERPLATE = BOILERPLATE_CONCEPTS - {"navigation"}
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form"})


def _named_boilerplate(page: Page, cid: int) -> bool:
    """Whether the image's container or one of the few above it is boilerplate (an ad slot, a
    share bar, a related-stories box, a menu)."""
    containers = page.containers
    steps = 0
    while cid >= 0 and steps < 4:
        if containers[cid].concepts & _IMAGE_BOILERPLATE or containers[cid].tag in _FURNITURE_TAGS:
            return True
        cid = containers[cid].parent
        steps += 1
    return False


class Image(NamedTuple):
    block: int  # the image sits before this block …
    after: int  # … or, when 1, inside it after some of its text
    src: str
    alt: str
    figure: int | None  # the <figure> container it is in


def figure_captions(page: Page) -> dict[int, list[int]]:
    """The blocks of each figure's ``<figcaption>``, whatever the rules did with them: the body
    leaves captions out (rule ``figure-caption``), but a figure whose image is kept keeps its
    caption."""
    containers = page.containers
    figcaptions = {cid for cid, c in enumerate(containers) if c.tag == "figcaption"}
    captions: dict[int, list[int]] = {}
    if not figcaptions:
        return captions
    for i, block in enumerate(page.blocks):
        if figcaptions.isdisjoint(block.containers):
            continue
        caption = next(cid for cid in reversed(block.containers) if cid in figcaptions)
        parent = containers[caption].parent
        if parent >= 0 and containers[parent].tag == "figure":
            captions.setdefault(parent, []).append(i)
    return captions


def kept_images(
    page: Page, moved: Sequence[bool], captions: dict[int, list[int]], base: str | None
) -> list[Image]:
    """The article's images in reading order.

    An image is the article's when it sits inside a kept block, or when the block after it
    (past its own figure's caption) is kept and the block before it is kept too or moved into
    metadata (a lead image under the headline and byline). Images in containers that name
    themselves boilerplate, tracking pixels and images without a usable address are left out.
    """
    blocks, kept = page.blocks, page.kept
    caption_of = {i: fig for fig, indices in captions.items() for i in indices}
    found: list[tuple[int, int, int, Image]] = []
    for cid, container in enumerate(page.containers):
        if not container.images or _named_boilerplate(page, cid):
            continue
        figure = _figure_of(page, cid)
        if figure is None and container.tag in _ICON_HOLDERS:
            continue
        for ref in container.images:
            n = ref.block
            if ref.inline and figure is None:
                keep = n < len(blocks) and kept[n]
            else:
                after, before = n, n - 1
                while after < len(blocks) and figure is not None and caption_of.get(after) == figure:
                    after += 1
                while before >= 0 and figure is not None and caption_of.get(before) == figure:
                    before -= 1
                keep = after < len(blocks) and kept[after] and (before < 0 or kept[before] or moved[before])
            src = _image_src(ref.element, base) if keep else None
            if src:
                alt = " ".join((ref.element.get("alt") or "").split())
                found.append((n, int(ref.inline), cid, Image(n, int(ref.inline), src, alt, figure)))
    found.sort(key=lambda item: item[:3])
    return [image for *_, image in found]
