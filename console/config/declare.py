"""How a site setting is declared: once, where its section's settings live.

A setting is a field of :class:`console.config.Settings` whose default is :func:`setting`: the
type and default are the field's, the dotted TOML key, the environment variable and the check
its value passes ride along in the field's metadata (:func:`meta`), and :func:`declared` reads
them back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
Check = Callable[[object], object]


@dataclass(frozen=True)
class Declared:
    name: str  # Settings attribute, also the command-line dict key ("db" too for db_url)
    key: str  # dotted TOML key
    env: str | None
    check: Check


def meta(key: str, check: Check, env: str | None = None) -> dict[str, Any]:
    """A settings field's metadata: where it is read from and what it must be."""
    return {"key": key, "env": env, "check": check}


def setting(key: str, check: Check, default: T, env: str | None = None) -> T:
    """A settings field with its ``default``, read from TOML ``key`` (and ``env``), passing
    ``check``. Typed as the default so that mypy checks it against the field's annotation."""
    return dataclasses.field(default=default, metadata=meta(key, check, env))


def declared(cls: type) -> tuple[Declared, ...]:
    """The settings a dataclass declares, in its field order."""
    return tuple(
        Declared(f.name, f.metadata["key"], f.metadata["env"], f.metadata["check"])
        for f in dataclasses.fields(cls)
        if "key" in f.metadata
    )
