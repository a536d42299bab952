"""The library's own errors: a small hierarchy, each message something a user can act on.

"No article found" is not an error: it is an empty :class:`~newsclean.Document` with a reason
in ``warnings``.
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """The configuration is wrong (an unknown rule name, a value out of range)."""


class InputError(NewscleanError, ValueError):
    """The input cannot be read as a web page or as text (binary, wrong type, undecodable)."""


class InputTooLargeError(InputError):
    """The input is larger than ``Config.max_input_bytes``."""
