"""Fixtures shared by the UI tests (pytest finds them here by name)."""

from tests.ui.linkage_harness import seats, start_seats  # noqa: F401
