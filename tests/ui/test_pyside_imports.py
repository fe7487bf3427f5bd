"""PySide6's per-import "does this module use PySide6?" scan, answered from the file's bytes
(console/ui/pyside_imports.py): the same answers as PySide's own, and in place."""

from __future__ import annotations

import importlib
import sys

import pytest

from console.ui.pyside_imports import quicken_feature_check

MODULES = [
    "console.ui.qt_app",  # uses PySide6
    "console.ui.start_screen",
    "console.domain.orders",  # pure
    "console.store.queues",
    "json",  # the standard library
    "sys",  # built in: no file
]


def test_the_quick_scan_is_in_place_on_the_pinned_pyside() -> None:
    # If a PySide6 upgrade renames the private function, the start is slow again: say so here.
    assert quicken_feature_check() is True
    scan = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert getattr(scan, "quick", False)
    assert quicken_feature_check() is True  # a second call keeps the one replacement
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is scan


@pytest.mark.parametrize("name", MODULES)
def test_it_answers_as_pyside_does(name: str) -> None:
    quicken_feature_check()
    scan = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    module = importlib.import_module(name)
    assert scan(module) == scan.original(module)


def test_the_answers_tell_the_two_kinds_apart() -> None:
    quicken_feature_check()
    scan = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert scan(importlib.import_module("console.ui.qt_app")) is True
    assert scan(importlib.import_module("console.domain.orders")) is False
