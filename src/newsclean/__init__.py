"""newsclean: strip boilerplate from news pages and get the article back as a clean Document.

>>> import newsclean
>>> doc = newsclean.clean(open("page.html", "rb").read(), url="https://example.com/story")  # doctest: +SKIP
>>> doc.title, doc.published, doc.body  # doctest: +SKIP
"""

from newsclean.api import clean
from newsclean.config import Config
from newsclean.document import Document, Link, Removal
from newsclean.errors import (
    ConfigError,
    InputError,
    InputTooLargeError,
    InternalError,
    NewscleanError,
    RuleError,
)

__version__ = "0.1.0"

__all__ = [
    "clean",
    "Config",
    "Document",
    "Link",
    "Removal",
    "NewscleanError",
    "ConfigError",
    "InputError",
    "InputTooLargeError",
    "InternalError",
    "RuleError",
    "__version__",
]
