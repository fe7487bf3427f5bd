"""Site configuration: one TOML file, overridden by the environment and the command line.

Precedence, highest first: command line (``--db --platform --seat --agent --lang``) >
environment (``CONSOLE_DB CONSOLE_PLATFORM CONSOLE_SEAT CONSOLE_AGENT CONSOLE_LANG
CONSOLE_AUDIT_KEY``; empty means unset) > file > defaults. The file is ``--config PATH`` (must
exist) or :func:`default_config_path` (``~/.config/linkage-console/console.toml`` on Linux,
``%LOCALAPPDATA%\\linkage\\linkage-console\\console.toml`` on Windows; may be absent). UTF-8,
with or without BOM. Every key is optional: ``resources/console.example.toml`` shows every
section and key with its range and default (in Chinese and English), and :data:`_FIELDS`
below declares each key once, with the check its value passes.

A database password belongs in ``CONSOLE_DB`` (or ``~/.pgpass``); one written in the file is
used, but ``config check`` and the start-up log warn while the file is readable by others.

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
from console.channels.build import EmergencySettings
from console.channels.simulated import DeskBehaviour
from console.config_values import Invalid
from console.domain.dispositions import default_specs
from console.domain.hotspots import Method as HotspotMethod
from console.domain.passwords import SecurityPolicy
from console.settings import APP_AUTHOR, APP_NAME, data_dir, default_db_url, safe_url
from console.telephony.adapters import ADAPTERS

Platform = Literal["12345", "110"]
_DAY_DIVISORS = ("1", "2", "3", "4", "6", "8", "12", "24")  # hot-spot windows tile the China day
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
    _Field("db_sslrootcert", "database.sslrootcert", None, check.file_path),
    _Field("db_listen_url", "database.listen_url", "CONSOLE_DB_LISTEN", check.optional_db_url),
    _Field("platform", "seat.platform", "CONSOLE_PLATFORM", check.choice("12345", "110")),
    _Field("seat", "seat.id", "CONSOLE_SEAT", check.seat_id),
    _Field("agent", "seat.agent", "CONSOLE_AGENT", check.agent_name),
    _Field("lang", "ui.lang", "CONSOLE_LANG", check.choice("zh_CN", "en")),
    _Field("alarm_sound", "alarms.sound", None, check.flag),
    _Field("alarm_volume", "alarms.volume", None, check.volume),
    _Field("silent_hours", "alarms.silent_hours", None, check.silent_hours),
    _Field("wrap_up_s", "seat.wrap_up_s", None, check.seconds(0, 600)),
    _Field("hold_reminder_s", "seat.hold_reminder_s", None, check.seconds(10, 600)),
    _Field("dispositions", "seat.dispositions", None, check.dispositions),
    _Field("offline_after_s", "seat.offline_after_s", None, check.seconds(60, 3600)),
    _Field("telephony_adapter", "telephony.adapter", None, check.one_of(ADAPTERS, "adapter")),
    _Field("transfer_window_s", "telephony.transfer_window_s", None, check.seconds(5, 300)),
    _Field("sim_calls_per_min", "telephony.sim_calls_per_min", None, check.calls_per_min),
    _Field("sim_colleagues", "telephony.sim_colleagues", None, check.whole(0, 50, "agents")),
    _Field("ring_timeout_s", "telephony.ring_timeout_s", None, check.seconds(5, 120)),
    _Field("ring_volume", "telephony.ring_volume", None, check.volume),
    _Field("auto_answer", "seat.auto_answer", None, check.flag),
    _Field("password_min_length", "security.password_min_length", None, check.whole(8, 128)),
    _Field("password_min_classes", "security.password_min_classes", None, check.whole(1, 4)),
    _Field("password_max_age_days", "security.password_max_age_days", None, check.whole(0, 3650)),
    _Field("lock_after_failures", "security.lock_after_failures", None, check.whole(1, 100)),
    _Field("lock_minutes", "security.lock_minutes", None, check.whole(1, 1440)),
    _Field("totp_for_all", "security.totp_for_all", None, check.flag),
    _Field("idle_lock_min", "security.idle_lock_min", None, check.whole(1, 240)),
    _Field("audit_key_file", "audit.key_file", "CONSOLE_AUDIT_KEY", check.file_path),
    _Field("retention_months", "privacy.retention_months", None, check.whole(1, 600)),
    _Field("exchange_mode", "exchange.mode", None, check.choice("off", "https", "database")),
    _Field("exchange_system_id", "exchange.system_id", None, check.system_id),
    _Field("exchange_peer_id", "exchange.peer_id", None, check.system_id),
    _Field("exchange_listen", "exchange.listen", None, check.host_port),
    _Field("exchange_peer_url", "exchange.peer_url", None, check.https_url),
    _Field("exchange_cert", "exchange.cert", None, check.file_path),
    _Field("exchange_key", "exchange.key", None, check.file_path),
    _Field("exchange_ca", "exchange.ca", None, check.file_path),
    _Field("exchange_shared_db", "exchange.shared_db", None, check.optional_db_url),
    _Field("exchange_embedded", "exchange.embedded", None, check.flag),
    _Field("unacked_alarm_s", "exchange.unacked_alarm_s", None, check.seconds(30, 3600)),
    _Field("emergency_simulated", "emergency.simulated", None, check.flag),
    _Field("emergency_sim_min_delay_s", "emergency.sim_min_delay_s", None, check.seconds(0, 3600)),
    _Field("emergency_sim_max_delay_s", "emergency.sim_max_delay_s", None, check.seconds(0, 3600)),
    _Field(
        "emergency_sim_never_percent",
        "emergency.sim_never_percent",
        None,
        check.whole(0, 100, "percent"),
    ),
    _Field(
        "emergency_sim_refuse_percent",
        "emergency.sim_refuse_percent",
        None,
        check.whole(0, 100, "percent"),
    ),
    _Field("emergency_sim_seed", "emergency.sim_seed", None, check.whole(0, 2**31 - 1)),
    _Field("emergency_sms_url", "emergency.sms_url", None, check.service_url),
    _Field("emergency_platform_url", "emergency.platform_url", None, check.service_url),
    _Field("emergency_timeout_s", "emergency.timeout_s", None, check.seconds(1, 60)),
    _Field("emergency_ca", "emergency.ca", None, check.file_path),
    _Field("hotspot_every_hours", "hotspots.every_hours", None, check.choice(*_DAY_DIVISORS)),
    _Field("hotspot_baseline_days", "hotspots.baseline_days", None, check.whole(3, 28, "days")),
    _Field("hotspot_min_count", "hotspots.min_count", None, check.whole(1, 1000, "orders")),
    _Field("duplicates_window_h", "duplicates.window_h", None, check.whole(1, 720, "hours")),
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
    hold_reminder_s: int = 60  # a hold this long turns the call bar to a reminder
    dispositions: tuple[str, ...] = default_specs()  # wrap-up codes, "code=名称"
    offline_after_s: int = 90  # the board shows a seat offline after this long unheard of
    telephony_adapter: str = "simulated"  # a name in console.telephony.adapters.ADAPTERS
    transfer_window_s: int = 30  # how long a transfer or three-way call waits for the peer line
    sim_calls_per_min: float = 2.0  # the simulated switch's 12345 arrival rate (demo)
    sim_colleagues: int = 12  # simulated agents per line answering beside the console seats
    ring_timeout_s: int = 15  # ring-no-answer: offered on, the seat made not ready
    ring_volume: int = 80  # the ring (its own volume: alarms' silent hours do not apply)
    auto_answer: bool = False  # an offered call is answered at once
    password_min_length: int = 8  # [security]: console.domain.passwords.SecurityPolicy
    password_min_classes: int = 3
    password_max_age_days: int = 90
    lock_after_failures: int = 5
    lock_minutes: int = 30
    totp_for_all: bool = False
    idle_lock_min: int = 15
    audit_key_file: Path | None = None  # the audit trail's key; None: audit_key_path()'s default
    db_sslrootcert: Path | None = None  # the CA a PostgreSQL server's certificate is checked with
    db_listen_url: str = ""  # the change listener's own way to the server (past PgBouncer)
    retention_months: int = 36  # [privacy]: callers of orders closed longer ago are purged
    # [exchange]: this platform's own system linked to the peer's (console/app_exchange.py).
    exchange_mode: str = "off"  # off: both platforms on one database; https; database
    exchange_system_id: str = ""  # "": LN-<platform>
    exchange_peer_id: str = ""  # "": LN-<the peer platform>
    exchange_listen: str = "127.0.0.1:8443"  # where this platform's endpoint listens (https)
    exchange_peer_url: str = ""  # the peer's endpoint (https)
    exchange_cert: Path | None = None  # this system's certificate (CN = its system id), PEM
    exchange_key: Path | None = None  # its private key, PEM, readable by the console only
    exchange_ca: Path | None = None  # the CA that signed the peer's certificate
    exchange_shared_db: str = ""  # the intermediate database (database mode)
    exchange_embedded: bool = False  # the console runs the endpoint; false: `exchange serve` does
    unacked_alarm_s: int = 120  # [exchange]: a message unacknowledged this long raises an alarm
    # [emergency]: the partner channels (console/channels, docs/partner-channels.md).
    emergency_simulated: bool = True  # the simulated partner desk serves "simulated" partners
    emergency_sim_min_delay_s: int = 20  # a simulated partner answers after min..max seconds
    emergency_sim_max_delay_s: int = 180
    emergency_sim_never_percent: int = 10  # of the asks, never answered
    emergency_sim_refuse_percent: int = 5  # of the asks answered, refused
    emergency_sim_seed: int = 0  # the same seed, the same answers
    emergency_sms_url: str = ""  # the SMS gateway adapter ("": no SMS channel)
    emergency_platform_url: str = ""  # the emergency-management platform ("": none)
    emergency_timeout_s: int = 10  # per request to either
    emergency_ca: Path | None = None  # the CA of their HTTPS certificates (None: the system's)
    # [hotspots]: the hot-spot scan (console/domain/hotspots.py, docs/hotspots.md).
    hotspot_every_hours: str = "4"  # window and cadence, on the China clock (00, 04, 08 …)
    hotspot_baseline_days: int = 7  # baseline windows (the same window on earlier days)
    hotspot_min_count: int = 5  # a count below this is never a hot spot
    # [duplicates]: 并单 (console/services/duplicates.py): similar matters of one district and
    # kind, and the repeated-request warning's callers, count within this many hours.
    duplicates_window_h: int = 72
    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    config_path: Path | None = field(default=None, compare=False)  # the file read, if any

    def __post_init__(self) -> None:
        for f in _FIELDS[1:]:  # db_url is checked where it is read, and by describe()
            try:
                f.check(getattr(self, f.name))
            except Invalid as exc:
                raise ValueError(f"{f.name}={getattr(self, f.name)!r}: {exc}") from None

    def exchange_ids(self) -> tuple[str, str]:
        """This system's id and the peer's, as the two platforms agreed them."""
        peer = "110" if self.platform == "12345" else "12345"
        return (
            self.exchange_system_id or f"LN-{self.platform}",
            self.exchange_peer_id or f"LN-{peer}",
        )

    def emergency(self) -> EmergencySettings:
        """The ``[emergency]`` settings as :func:`console.channels.build.build_notifier` reads them."""
        desk = DeskBehaviour(
            min_delay_s=self.emergency_sim_min_delay_s, max_delay_s=self.emergency_sim_max_delay_s,
            never_share=self.emergency_sim_never_percent / 100, refuse_share=self.emergency_sim_refuse_percent / 100,
            seed=self.emergency_sim_seed,
        )  # fmt: skip
        return EmergencySettings(
            simulated=self.emergency_simulated, desk=desk, sms_url=self.emergency_sms_url,
            platform_url=self.emergency_platform_url, timeout_s=self.emergency_timeout_s,
            ca_file=self.emergency_ca,
        )  # fmt: skip

    def security(self) -> SecurityPolicy:
        """The ``[security]`` settings as the account service reads them."""
        return SecurityPolicy(
            min_length=self.password_min_length, min_classes=self.password_min_classes,
            max_age_days=self.password_max_age_days, max_failures=self.lock_after_failures,
            lock_minutes=self.lock_minutes, totp_for_all=self.totp_for_all,
            idle_lock_min=self.idle_lock_min,
        )  # fmt: skip

    def hotspot_method(self) -> HotspotMethod:
        """The ``[hotspots]`` settings as the hot-spot service reads them."""
        return HotspotMethod(
            every_hours=int(self.hotspot_every_hours), baseline_days=self.hotspot_baseline_days,
            min_count=self.hotspot_min_count,
        )  # fmt: skip

    def is_silent(self, t: time) -> bool:
        """Whether alarms are silent at local time ``t`` (start inclusive, end exclusive)."""
        if self.silent_hours is None:
            return False
        start, end = self.silent_hours
        t = t.replace(tzinfo=None)
        return start <= t < end if start < end else (t >= start or t < end)


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "console.toml"


def audit_key_path(settings: Settings) -> Path:
    """The audit trail's key file: ``audit.key_file``, else ``audit.key`` beside the config."""
    return settings.audit_key_file or default_config_path().with_name("audit.key")


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
    low = values.get("emergency_sim_min_delay_s", Settings.emergency_sim_min_delay_s)
    high = values.get("emergency_sim_max_delay_s", Settings.emergency_sim_max_delay_s)
    if low > high:
        problems.append(f"emergency.sim_min_delay_s = {low} is over sim_max_delay_s = {high}")
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
        where = _where(src.get("db_url", "default"), _FIELDS[0])
        raise ConfigError(
            f"{where}: database.url = {_show(settings.db_url)}: not a database URL"
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
