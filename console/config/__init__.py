"""Site configuration: one TOML file, overridden by the environment and the command line.

Precedence, highest first: command line (``--db --platform --seat --agent --lang``) >
environment (``CONSOLE_DB CONSOLE_PLATFORM CONSOLE_SEAT CONSOLE_AGENT CONSOLE_LANG
CONSOLE_AUDIT_KEY``; empty means unset) > file > defaults. The file is ``--config PATH`` (must
exist) or :func:`default_config_path` (``~/.config/linkage-console/console.toml`` on Linux,
``%LOCALAPPDATA%\\linkage\\linkage-console\\console.toml`` on Windows; may be absent). UTF-8,
with or without BOM. Every key is optional: ``resources/console.example.toml`` shows every
section and key with its range and default (in Chinese and English), and each section's module
here declares each of its keys once (:func:`console.config.declare.setting`): type, default,
key, environment variable and the check its value passes.

A database password belongs in ``CONSOLE_DB`` (or ``~/.pgpass``); one written in the file is
used, but ``config check`` and the start-up log warn while the file is readable by others.

Unknown sections or keys, wrong types and bad values are errors (:class:`ConfigError`) naming
the file, line and dotted key, with the closest known key for typos; no value ever falls back
to a default silently. ``python -m console config check`` runs :func:`config_check`.

Modules: ``declare`` (how a key is declared), one per group of sections (``site alarms seat
security exchange emergency analysis``), ``settings`` (all of them on :class:`Settings`),
``load`` (file, environment, command line) and ``report`` (``config check``). Import from
``console.config`` itself.
"""

from __future__ import annotations

from console.config.declare import Declared
from console.config.load import (
    ConfigError,
    audit_key_path,
    default_config_path,
    load_settings,
    with_tls,
)
from console.config.report import config_check, describe, warnings
from console.config.settings import FIELDS, Settings
from console.config.site import Lang, Platform

_FIELDS = FIELDS  # the declared keys, in `config check` order (tests read them)

__all__ = [
    "FIELDS",
    "ConfigError",
    "Declared",
    "Lang",
    "Platform",
    "Settings",
    "audit_key_path",
    "config_check",
    "default_config_path",
    "describe",
    "load_settings",
    "warnings",
    "with_tls",
]
