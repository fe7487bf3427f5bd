"""Where the console finds its shipped files, frozen or from source.

Every read of `db/` (migrations, seed catalogues, calendar, policies) and `resources/`
(translations, icons, sounds, styles) goes through :func:`bundle_path`, so a PyInstaller
onedir build (which unpacks data under ``sys._MEIPASS``) and a source checkout behave alike.
Pure Python: the domain may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder that holds ``db/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def bundle_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``bundle_path("db", "seed", "kinds.toml")``."""
    return bundle_root().joinpath(*parts)
