"""Reading the deadline policy file ``db/policy/deadlines.toml`` into a :class:`Policy`.

Every mistake is a ValueError naming the file, the ``[[rule]]`` (numbered from 1) and the key,
so IT can fix a site-edited file without reading code. Pure Python.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from console.domain.alarm_levels import AlarmSettings
from console.domain.deadlines import DEADLINE_NAMES, DeadlineSpec, DeadlineSpecs, Policy, Rule
from console.domain.orders import Platform, Priority

_PRIORITY_NAMES = {p.name.lower(): p for p in Priority}


_MATCH_KEYS = ("kinds", "fields", "priority", "platform")
_RULE_KEYS = {*_MATCH_KEYS, *DEADLINE_NAMES, "source"}


class _Where:
    """Builds error messages naming the file, the section and the key."""

    def __init__(self, origin: str, section: str) -> None:
        self.origin, self.section = origin, section

    def __call__(self, key: str | None, why: str) -> ValueError:
        at = f" key '{key}':" if key is not None else ""
        return ValueError(f"{self.origin}: {self.section}:{at} {why}")


def _table(
    raw: object, where: _Where, allowed: set[str], required: Collection[str]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise where(None, "must be a table")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise where(
            None, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )
    for key in required:
        if key not in raw:
            raise where(key, "missing")
    source = raw.get("source", "")
    if "source" in raw and (not isinstance(source, str) or not source.strip()):
        raise where("source", "must say where the numbers come from (a non-empty text)")
    return raw


def _spec(raw: object, key: str, where: _Where) -> DeadlineSpec:
    if not isinstance(raw, dict) or not set(raw) <= {"hours", "working_days"}:
        raise where(key, f"must be {{hours = N}} or {{working_days = N}}, got {raw!r}")
    try:
        return DeadlineSpec(hours=raw.get("hours"), working_days=raw.get("working_days"))
    except ValueError as exc:
        raise where(key, f"{exc} (got {raw!r})") from exc


def _codes(raw: object, key: str, where: _Where, known: Collection[str] | None) -> frozenset[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(c, str) and c for c in raw):
        raise where(key, f'must be a non-empty list of codes like ["P-JQ"], got {raw!r}')
    if known is not None:
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise where(key, f"unknown code(s) {', '.join(unknown)} (not in the catalogue)")
    return frozenset(raw)


def _priorities(raw: object, where: _Where) -> frozenset[Priority]:
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not names:
        raise where("priority", f"must be a priority name or a list of them, got {raw!r}")
    bad = [n for n in names if not isinstance(n, str) or n not in _PRIORITY_NAMES]
    if bad:
        allowed = " | ".join(_PRIORITY_NAMES)
        raise where("priority", f"unknown priority {bad[0]!r}; use {allowed}")
    return frozenset(_PRIORITY_NAMES[n] for n in names)


def _rule(
    raw: object, where: _Where, kinds: Collection[str] | None, fields: Collection[str] | None
) -> Rule:
    body = _table(raw, where, _RULE_KEYS, ("source",))
    if not any(k in body for k in _MATCH_KEYS):
        raise where(None, f"matches every order; give {', '.join(_MATCH_KEYS)} or use [defaults]")
    if not any(k in body for k in DEADLINE_NAMES):
        raise where(None, f"sets no deadline; give {', '.join(DEADLINE_NAMES)}")
    platform = body.get("platform")
    if platform is not None and platform not in {p.value for p in Platform}:
        raise where("platform", f'must be "12345" or "110", got {platform!r}')
    specs = {k: _spec(body[k], k, where) for k in DEADLINE_NAMES if k in body}
    return Rule(
        source=body["source"],
        kinds=_codes(body["kinds"], "kinds", where, kinds) if "kinds" in body else None,
        fields=_codes(body["fields"], "fields", where, fields) if "fields" in body else None,
        priorities=_priorities(body["priority"], where) if "priority" in body else None,
        platform=Platform(platform) if platform is not None else None,
        **specs,
    )


def parse_policy(
    text: str,
    origin: str = "<policy>",
    *,
    known_kinds: Collection[str] | None = None,
    known_fields: Collection[str] | None = None,
) -> Policy:
    """Parse policy TOML; every error is a ValueError naming ``origin``, the section (e.g.
    ``[[rule]] #2``, counted from 1 in file order) and the key. With ``known_kinds`` /
    ``known_fields``, codes missing from them are refused, except the file's ``pending_kinds``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from exc
    top = _Where(origin, "top level")
    _table(data, top, {"defaults", "rule", "alarms", "pending_kinds"}, ("defaults",))
    pending = data.get("pending_kinds", [])
    if pending:
        pending = _codes(pending, "pending_kinds", top, None)
    kinds = None if known_kinds is None else {*known_kinds, *pending}
    where = _Where(origin, "[defaults]")
    body = _table(data["defaults"], where, {*DEADLINE_NAMES, "source"}, (*DEADLINE_NAMES, "source"))
    defaults = DeadlineSpecs(**{k: _spec(body[k], k, where) for k in DEADLINE_NAMES})
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise top("rule", "write each rule as a [[rule]] section")
    rules = tuple(
        _rule(raw, _Where(origin, f"[[rule]] #{n}"), kinds, known_fields)
        for n, raw in enumerate(raw_rules, start=1)
    )
    where = _Where(origin, "[alarms]")
    body = _table(data.get("alarms", {}), where, {"warn_share", "warn_lead_hours", "source"}, ())
    try:
        alarms = AlarmSettings(
            **{k: body[k] for k in ("warn_share", "warn_lead_hours") if k in body}
        )
    except ValueError as exc:
        raise where(None, str(exc)) from exc
    return Policy(defaults=defaults, rules=rules, alarms=alarms, origin=origin)


def load_policy(
    path: Path,
    *,
    known_kinds: Collection[str] | None = None,
    known_fields: Collection[str] | None = None,
) -> Policy:
    """Read and validate a policy file (e.g. ``bundle_path("db", "policy", "deadlines.toml")``)."""
    text = path.read_text(encoding="utf-8")
    return parse_policy(text, str(path), known_kinds=known_kinds, known_fields=known_fields)
