"""What ``python -m console config check`` prints: every effective setting and its source."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from console import config_values as check
from console.config.load import (
    ConfigError,
    as_toml,
    audit_key_path,
    default_config_path,
    load_settings,
    where_from,
)
from console.config.settings import FIELDS, Settings
from console.config_values import Invalid
from console.settings import safe_url


def warnings(settings: Settings) -> list[str]:
    """What is allowed but unsafe: a database password in a config file others may read."""
    path = settings.config_path
    if path is None or settings.sources.get("db_url", "").split(":")[0] != "file":
        return []
    if safe_url(settings.db_url) == settings.db_url:  # no password in it
        return []
    import sys

    if sys.platform == "win32" or not path.stat().st_mode & 0o077:
        return []
    return [
        f"WARNING: {path} holds the database password and others may read it: make it its "
        f"owner's only (chmod 600), or move the password to CONSOLE_DB or ~/.pgpass"
    ]


def describe(settings: Settings) -> list[str]:
    """Every effective setting with its source, the database password hidden."""
    src = settings.sources
    try:
        url = safe_url(check.db_url(settings.db_url))
    except Invalid:
        where = where_from(src.get("db_url", "default"), FIELDS[0])
        raise ConfigError(
            f"{where}: database.url = {as_toml(settings.db_url)}: not a database URL"
        ) from None
    silent = settings.silent_hours
    shown: dict[str, str] = {
        "db_url": url,
        "silent_hours": "none" if silent is None else f"{silent[0]:%H:%M}-{silent[1]:%H:%M}",
        "audit_key_file": str(audit_key_path(settings)),
    }
    path = settings.config_path
    found = (
        f"config file: {path}" if path else f"config file: none ({default_config_path()} not found)"
    )
    lines = [found, *warnings(settings)]
    width = max(len(f.key) for f in FIELDS)
    for f in FIELDS:
        value = shown.get(f.name) or as_toml(getattr(settings, f.name)).strip('"')
        lines.append(f"{f.key.ljust(width)} = {value}  ({src.get(f.name, 'default')})")
    return lines


def config_check(
    argv_config: Path | None, cli: Mapping[str, object | None], env: Mapping[str, str]
) -> tuple[int, str]:
    """Exit code (0 fine, 2 problems) and the report for ``python -m console config check``."""
    try:
        lines = describe(load_settings(cli, env, argv_config))
    except ConfigError as exc:
        return 2, "config check: FAILED\n" + "\n".join(f"  {p}" for p in exc.problems)
    return 0, "config check: OK\n" + "\n".join(f"  {line}" for line in lines)
