"""Metadata extraction: dates, authors, tags, title and the page's own metadata fields.

Each module is a small set of pure functions over strings (or, for :mod:`.html`, over a parsed
lxml tree that it never changes). The word lists and patterns they use are data, grouped by
concept and language in :mod:`.datewords` and :mod:`.zones`.
"""
