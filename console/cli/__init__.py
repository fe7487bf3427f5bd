"""The command line's sub-commands (``python -m console …``; the parser is in ``__main__``)."""
