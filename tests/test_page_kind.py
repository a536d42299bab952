"""The content area of pages that are not one article (rules/page_kind.py): when the region is
widened to it, and the teaser snippets that never count for widening."""

from __future__ import annotations

from pathlib import Path

import newsclean
from newsclean.blocks.html import build_blocks
from newsclean.blocks.parse import parse_page
from newsclean.rules.items import item_run, listing_under_comments
from newsclean.rules.page_kind import content_area, teaser_blocks
from newsclean.rules.pipeline import Context

_STORY = (
    "<p>The council voted on Tuesday to close the old swimming baths on Mill Street at the end of "
    "the summer, after engineers found the roof beams had rotted through in several places.</p>"
    "<p>Campaigners who have fought to keep the baths open for a decade said they would ask the "
    "courts to review the decision before the closure date in September.</p>"
    "<p>A new leisure centre on the edge of town is due to open in two years, the council said, "
    "although the building work has not yet been put out to tender.</p>"
    "<p>Swimming clubs that train at the baths have been offered lane time at a school pool in the "
    "meantime, though only on weekday evenings and never at weekends.</p>"
)


def _context(markup: str) -> Context:
    root, _ = parse_page(markup)
    assert root is not None
    blocks, containers = build_blocks(root)
    return Context(blocks=blocks, source_format="html", containers=containers)


def test_teaser_snippets_beside_a_linked_headline() -> None:
    ctx = _context(
        "<html><body><ul>"
        "<li><h3><a href='/a'>Flood barriers raised along the river again</a></h3>"
        "<p>Crews worked through the night as the water rose.</p></li>"
        "<li><h3><a href='/b'>New bus timetable starts in the spring</a></h3>"
        "<p>Fewer buses will run on Sundays under the plan.</p></li>"
        "</ul><div class='card'><h3>Pure water poles</h3><p>We reach the fourth floor from the ground.</p>"
        "<a href='/more'>Learn more</a></div></body></html>"
    )
    texts = {ctx.blocks[i].text for i in teaser_blocks(ctx)}
    assert texts == {
        "Crews worked through the night as the water rose.",
        "Fewer buses will run on Sundays under the plan.",
    }  # the card's "Learn more" is no headline: its text is no teaser


def test_teaser_headline_and_snippet_in_one_block() -> None:
    ctx = _context(
        "<html><body><ul><li><a href='/x'>Council closes the old swimming baths</a> LEEDS: The council "
        "voted on Tuesday to close the baths.</li><li><a href='/y'>Pool</a> A short word opens this one.</li>"
        "</ul></body></html>"
    )
    assert [ctx.blocks[i].text for i in teaser_blocks(ctx)] == [
        "Council closes the old swimming baths LEEDS: The council voted on Tuesday to close the baths."
    ]


def test_region_widens_to_the_sections_of_a_product_page() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav><div class='page'>"
        "<div class='intro'><h1>Oak bench</h1><p>A solid oak garden bench made by hand in our "
        "workshop, oiled three times and ready for every kind of weather.</p></div>"
        "<div class='specs'><h2>Specifications</h2><ul><li>Width: 150 cm</li><li>Depth: 60 cm</li>"
        "<li>Weight: 32 kg</li><li>Finish: Danish oil</li></ul></div>"
        "<div class='care'><h2>Care</h2><p>Oil once a year.</p><p>Store under cover in winter.</p></div>"
        "<div class='delivery'><h2>Delivery</h2><p>Two-person delivery to your garden, free on orders "
        "over 500 pounds, and we take the packaging away with us.</p></div>"
        "</div><footer><a href='/terms'>Terms</a></footer></body></html>"
    )
    doc = newsclean.clean(page)
    for kept in ("Width: 150 cm", "Finish: Danish oil", "Oil once a year.", "Specifications", "Two-person"):
        assert kept in doc.body
    assert "Terms" not in doc.body and "Shop" not in doc.body


def test_region_stays_on_a_story_with_a_teaser_list_beside_it() -> None:
    teasers = "".join(
        f"<div class='item'><h3><a href='/s{i}'>Another story from the town about item {i} today</a></h3>"
        f"<p>A snippet of that other story, long enough to read like a sentence of prose, number {i}."
        " It goes on for a second sentence.</p></div>"
        for i in range(8)
    )
    page = (
        f"<html><body><div class='wrap'><div class='story'>{_STORY}</div>"
        f"<div class='more'>{teasers}</div></div></body></html>"
    )
    doc = newsclean.clean(page)
    assert "roof beams" in doc.body and "weekday evenings" in doc.body
    assert "A snippet of that other story" not in doc.body


def test_a_second_copy_of_the_story_adds_no_content() -> None:
    # the same story laid out twice, for phones and for desktops: no reason to widen
    other = _STORY.replace("council", "committee").replace("baths", "lido")
    for second, widens in ((_STORY, False), (other, True)):
        ctx = _context(
            f"<html><body><div class='page'><div class='a'>{_STORY}</div>"
            f"<div class='b'><div class='inner'>{second}</div></div></div></body></html>"
        )
        core = ctx.blocks[0].containers[-2]  # the div around the first copy's paragraphs
        assert ctx.containers[core].tag == "div"
        area = content_area(ctx, core, frozenset({core}))
        assert (area is not None) is widens


def test_thread_page_keeps_every_post_not_just_the_longest() -> None:
    posts = (
        "After the last update my laptop no longer wakes from sleep when I open the lid. I have to hold "
        "the power button down until it restarts, and whatever I had open is lost.",
        "Same here since Tuesday. Rolling back the graphics driver fixed it for me, so it is probably that "
        "and not the update itself. Device manager, display adapters, roll back driver.",
        "Thanks, rolling back the driver worked. I will wait for the next release before updating again, "
        "and I have switched off automatic driver updates for now.",
        "Note that the next big update may put the new driver back. Pausing updates for a few weeks is the "
        "safer way until the maker has fixed it properly.",
        "The maker has posted a fixed driver this morning. I installed it and the laptop has woken from "
        "sleep every time since, with the lid and with the keyboard.",
        "Confirmed on a second machine here: the fixed driver from this morning solves it, and the battery "
        "no longer drains overnight while the laptop is asleep either.",
    )
    thread = "".join(
        f"<article class='comment post'><div class='post-main'><div class='post-inner'><h4>user{i}</h4>"
        f"<div class='post-body'><p>{text}</p></div></div></div></article>"
        for i, text in enumerate(posts)
    )
    page = (
        "<html><body><nav><a href='/'>Forums</a> <a href='/new'>New posts</a></nav>"
        "<div class='notice'><p>This thread is a wiki post: any member can edit the first post to keep the "
        "answer current. The history of every edit is kept, and it can be read by every member and by guests "
        "who have not yet registered.</p></div>"
        f"<div class='thread'><h1>Laptop will not wake from sleep</h1>{thread}</div></body></html>"
    )
    doc = newsclean.clean(page)
    for text in posts:
        assert text in doc.body
    assert "wiki post" not in doc.body


def test_a_core_in_the_page_footer_gives_way_to_the_content() -> None:
    legal = " ".join(
        f"Clause {n}. These terms apply to every purchase made through the shop and its apps, and they "
        "govern returns, refunds, warranties and the use of the accounts our customers open with us."
        for n in range(1, 4)
    )
    ctx = _context(
        "<html><body><main><div class='product'><h1>Oak bench</h1><p>Made by hand from solid oak.</p>"
        "<ul><li>Width: 150 cm</li><li>Depth: 60 cm</li><li>Weight: 32 kg</li></ul>"
        "<h2>Care</h2><p>Oil it once a year and keep it under cover in winter.</p></div></main>"
        f"<footer><div class='legal'><div class='terms'><p>{legal}</p></div></div></footer></body></html>"
    )
    core = next(b for b in ctx.blocks if b.text.startswith("Clause 1.")).containers[-2]  # div.terms
    assert ctx.containers[core].tag == "div"
    area = content_area(ctx, core, frozenset({core}))
    assert area is not None and ctx.containers[area].tag in {"main", "div"}
    assert any(b.text == "Width: 150 cm" and area in b.containers for b in ctx.blocks)


def test_question_and_answers_with_comment_threads_between_them() -> None:
    def comments(topic: str) -> str:
        return "<ul class='comments'>" + "".join(
            f"<li class='comment'>Comment {n} on the {topic}: this is worth adding to the answer itself, "
            "since people searching later will not read down this far.</li>"
            for n in range(1, 4)
        ) + "</ul>"

    page = (
        "<html><body><div class='qa'>"
        "<div class='question'><h1>Why does my bread sink in the middle?</h1><p>Every loaf I bake rises "
        "well in the oven and then sinks in the middle as it cools. I use a standard white recipe.</p></div>"
        "<div class='answer'><div class='answer-body'><p>A loaf that sinks as it cools was usually proved "
        "for too long: the gluten is stretched to its limit before baking, so it cannot hold the gas once "
        "the oven spring is over. Shorten the second rise by a third and bake when a floured finger leaves "
        "a dent that springs back slowly. Too much yeast does the same, so check the amount as well.</p>"
        f"</div>{comments('first answer')}</div>"
        "<div class='answer'><div class='answer-body'><p>Also check that the loaf is baked through: an "
        "underbaked centre collapses as steam leaves it. Tap the bottom, or bake until the middle reaches "
        "96 degrees.</p></div>"
        f"{comments('second answer')}</div>"
        "</div></body></html>"
    )
    ctx = _context(page)
    core = next(b for b in ctx.blocks if b.text.startswith("A loaf that sinks")).containers[-2]
    assert ctx.containers[core].tag == "div"  # the first answer's body: the longest prose
    area = content_area(ctx, core, frozenset({core}))
    assert area is not None and ctx.containers[area].tag == "div"
    inside = [b.text for b in ctx.blocks if area in b.containers]
    assert any(t.startswith("Every loaf I bake") for t in inside)  # the question
    assert any(t.startswith("Also check") for t in inside)  # the second answer
    doc = newsclean.clean(page)
    assert "Comment 1 on the first answer" not in doc.body


def test_a_smaller_addition_widens_when_it_brings_subheadings() -> None:
    # the core holds _STORY (636 characters); the section beside it adds 173 more (1.27 times in all)
    extra = (
        "<p>Lane swimming continues at the school pool on weekday evenings from six until nine.</p>"
        "<p>Season tickets bought for the baths will be refunded in full at the town hall desk.</p>"
    )
    for heading, widens in (("<h2>While the baths are closed</h2>", True), ("", False)):
        ctx = _context(
            f"<html><body><div class='page'><div class='a'>{_STORY}</div>"
            f"<div class='b'>{heading}{extra}</div></div></body></html>"
        )
        core = ctx.blocks[0].containers[-2]
        area = content_area(ctx, core, frozenset({core}))
        assert (area is not None) is widens


def _post(text: str) -> str:
    return (
        "<article class='message'><header class='message-header'><a href='/m'>poster</a></header>"
        f"<div class='message-content'><div class='bb-wrapper'>{text}</div></div></article>"
    )


_OPENING = (
    "My hatchback came with halogen tail lights and I would like to fit the LED units from the "
    "later model. The plugs look the same, but the later model has an extra wire on the loom. "
    "Has anyone done this swap, and does the car throw a bulb warning afterwards?"
)
_REPLIES = (
    "I did this swap last spring. The plug is the same, but the later units need the extra wire.",
    "Ready-made jumpers clip in behind the trim panel, and there is no bulb warning after that.",
    "Check the part number on the housing first: only one of the two later units fits as it is.",
)


def test_replies_drawn_like_the_opening_post_join_it() -> None:
    # the opening post apart, the replies in a container named as comments, one post template
    page = (
        f"<html><body><div class='p-body'><div class='opening'><div class='block'>{_post(_OPENING)}"
        f"</div></div><div class='replies'><div class='block'>{''.join(_post(r) for r in _REPLIES)}"
        "</div></div></div></body></html>"
    )
    body = newsclean.clean(page).body
    assert _OPENING in body and all(reply in body for reply in _REPLIES)


def test_comments_drawn_otherwise_stay_out() -> None:
    # QUIET: the same posts under a story body drawn with other elements (sections, paragraphs)
    page = (
        f"<html><body><div class='p-body'><section class='story'><div><p>{_OPENING}</p></div></section>"
        f"<div class='replies'><div class='block'>{''.join(_post(r) for r in _REPLIES)}"
        "</div></div></div></body></html>"
    )
    body = newsclean.clean(page).body
    assert _OPENING in body and not any(reply in body for reply in _REPLIES)


def test_a_plain_div_shape_names_no_post_template() -> None:
    # QUIET: story paragraphs and comments both in nested divs: a shared shape of div and p says
    # nothing about a template
    def plain(text: str) -> str:
        return (
            "<div class='c'><div class='inner'><div class='author'><a href='/m'>poster</a></div>"
            f"<div class='text'><p>{text}</p></div></div></div>"
        )

    page = (
        f"<html><body><div class='p-body'><div class='opening'><div class='block'>{plain(_OPENING)}"
        f"</div></div><div class='replies'><div class='block'>{''.join(plain(r) for r in _REPLIES)}"
        "</div></div></div></body></html>"
    )
    body = newsclean.clean(page).body
    assert _OPENING in body and not any(reply in body for reply in _REPLIES)


_THREAD_REPLIES = tuple(
    f"Reply {n}: we batch-cook a big pot of lentil soup on Sundays and it lasts us until Wednesday, "
    "with bread from the reduced shelf it comes to very little a portion."
    for n in range(1, 25)
)


def _thread_page(before: str) -> str:
    replies = "".join(f"<div class='reply'><div class='reply-body'><p>{r}</p></div></div>" for r in _THREAD_REPLIES)
    return (
        f"<html><body>{before}<div class='thread'><p>Please create an account or log in to use all "
        "the features of the forum.</p><div class='op'><p>I need to cut our monthly food bill, and the "
        "easiest way is by eating cheaper meals. What are your favourite lowish-cost family meals that "
        f"everyone still eats?</p></div>{replies}</div></body></html>"
    )


def test_posts_under_a_notice_are_the_thread_content() -> None:
    # a notice and the opening post (outside the reply containers) open the thread's container:
    # the replies are still the page's content
    body = newsclean.clean(_thread_page("")).body
    assert "favourite lowish-cost family meals" in body
    assert all(reply in body for reply in _THREAD_REPLIES)


def test_comments_after_a_story_outside_the_thread_stay_out() -> None:
    # QUIET: a story's worth of prose before the thread's container, outside it: a story and its
    # readers' comments
    story = f"<div class='story'>{_STORY}</div>"
    body = newsclean.clean(_thread_page(story)).body
    assert not any(reply in body for reply in _THREAD_REPLIES)


def _in_comments(ctx: Context) -> list[bool]:
    flags: list[bool] = []
    for container in ctx.containers:
        parent = container.parent
        flags.append("comments" in container.concepts or (parent >= 0 and flags[parent]))
    return flags


_FIXTURES = Path(__file__).parent / "fixtures" / "html_regression"


def test_a_list_its_readers_discuss_is_the_region() -> None:
    # eight ranked rows outside the comment list, which holds all the page's prose
    ctx = _context((_FIXTURES / "en-list-discussed-by-readers" / "input.html").read_text(encoding="utf-8"))
    found = listing_under_comments(ctx, _in_comments(ctx))
    assert found is not None
    main, chosen, cards = found
    assert ctx.containers[main].tag == "table" and chosen == frozenset({main}) and len(cards) == 8


def test_a_forums_posts_drawn_alike_are_no_listing() -> None:
    # seven replies drawn alike, each with its poster's link: a run of cards, but inside the
    # container named as comments, so the page stays a thread
    ctx = _context(
        (_FIXTURES / "en-forum-replies-drawn-alike-stay-thread" / "input.html").read_text(encoding="utf-8")
    )
    run = item_run(ctx)
    assert run is not None and len(run[1]) == 7  # the run exists …
    assert listing_under_comments(ctx, _in_comments(ctx)) is None  # … and is the posts
