"""Per-rule tests on tiny inputs: each rule fires where it should and stays quiet where it must not.

Each case is data: a small page, the rule, and the text it must (or must not) remove.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.rules import RULE_NAMES, RULES

PROSE = (
    "The council approved the new budget on Tuesday after a long debate about the cost of repairs.\n"
    "Officials said the work on the bridge would begin in the spring and last about eighteen months.\n"
    "Residents who spoke at the meeting asked for more buses while the bridge is closed to traffic.\n"
)

#: A consent notice longer than the short-prompt limit: recognised by how it opens.
COOKIE_NOTICE = (
    "This website uses cookies to improve your experience while you navigate through the "
    "website. Out of these, the cookies that are categorized as necessary are stored on your "
    "browser as they are essential for the working of basic functionalities of the website. "
    "We also use third-party cookies that help us analyze and understand how you use this "
    "website."
)
#: A paragraph reporting on such a notice: the cookie phrase comes late, not as its opening.
COOKIE_REPORT = (
    "Publishers that track readers must ask first, the court said, and a notice on a news "
    "site that merely states that this website uses cookies to improve the experience of its "
    "visitors does not count as consent under the law, because readers cannot refuse the "
    "tracking at all."
)


def text_page(before: str = "", after: str = "") -> str:
    return f"{before}\n{PROSE}{after}\n"


def html_page(article: str, outside: str = "") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in PROSE.strip().splitlines())
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Budget approved</title></head><body>"
        f"{outside}<article>{paragraphs}{article}</article></body></html>"
    )


#: An agency's caption, longer than the widget phrases look (PROMPT_MAX_CHARS).
WIRE_CAPTION = (
    "Workers repair the old bridge over the river in Riverton, Tuesday, March 5, 2024. The bridge, "
    "closed to cars since the autumn, will reopen to traffic in the summer once the new deck is laid, "
    "the city said, and buses will return to the route a week later. (AP Photo/Lee Morgan)"
)

# (rule, input, text the rule must remove)
FIRES = [
    ("widget-label", text_page("Listen Live"), "Listen Live"),
    ("widget-label", text_page("Print this article"), "Print this article"),
    ("widget-label", text_page("Photo: Reuters"), "Photo: Reuters"),
    ("widget-label", text_page("Artikel anhören"), "Artikel anhören"),
    ("share-label", text_page("Share on WhatsApp"), "Share on WhatsApp"),
    ("share-label", text_page("Поделиться"), "Поделиться"),
    ("share-label", text_page(after="Facebook Twitter Email LinkedIn"), "Facebook Twitter Email LinkedIn"),
    ("subscribe-prompt", text_page(after="Sign up for our daily newsletter!"), "Sign up for our daily newsletter!"),
    ("subscribe-prompt", text_page(after="Abonnieren Sie unseren Newsletter"), "Abonnieren Sie unseren Newsletter"),
    ("subscribe-prompt",
     text_page(after="Thanks for reading! Subscribe for free to receive new posts and support my work."),
     "Thanks for reading! Subscribe for free to receive new posts and support my work."),
    ("subscribe-prompt", text_page(after="Subscribe to WIRED and stay smart with more of your favorite writers."),
     "Subscribe to WIRED and stay smart with more of your favorite writers."),
    ("subscribe-prompt",
     text_page(after="Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings."),
     "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings."),
    ("subscribe-prompt", text_page(after="The latest from Restaurant Business, sent straight to your inbox."),
     "The latest from Restaurant Business, sent straight to your inbox."),
    ("subscribe-prompt",
     "市政府周二批准了新的预算方案，桥梁维修工程将于明年春天开始，预计持续十八个月。\n"
     "居民在会上要求在桥梁关闭期间增加公交班次，官员表示将认真研究这一建议。\n关注我们的微信公众号\n",
     "关注我们的微信公众号"),
    ("comments-label", text_page(after="12 comments"), "12 comments"),
    ("comments-label", text_page(after="Kommentare"), "Kommentare"),
    ("comments-label", text_page(after="{ 21 comments… read them below or add one }"),
     "{ 21 comments… read them below or add one }"),
    ("comments-label", text_page(after="125 Comments Add A Comment"), "125 Comments Add A Comment"),
    ("comments-label", text_page(after="Posted in Bridges, City Hall | 1 Comment »"),
     "Posted in Bridges, City Hall | 1 Comment »"),
    ("ad-label", text_page("Advertisement"), "Advertisement"),
    ("ad-label", text_page("Advert"), "Advert"),
    ("widget-label", text_page(after="Crowds gathered outside the town hall on Monday (Image: Getty)"),
     "Crowds gathered outside the town hall on Monday (Image: Getty)"),
    ("widget-label", text_page(after="This slideshow requires JavaScript."), "This slideshow requires JavaScript."),
    ("widget-label",
     text_page(after="Man Ray, Meret Oppenheim, 1931. Vintage gelatin silver print – 11.4 × 8.3 cm. Courtesy the artist."),
     "Man Ray, Meret Oppenheim, 1931. Vintage gelatin silver print – 11.4 × 8.3 cm. Courtesy the artist."),
    ("widget-label", text_page(after="Image caption Scooter Braun has managed several singers throughout his career"),
     "Image caption Scooter Braun has managed several singers throughout his career"),
    ("widget-label",
     text_page(after="Traders work on the floor at the New York Stock Exchange. REUTERS/Brendan McDermid"),
     "Traders work on the floor at the New York Stock Exchange. REUTERS/Brendan McDermid"),
    ("widget-label", text_page(after="A worker loads trims into his truck in Hialeah, Fla. (AP Photo/Alan Diaz, File)"),
     "A worker loads trims into his truck in Hialeah, Fla. (AP Photo/Alan Diaz, File)"),
    ("widget-label", text_page(after="Firefighters at the scene on Main Street on Monday. Getty Images"),
     "Firefighters at the scene on Main Street on Monday. Getty Images"),
    ("widget-label", text_page(after="Protesters outside parliament in Madrid (Juan Ortega/AFP)"),
     "Protesters outside parliament in Madrid (Juan Ortega/AFP)"),
    ("comments-label", text_page(after="Tell us what you think..."), "Tell us what you think..."),
    ("comments-label",
     text_page(after="Your email address will not be published. Required fields are marked *"),
     "Your email address will not be published. Required fields are marked *"),
    ("comments-label",
     text_page(after="Save my name, email, and website in this browser for the next time I comment."),
     "Save my name, email, and website in this browser for the next time I comment."),
    ("comments-label",
     text_page(after="This site uses Akismet to reduce spam. Learn how your comment data is processed."),
     "This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    ("ad-label", text_page("Publicidad"), "Publicidad"),
    ("cookie-notice", text_page("We use cookies to improve your experience."), "We use cookies to improve your experience."),
    ("cookie-notice", text_page(after=COOKIE_NOTICE), COOKIE_NOTICE),
    ("navigation-label", text_page(after="© 2024 Example Media. All rights reserved."), "© 2024 Example Media. All rights reserved."),
    ("navigation-label", text_page("Startseite"), "Startseite"),
    ("menu-line", text_page(after="Terms of Use | Privacy Policy | Contact"), "Terms of Use | Privacy Policy | Contact"),
    ("comment-header",
     text_page(after="3 responses\njoetoronto says:\nNot again, this bridge has been closed for years now.\n"
                     "Maria K. on May 3, 2021 at 6:34 am said:\nThe buses are already full every morning.\n"
                     "bridgefan wrote:\nI will believe it when the work actually starts next spring."),
     "joetoronto says:"),
    ("comment-header",
     text_page(after="3 responses\njoetoronto says:\nNot again, this bridge has been closed for years now.\n"
                     "Maria K. on May 3, 2021 at 6:34 am said:\nThe buses are already full every morning.\n"
                     "bridgefan wrote:\nI will believe it when the work actually starts next spring.\nReply"),
     "The buses are already full every morning."),
    ("dateline", text_page("Published 5 March 2021, 14:20 CET"), "Published 5 March 2021, 14:20 CET"),
    ("dateline", text_page("Last updated:\n5 March 2021"), "Last updated:"),  # the label goes with its date
    ("tag-line", text_page(after="Tags: budget, bridge, council"), "Tags: budget, bridge, council"),
    ("tag-list", text_page(after="budget, bridge, council, transport, city hall"), "budget, bridge, council, transport, city hall"),
    ("related-header", text_page(after="Read more\nBridge closure: what drivers need to know"), "Read more"),
    ("related-header", text_page(after="Related Posts\nBridge closure: what drivers need to know"), "Related Posts"),
    ("related-header", text_page(after="Related Tags\nBridge repairs\nCity council"), "Related Tags"),
    ("related-header", text_page(after="Ähnliche Beiträge\nBrückensperrung: Was Autofahrer wissen müssen"),
     "Ähnliche Beiträge"),
    ("related-header",
     text_page(after="READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing hospital"),
     "READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing hospital"),
    ("related-headlines", text_page(after="Bus lanes planned for the old town\nMayor defends cost of new stadium"),
     "Bus lanes planned for the old town"),
    ("alt-text", text_page(after="The old bridge at dusk last week.\nThe old bridge at dusk last week.Credit...J. Roe"),
     "The old bridge at dusk last week."),
    ("caption-line", text_page(after=WIRE_CAPTION), WIRE_CAPTION),
    ("outside-article", text_page("Edition Europe"), "Edition Europe"),
    ("title-line", text_page("Council approves budget for bridge repairs"), "Council approves budget for bridge repairs"),
    ("share-markup", html_page("<div class='share-bar'><span>Facebook X Mail</span></div>"), "Facebook X Mail"),
    ("related-markup", html_page("<aside class='related-stories'><a href='/x'>Other story about roads</a></aside>"),
     "Other story about roads"),
    ("comments-markup", html_page("<section id='comments'><p>Great article, thanks for writing it all up.</p></section>"),
     "Great article, thanks for writing it all up."),
    ("ads-markup", html_page("<div class='ad-slot'>Buy the best shoes today at low prices</div>"),
     "Buy the best shoes today at low prices"),
    ("cookie-markup", html_page("", "<div id='consent-notice'>This site stores data on your device</div>"),
     "This site stores data on your device"),
    ("subscribe-markup", html_page("<div class='newsletter-box'>Get the morning briefing every day</div>"),
     "Get the morning briefing every day"),
    ("navigation-markup", html_page("", "<nav><ul><li>Home</li><li>Local news</li></ul></nav>"), "Local news"),
    ("related-box", html_page(
        "<p>Also on the Gazette:</p><div class='gallery'><ul>"
        "<li><p>Crews lift the first beam of the new bridge deck into place on a cold morning.</p></li>"
        "<li><p>Buses queue at the temporary stop on the east bank while the bridge is shut.</p></li>"
        "<li><p>The old deck is cut into sections and taken away by barge down the river.</p></li>"
        "</ul></div>"),
     "Buses queue at the temporary stop on the east bank while the bridge is shut."),
    ("author-box", html_page(
        "<div class='writer'><h4>About <a href='/writers/ann-lee'>Ann Lee</a></h4>"
        "<p>Ann Lee covers the council and transport for the paper and has lived in the town since 2009.</p></div>"),
     "Ann Lee covers the council and transport for the paper and has lived in the town since 2009."),
    ("author-box", html_page(
        "<div class='writer'><p>Ann Lee is a senior reporter at the Gazette who covers the council, "
        "its budget and the town's roads and bridges.</p></div>"),
     "Ann Lee is a senior reporter at the Gazette who covers the council, its budget and the town's roads and bridges."),
    ("link-list", html_page("<p><a href='/a'>Bridge</a> <a href='/b'>Budget</a> <a href='/c'>Buses</a></p>"),
     "Bridge Budget Buses"),
    ("figure-caption",
     html_page("<figure><img src='b.jpg'><figcaption>The old bridge at dusk. Photo: J. Roe</figcaption></figure>"),
     "The old bridge at dusk. Photo: J. Roe"),
    ("trailing-heading",
     html_page("<h2>More from the city desk</h2><div class='related-links'><a href='/a'>Tram fares rise</a></div>"),
     "More from the city desk"),
    # a reply quoting part of a paragraph the page shows already, outside the reply
    ("quoted-copy", html_page(
        "<div class='message'><blockquote><p>the work on the bridge would begin in the spring and last about "
        "eighteen months</p></blockquote><p>Eighteen months is far too long for the buses.</p></div>"),
     "the work on the bridge would begin in the spring and last about eighteen months"),
]

# (rule, input, text that must stay in the body)
QUIET = [
    # the story goes on after the list the colon-ended line opens: no box of other stories
    ("related-box", html_page(
        "<p>Related on the Gazette:</p><ul>"
        "<li><p>Crews will lift the first beam of the new bridge deck into place in May.</p></li>"
        "<li><p>Buses will use a temporary stop on the east bank while the bridge is shut.</p></li>"
        "<li><p>The old deck will be cut into sections and taken away by barge.</p></li></ul>"
        "<p>The council said the work would be checked by an outside engineer every month.</p>"),
     "Buses will use a temporary stop on the east bank while the bridge is shut."),
    # a subhead inside the story's own container, with the story after it
    ("author-box", html_page(
        "<h3>About the author</h3><p>The report was written by the council's own engineers, who "
        "inspected the bridge twice during the winter and found the cracks had grown.</p>"
        "<p>They recommended that heavy lorries be kept off the bridge until the work begins.</p>"),
     "They recommended that heavy lorries be kept off the bridge until the work begins."),
    # a heading with its own text after it, and one that ends like a statement
    ("trailing-heading", html_page("<h2>What happens next</h2><p>The council votes again in May.</p>"),
     "What happens next"),
    # a pull quote inside the story's own container, repeating its paragraph: no reply's quote
    ("quoted-copy", html_page(
        "<blockquote><p>Officials said the work on the bridge would begin in the spring and last about "
        "eighteen months.</p></blockquote><p>The council votes again in May.</p>"),
     "Officials said the work on the bridge would begin in the spring and last about eighteen months."),
    ("trailing-heading", html_page("<h6>Sources: City budget office, 2024; Riverton Transit.</h6>"),
     "Sources: City budget office, 2024; Riverton Transit."),
    ("subscribe-prompt",
     text_page(after="The paper, which is delivered daily to about 40,000 homes, will close its print edition in March."),
     "The paper, which is delivered daily to about 40,000 homes, will close its print edition in March."),
    ("widget-label",
     text_page(after="Support for the plan fell to 41 percent, according to a Reuters/Ipsos poll."),
     "Support for the plan fell to 41 percent, according to a Reuters/Ipsos poll."),
    ("widget-label",
     text_page(after="Image copyright law has changed little since the agency was founded, its director said."),
     "Image copyright law has changed little since the agency was founded, its director said."),
    ("subscribe-prompt",
     text_page(after="Fewer households subscribe to cable and satellite services than five years ago, the survey found."),
     "Fewer households subscribe to cable and satellite services than five years ago, the survey found."),
    ("comments-label",
     text_page(after="The council promised that the email address of every resident who wrote in would not be "
                     "published, and that the letters would be summarised in a report."),
     "The council promised that the email address of every resident who wrote in would not be published, "
     "and that the letters would be summarised in a report."),
    ("widget-label",
     text_page(after="Parking at the fair is free on Sunday, courtesy of the city council and two local shops."),
     "Parking at the fair is free on Sunday, courtesy of the city council and two local shops."),
    ("widget-label",
     text_page(after="The agency sold the rights to the photograph to Getty Images for an undisclosed sum."),
     "The agency sold the rights to the photograph to Getty Images for an undisclosed sum."),
    ("widget-label",
     text_page(after="The museum said the browser game requires JavaScript and a recent computer, which "
                     "excluded many of the schools it wanted to reach."),
     "The museum said the browser game requires JavaScript and a recent computer, which excluded many of "
     "the schools it wanted to reach."),
    ("comments-label",
     text_page(after="\"Tell us what you think of the plan,\" the mayor told residents at the meeting on Monday evening."),
     "\"Tell us what you think of the plan,\" the mayor told residents at the meeting on Monday evening."),
    ("related-header",
     html_page("<div class='read-also'><div>Read also</div><a href='/x'>Another story about the bridge</a></div>"
               "<h2>What changes for drivers</h2><p>Drivers will have to use the ring road while the bridge "
               "is closed, which adds about ten minutes to most trips.</p>"),
     "What changes for drivers"),
    ("widget-label",
     html_page("<h2>Summary</h2><p>The budget passed by nine votes to four after a debate that lasted most "
               "of the afternoon and evening.</p>"),
     "Summary"),
    ("subscribe-prompt", text_page(after="Readers who subscribe to the paper's newsletter were told of the change in advance."),
     "Readers who subscribe to the paper's newsletter were told of the change in advance."),
    ("cookie-notice", text_page(after='The judge quoted the banner: "We use cookies to improve your experience" and found it misleading.'),
     'The judge quoted the banner: "We use cookies to improve your experience" and found it misleading.'),
    ("widget-label", text_page(after="The station said listeners could hear the debate live on its website from seven o'clock."),
     "The station said listeners could hear the debate live on its website from seven o'clock."),
    ("tag-list", text_page(after="Apples, pears and plums were on sale, the market said, at lower prices than last year."),
     "Apples, pears and plums were on sale, the market said, at lower prices than last year."),
    ("dateline", text_page(after="On 5 March 2021 the council first discussed the plan for the bridge and its repair costs."),
     "On 5 March 2021 the council first discussed the plan for the bridge and its repair costs."),
    ("link-list", html_page("<p>The full report is online:<br><a href='https://example.org/r'>https://example.org/report</a>"
                            "</p>"), "https://example.org/report"),
    ("figure-caption", html_page("<figure><blockquote>We will not close the bridge without a plan for buses, "
                                 "the mayor told residents.</blockquote></figure>"),
     "We will not close the bridge without a plan for buses, the mayor told residents."),
    ("comment-header",
     text_page(after="The engineer who inspected the bridge says:\n"
                     "The cracks are old, and they are not a danger to traffic for now."),
     "The engineer who inspected the bridge says:"),
    ("cookie-notice", text_page(after=COOKIE_REPORT), COOKIE_REPORT),
    ("comments-label", text_page(after="12 comments were read out at the hearing, and the council added a page to the plan."),
     "12 comments were read out at the hearing, and the council added a page to the plan."),
    ("caption-line", text_page(after="In this photo, you can still see the old railing that the crews will take down next week."),
     "In this photo, you can still see the old railing that the crews will take down next week."),
    ("share-label", PROSE.replace("\n", "\nFacebook and Telegram\n", 1), "Facebook and Telegram"),
    ("navigation-label", text_page(after="Home is where the heart is, the mayor said, opening the new shelter for families."),
     "Home is where the heart is, the mayor said, opening the new shelter for families."),
]


def _removed_by(doc: newsclean.Document, rule: str) -> list[str]:
    return [r.text for r in doc.removed if r.rule == rule]


@pytest.mark.parametrize(("rule", "page", "text"), FIRES, ids=[f"{r}:{t[:30]}" for r, _, t in FIRES])
def test_rule_fires(rule: str, page: str, text: str) -> None:
    doc = newsclean.clean(page)
    assert text in _removed_by(doc, rule), [(r.rule, r.text) for r in doc.removed]
    assert text not in doc.paragraphs


@pytest.mark.parametrize(("rule", "page", "text"), QUIET, ids=[f"{r}:{t[:30]}" for r, _, t in QUIET])
def test_rule_stays_quiet(rule: str, page: str, text: str) -> None:
    doc = newsclean.clean(page)
    assert text not in _removed_by(doc, rule)
    assert text in doc.paragraphs


def test_every_rule_has_a_unit_case() -> None:
    assert {rule for rule, _, _ in FIRES} >= RULE_NAMES - {"byline", "title-heading"}, (
        "add a FIRES case for the new rule"
    )


def test_rules_have_unique_names_and_reasons() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.reason and rule.family and rule.name == rule.name.strip().lower()


def test_a_label_on_the_line_before_names_the_kind_of_the_date() -> None:
    doc = newsclean.clean(text_page("Last updated:\n5 March 2021"), input_format="text")
    assert (doc.published, str(doc.modified)) == (None, "2021-03-05")
    doc = newsclean.clean(text_page("Published\n5 March 2021"), input_format="text")
    assert (str(doc.published), doc.modified) == ("2021-03-05", None)
    # a line before the date that is no label (a headline) leaves it published
    doc = newsclean.clean(text_page("Tram line to grow\n5 March 2021"), input_format="text")
    assert str(doc.published) == "2021-03-05" and doc.modified is None


def test_menu_items_needs_a_separator() -> None:
    from newsclean.rules.labels import menu_items

    # three share labels of the English pack, joined by separators or by spaces alone
    assert menu_items("Facebook | Twitter | Email") == ["Facebook", "Twitter", "Email"]
    assert menu_items("Facebook / Twitter / Email") == ["Facebook", "Twitter", "Email"]
    assert menu_items("Facebook • Twitter·Email") == ["Facebook", "Twitter", "Email"]
    assert menu_items("Facebook Twitter Email") is None  # one item: no separator
    assert menu_items("Facebook/Twitter") is None  # a slash without spaces joins a word
