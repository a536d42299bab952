"""Users' own rules: the TOML rules file, site profiles, and what they do to one page.

A rules file reads like this (``docs/user-rules.md`` has the whole format)::

    [rules]                                 # everywhere
    disable = ["share-label"]               # built-in rules, by name
    drop = ["div.promo", "//aside[@data-kind='teaser']"]   # CSS, or XPath from / or ./
    keep = ["div.promo.part-of-story"]      # wins over every drop, the region and the guard
    [rules.phrases.subscribe]               # a concept, then phrases by language
    en = ["Join the inner circle"]

    [site."example.com"]                    # this host and its subdomains; same keys
    drop = [".sidebar-box"]

It is read once into :class:`UserRules`: plain, picklable data (one :class:`Entry` per value,
each with the file and line it came from). For each page, :func:`plan_page` turns the entries
that apply to the page's host into :class:`~newsclean.rules.pipeline.Rule` objects that run
before the built-in pipeline, a set of kept blocks, and rule names to skip. Selectors are
matched once against the tree; the block walk marks each block with the selectors whose
elements hold it (``Block.selected``).
"""

from newsclean.userrules.page import PagePlan, plan_page, read_metadata, with_site_metadata
from newsclean.userrules.profiles import (
    PROFILE_SUFFIX,
    PROFILES_DIR,
    builtin_profiles,
    find_profile,
    load_profile,
    profile_rules,
)
from newsclean.userrules.rulesfile import KEYS, SELECTOR_KEYS, Entry, UserRules, host_matches, host_of
from newsclean.userrules.selectors import compile_selector, is_xpath, select

__all__ = [
    "KEYS",
    "SELECTOR_KEYS",
    "Entry",
    "UserRules",
    "host_matches",
    "host_of",
    "compile_selector",
    "is_xpath",
    "select",
    "PROFILE_SUFFIX",
    "PROFILES_DIR",
    "builtin_profiles",
    "find_profile",
    "load_profile",
    "profile_rules",
    "PagePlan",
    "plan_page",
    "read_metadata",
    "with_site_metadata",
]
