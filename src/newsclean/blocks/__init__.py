"""Turning a page into a sequence of :class:`Block` objects: the one data model the rules read.

HTML and plain text both end up here; from then on the pipeline does not care which it was.
"""

from newsclean.blocks.model import Block

__all__ = ["Block"]
