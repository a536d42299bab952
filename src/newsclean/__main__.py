"""``python -m newsclean``: the same as the ``newsclean`` command."""

from newsclean.cli import main_entry

main_entry()
