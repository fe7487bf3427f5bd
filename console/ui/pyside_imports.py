"""PySide6's per-import source scan, made cheap (issue 18: an instant start).

Once PySide6 is loaded it asks, of every module imported after it, whether the module uses
PySide6 (so that its ``__feature__`` switches — ``snake_case``, ``true_property`` — apply per
module): ``shibokensupport.feature._mod_uses_pyside`` reads the module's whole source through
``inspect.getsource`` (``linecache``: decode, split into lines) and looks for "PySide6". A
seat's start imports ~630 modules after PySide6: 80–90 ms of CPU on the path to its first data
(measured 2026-12-05, 1 M orders, quiet machine). The same question is answered here from the
file's bytes ("PySide6" is ASCII: the same in any source encoding Python accepts), falling back
to PySide's own check for anything that is not a plain ``.py`` file (a frozen bundle has no
sources: PySide's check answers False there at once).

This patches a private function of PySide6. If a PySide6 release renames it, nothing is
patched and nothing breaks: the start is as slow as before (a test says so loudly).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def quicken_feature_check() -> bool:
    """Replace PySide6's per-import source scan by a byte search; True if it was replaced.
    Call before importing PySide6's modules: the check runs on every import after that."""
    import shiboken6  # noqa: F401  (loads shibokensupport.feature)

    feature = sys.modules.get("shibokensupport.feature")
    scan: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or scan is None:
        return False
    if getattr(scan, "quick", False):  # already replaced (a second start in one process)
        return True
    original = scan

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]  # the tests compare
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
