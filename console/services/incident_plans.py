"""The site's linkage plans (预案) from ``db/plans`` (start-up reads them once, like the deadline
policy): a plan file with a mistake stops the start with a message naming the file and line."""

from __future__ import annotations

from pathlib import Path

from console.domain.emergency import PlanBook
from console.domain.plan_file import PlanFileError, load_plan_book
from console.paths import bundle_path

__all__ = ["PlanFileError", "load_site_plans", "site_plans_dir"]


def site_plans_dir() -> Path:
    return bundle_path("db", "plans")


def load_site_plans(path: Path | None = None) -> PlanBook:
    """Every plan of the folder ``path`` (default: the shipped ``db/plans``). Raises
    :class:`PlanFileError` (a ValueError) naming the file and the line of a mistake."""
    return load_plan_book(path or site_plans_dir())
