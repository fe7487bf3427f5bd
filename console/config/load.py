"""Reading the site configuration: the TOML file, the environment and the command line.

Precedence and errors: see :mod:`console.config`.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

from console.config.declare import Declared
from console.config.emergency import delay_problems
from console.config.settings import BY_KEY, FIELDS, SECTIONS, Settings
from console.config_values import Invalid
from console.settings import APP_AUTHOR, APP_NAME, data_dir, default_db_url, safe_url


class ConfigError(ValueError):
    """One or more configuration problems, each a line naming where, which key and what is allowed."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "console.toml"


def audit_key_path(settings: Settings) -> Path:
    """The audit trail's key file: ``audit.key_file``, else ``audit.key`` beside the config."""
    return settings.audit_key_file or default_config_path().with_name("audit.key")


def where_from(source: str, f: Declared) -> str:
    if source.startswith("file:"):
        return source[5:]
    if source.startswith("env:"):
        return f"environment variable {source[4:]}"
    if source == "command line":
        return "command line " + ("--db" if f.name == "db_url" else "--" + f.name.replace("_", "-"))
    return source


def as_toml(value: object) -> str:
    """A value as written in TOML, passwords in URLs masked (:func:`console.settings.safe_url`:
    any string may be a mistyped database URL)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return json.dumps(safe_url(value), ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(as_toml(v) for v in value) + "]"
    return str(value)


def _hint(word: str, options: Mapping[str, str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {options[close[0]]}?)" if close else ""


def _q(name: str) -> str:
    return rf"""["']?{re.escape(name)}["']?"""


def _locate(lines: list[str], section: str, key: str | None) -> int | None:
    """1-based line of ``[section] key = …`` (or of the section itself when ``key`` is None)."""
    current, header, loose = "", None, None
    for no, line in enumerate(lines, 1):
        head = re.match(r"\s*\[\[?([^\]]+)\]\]?\s*(#.*)?$", line)
        if head:
            current = re.sub(r"""[\s"']""", "", head[1])
            if current == section and header is None:
                header = no
            if key is not None and current == f"{section}.{key}":
                return no
            continue
        if key is None:
            if current == "" and re.match(rf"\s*{_q(section)}\s*[=.]", line) and header is None:
                header = no
        elif re.match(rf"\s*{_q(key)}\s*=", line) and current == section:
            return no
        elif current == "" and re.match(rf"\s*{_q(section)}\s*\.\s*{_q(key)}\s*=", line):
            return no  # dotted key at the top: seat.id = "A-01"
        elif current == "" and re.match(rf"\s*{_q(section)}\s*=.*[{{,]\s*{_q(key)}\s*=", line):
            loose = loose or no
    return loose or header


def _read_file(path: Path, problems: list[str]) -> dict[str, tuple[object, str]]:
    """Raw file values by field name, with their sources; problems appended, not raised."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file: {exc.strerror}") from None
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+)", str(exc))
        n = int(at[1]) if at else 0
        shown = f": {lines[n - 1].strip()}" if 0 < n <= len(lines) else ""
        raise ConfigError(f"{path}:{n or '?'}: TOML syntax error: {exc}{shown}") from None

    def src(section: str, key: str | None) -> str:
        line = _locate(lines, section, key)
        return f"file:{path}" + (f":{line}" if line else "")

    everything = {k.split(".")[1]: k for k in BY_KEY} | {s: f"[{s}]" for s in SECTIONS}
    found: dict[str, tuple[object, str]] = {}
    for section, table in data.items():
        if section not in SECTIONS:
            kind = f"section [{section}]" if isinstance(table, dict) else f"key {section}"
            where = src(section, None) if isinstance(table, dict) else src("", section)
            problems.append(f"{where[5:]}: unknown {kind}{_hint(section, everything)}")
            continue
        if not isinstance(table, dict):
            problems.append(f"{src('', section)[5:]}: {section} must be a section [{section}]")
            continue
        for key, raw in table.items():
            dotted = f"{section}.{key}"
            if dotted not in BY_KEY:
                here = {k: f"{section}.{k}" for k in SECTIONS[section]}
                hint = _hint(key, here) or _hint(key, everything)
                problems.append(f"{src(section, key)[5:]}: unknown key {dotted}{hint}")
                continue
            found[BY_KEY[dotted].name] = (raw, src(section, key))
    return found


def load_settings(
    cli: Mapping[str, object | None], env: Mapping[str, str], config_path: Path | None = None
) -> Settings:
    """Effective settings. ``cli`` keys are Settings field names (``db`` for db_url too; None or
    missing = not given; other keys are ignored). ``config_path`` None = the default path, which
    may be absent; an explicit path must exist. Raises :class:`ConfigError` listing every problem.
    """
    path = config_path if config_path is not None else default_config_path()
    problems: list[str] = []
    from_file: dict[str, tuple[object, str]] = {}
    if path.is_file():
        from_file = _read_file(path, problems)
    elif path.exists():
        raise ConfigError(f"{path}: not a file; the configuration must be a TOML file")
    elif config_path is not None:
        raise ConfigError(f"{path}: configuration file not found (check the --config path)")
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for f in FIELDS:
        layers: list[tuple[object, str]] = []
        given = cli.get(f.name) if f.name != "db_url" else (cli.get("db") or cli.get("db_url"))
        if given is not None:
            layers.append((given, "command line"))
        if f.env and env.get(f.env, "").strip():
            layers.append((env[f.env].strip(), f"env:{f.env}"))
        if f.name in from_file:
            layers.append(from_file[f.name])
        for raw, source in layers:
            try:
                value = f.check(raw)
            except Invalid as exc:
                problems.append(f"{where_from(source, f)}: {f.key} = {as_toml(raw)}: {exc}")
                continue
            if f.name not in sources:
                values[f.name], sources[f.name] = value, source
        sources.setdefault(f.name, "default")
    problems += delay_problems(values)
    if sources["db_url"] == "default":
        try:
            values["db_url"] = default_db_url()
        except OSError as exc:
            problems.append(f"database.url: cannot create {data_dir()}: {exc.strerror}")
    if "db_sslrootcert" in values:
        values["db_url"] = with_tls(values["db_url"], values["db_sslrootcert"])
        if values.get("db_listen_url"):
            values["db_listen_url"] = with_tls(values["db_listen_url"], values["db_sslrootcert"])
    if problems:  # file problems first, in line order
        at = re.compile(rf"{re.escape(str(path))}:(\d+): ")
        raise ConfigError(sorted(problems, key=lambda p: int(m[1]) if (m := at.match(p)) else 1e9))
    return Settings(**values, sources=sources, config_path=path if path.is_file() else None)


def with_tls(url: str, ca: Path) -> str:
    """A PostgreSQL ``url`` that checks the server's certificate against ``ca``: ``sslrootcert``
    added to its query, with ``sslmode=verify-full`` unless the URL names a mode itself. A
    SQLite URL is returned as it is."""
    if not url.startswith("postgresql"):
        return url
    from urllib.parse import quote

    base, _, query = url.partition("?")
    params = [p for p in query.split("&") if p and not p.startswith("sslrootcert=")]
    params.append(f"sslrootcert={quote(str(ca), safe='/:')}")
    if not any(p.startswith("sslmode=") for p in params):
        params.append("sslmode=verify-full")
    return f"{base}?{'&'.join(params)}"
