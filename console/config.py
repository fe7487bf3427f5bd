"""Site configuration: one TOML file, overridden by the environment and the command line.

Precedence, highest first: command line (``--db --platform --seat --agent --lang``) >
environment (``CONSOLE_DB CONSOLE_PLATFORM CONSOLE_SEAT CONSOLE_AGENT CONSOLE_LANG``; empty
means unset) > file > defaults. The file is ``--config PATH`` (must exist) or
:func:`default_config_path` (``~/.config/linkage-console/console.toml`` on Linux,
``%LOCALAPPDATA%\\linkage\\linkage-console\\console.toml`` on Windows; may be absent). UTF-8,
with or without BOM. Every key is optional; ``resources/console.example.toml`` shows them all::

    [database]
    url = "postgresql+psycopg://console@db-host/console"  # default: SQLite in the user data dir

    [seat]
    platform = "12345"      # "12345" (hotline) or "110" (police); default "12345"
    id = "A-01"             # 1-16 ASCII letters, digits, "-"; default "A-01"
    agent = "王丽"          # agent name, 1-32 characters; default "坐席"
    wrap_up_s = 30          # 话后整理 seconds, 0-600; default 30
    offline_after_s = 90    # a seat not heard of this long shows offline (离线), 60-3600; default 90

    [telephony]
    adapter = "simulated"   # which switch: a name in console.telephony.adapters; default "simulated"
    transfer_window_s = 30  # a transfer/three-way call waits this long for the peer, 5-300
    sim_calls_per_min = 2   # the simulated switch's 12345 calls a minute, 0-60; default 2

    [ui]
    lang = "zh_CN"          # "zh_CN" or "en"; default "zh_CN"

    [alarms]
    sound = true            # default true
    volume = 80             # 0-100; default 80
    silent_hours = ["22:00", "07:00"]   # [start, end), may wrap midnight; default: none

Unknown sections or keys, wrong types and bad values are errors (:class:`ConfigError`) naming
the file, line and dotted key, with the closest known key for typos; no value ever falls back
to a default silently. ``python -m console config check`` runs :func:`config_check`.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any, Literal

import platformdirs

from console import config_values as check
from console.config_values import Invalid
from console.settings import APP_AUTHOR, APP_NAME, data_dir, default_db_url, safe_url
from console.telephony.adapters import ADAPTERS

Platform = Literal["12345", "110"]
Lang = Literal["zh_CN", "en"]


class ConfigError(ValueError):
    """One or more configuration problems, each a line naming where, which key and what is allowed."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class _Field:
    name: str  # Settings attribute, also the command-line dict key ("db" too for db_url)
    key: str  # dotted TOML key
    env: str | None
    check: Callable[[object], object]


_FIELDS = (  # defaults: the Settings dataclass, and default_db_url() for the database
    _Field("db_url", "database.url", "CONSOLE_DB", check.db_url),
    _Field("platform", "seat.platform", "CONSOLE_PLATFORM", check.choice("12345", "110")),
    _Field("seat", "seat.id", "CONSOLE_SEAT", check.seat_id),
    _Field("agent", "seat.agent", "CONSOLE_AGENT", check.agent_name),
    _Field("lang", "ui.lang", "CONSOLE_LANG", check.choice("zh_CN", "en")),
    _Field("alarm_sound", "alarms.sound", None, check.flag),
    _Field("alarm_volume", "alarms.volume", None, check.volume),
    _Field("silent_hours", "alarms.silent_hours", None, check.silent_hours),
    _Field("wrap_up_s", "seat.wrap_up_s", None, check.seconds(0, 600)),
    _Field("offline_after_s", "seat.offline_after_s", None, check.seconds(60, 3600)),
    _Field("telephony_adapter", "telephony.adapter", None, check.one_of(ADAPTERS, "adapter")),
    _Field("transfer_window_s", "telephony.transfer_window_s", None, check.seconds(5, 300)),
    _Field("sim_calls_per_min", "telephony.sim_calls_per_min", None, check.calls_per_min),
)
_BY_KEY = {f.key: f for f in _FIELDS}
_SECTIONS: dict[str, list[str]] = {}
for _f in _FIELDS:
    _SECTIONS.setdefault(_f.key.split(".")[0], []).append(_f.key.split(".")[1])


@dataclass(frozen=True)
class Settings:
    """Effective site settings; ``sources[name]`` says where each value came from."""

    db_url: str
    platform: Platform = "12345"
    seat: str = "A-01"
    agent: str = "坐席"
    lang: Lang = "zh_CN"
    alarm_sound: bool = True
    alarm_volume: int = 80
    silent_hours: tuple[time, time] | None = None  # [start, end) local (China) time
    wrap_up_s: int = 30  # 话后整理, then ready by itself
    offline_after_s: int = 90  # the board shows a seat offline after this long unheard of
    telephony_adapter: str = "simulated"  # a name in console.telephony.adapters.ADAPTERS
    transfer_window_s: int = 30  # how long a transfer or three-way call waits for the peer line
    sim_calls_per_min: float = 2.0  # the simulated switch's 12345 arrival rate (demo)
    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    config_path: Path | None = field(default=None, compare=False)  # the file read, if any

    def __post_init__(self) -> None:
        for f in _FIELDS[1:]:  # db_url is checked where it is read, and by describe()
            try:
                f.check(getattr(self, f.name))
            except Invalid as exc:
                raise ValueError(f"{f.name}={getattr(self, f.name)!r}: {exc}") from None

    def is_silent(self, t: time) -> bool:
        """Whether alarms are silent at local time ``t`` (start inclusive, end exclusive)."""
        if self.silent_hours is None:
            return False
        start, end = self.silent_hours
        t = t.replace(tzinfo=None)
        return start <= t < end if start < end else (t >= start or t < end)


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "console.toml"


def _where(source: str, f: _Field) -> str:
    if source.startswith("file:"):
        return source[5:]
    if source.startswith("env:"):
        return f"environment variable {source[4:]}"
    if source == "command line":
        return "command line " + ("--db" if f.name == "db_url" else "--" + f.name.replace("_", "-"))
    return source


def _show(value: object) -> str:
    """A value as written in TOML, passwords in URLs masked (:func:`console.settings.safe_url`:
    any string may be a mistyped database URL)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return json.dumps(safe_url(value), ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
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

    everything = {k.split(".")[1]: k for k in _BY_KEY} | {s: f"[{s}]" for s in _SECTIONS}
    found: dict[str, tuple[object, str]] = {}
    for section, table in data.items():
        if section not in _SECTIONS:
            kind = f"section [{section}]" if isinstance(table, dict) else f"key {section}"
            where = src(section, None) if isinstance(table, dict) else src("", section)
            problems.append(f"{where[5:]}: unknown {kind}{_hint(section, everything)}")
            continue
        if not isinstance(table, dict):
            problems.append(f"{src('', section)[5:]}: {section} must be a section [{section}]")
            continue
        for key, raw in table.items():
            dotted = f"{section}.{key}"
            if dotted not in _BY_KEY:
                here = {k: f"{section}.{k}" for k in _SECTIONS[section]}
                hint = _hint(key, here) or _hint(key, everything)
                problems.append(f"{src(section, key)[5:]}: unknown key {dotted}{hint}")
                continue
            found[_BY_KEY[dotted].name] = (raw, src(section, key))
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
    for f in _FIELDS:
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
                problems.append(f"{_where(source, f)}: {f.key} = {_show(raw)}: {exc}")
                continue
            if f.name not in sources:
                values[f.name], sources[f.name] = value, source
        sources.setdefault(f.name, "default")
    if sources["db_url"] == "default":
        try:
            values["db_url"] = default_db_url()
        except OSError as exc:
            problems.append(f"database.url: cannot create {data_dir()}: {exc.strerror}")
    if problems:  # file problems first, in line order
        at = re.compile(rf"{re.escape(str(path))}:(\d+): ")
        raise ConfigError(sorted(problems, key=lambda p: int(m[1]) if (m := at.match(p)) else 1e9))
    return Settings(**values, sources=sources, config_path=path if path.is_file() else None)


def describe(settings: Settings) -> list[str]:
    """Every effective setting with its source, the database password hidden."""
    src = settings.sources
    try:
        url = safe_url(check.db_url(settings.db_url))
    except Invalid:
        where = _where(src.get("db_url", "default"), _FIELDS[0])
        raise ConfigError(
            f"{where}: database.url = {_show(settings.db_url)}: not a database URL"
        ) from None
    silent = settings.silent_hours
    shown: dict[str, str] = {
        "db_url": url,
        "silent_hours": "none" if silent is None else f"{silent[0]:%H:%M}-{silent[1]:%H:%M}",
    }
    path = settings.config_path
    lines = [
        f"config file: {path}" if path else f"config file: none ({default_config_path()} not found)"
    ]
    width = max(len(f.key) for f in _FIELDS)
    for f in _FIELDS:
        value = shown.get(f.name) or _show(getattr(settings, f.name)).strip('"')
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
