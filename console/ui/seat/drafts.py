"""The intake draft on disk, so a crash of the console loses at most half a second of typing.

One file, ``current.json`` in ``data_dir()/drafts``, holds the draft being typed and the call it
belongs to (:class:`DraftCall`: the switch's call id and the caller's number, since a switch
that restarts may hand out the same ids again: a draft goes back only onto its own caller), and
the incident the agent linked it to at intake (Ctrl+L), if any. It is written atomically (a
temp file beside it, then ``os.replace``): a crash while writing leaves the previous version,
never half a file. Writes are throttled by the single-shot
``draft-autosave`` timer: the first change starts it and later changes ride along, so a steady
typist is saved every 500 ms instead of never (a restarting debounce would wait for a pause).

The JSON side (:func:`draft_to_json`, :func:`draft_from_json`, :func:`write_atomic`) needs no Qt.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.intake import Draft
from console.domain.orders import Priority
from console.settings import data_dir

log = logging.getLogger(__name__)

AUTOSAVE_MS = 500
FORMAT_VERSION = 1
CURRENT = "current.json"

_TEXT = ("caller_phone", "caller_name", "kind", "field", "district", "address", "description")
_FLAGS = ("social_stability", "consent")


class DraftFileError(ValueError):
    """A draft file that cannot be read back; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class DraftCall:
    """The call a draft was typed during: the switch's id and the caller's number as the
    switch gave it. Both must match for the draft to go back onto a call."""

    call_id: str
    caller: str


@dataclass(frozen=True, slots=True)
class SavedDraft:
    """A draft read back from disk: its call (None: typed with no call), when it was last
    written, what was typed, and the incident it is linked to (None: not linked)."""

    call: DraftCall | None
    saved_at: datetime | None  # None in a file that does not say
    draft: Draft
    incident: str | None = None  # the incident's number (12345-YJ-20261205-001)


def draft_to_json(
    call: DraftCall | None, draft: Draft, saved_at: datetime, incident: str | None = None
) -> str:
    body: dict[str, object] = asdict(draft)
    body["priority"] = draft.priority.name.lower()
    return json.dumps(
        {
            "version": FORMAT_VERSION,
            "call_id": call.call_id if call else None,
            "caller": call.caller if call else None,
            "saved_at": saved_at.astimezone(UTC).isoformat(),
            "incident": incident,
            "draft": body,
        },
        ensure_ascii=False,
        indent=1,
    )


def draft_from_json(text: str) -> SavedDraft:
    """The saved draft; raises :class:`DraftFileError`. Keys a later version adds are
    ignored and missing ones take the default, but a value of the wrong type is an error.
    A file written before the caller was kept has no call: it is offered, never matched; one
    written before incidents were linked has none."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DraftFileError(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise DraftFileError("not a JSON object")
    if data.get("version") != FORMAT_VERSION:
        raise DraftFileError(f"unknown version {data.get('version')!r}")
    call_id, caller, body = data.get("call_id"), data.get("caller"), data.get("draft")
    incident = data.get("incident")
    for key, value in (("call_id", call_id), ("caller", caller), ("incident", incident)):
        if value is not None and not isinstance(value, str):
            raise DraftFileError(f"{key} must be a string, got {value!r}")
    saved_at = _instant(data.get("saved_at"))
    if not isinstance(body, dict):
        raise DraftFileError("draft must be an object")
    values: dict[str, object] = {}
    known = {f.name for f in fields(Draft)}
    for key, value in body.items():
        if key not in known:
            continue
        if key in _TEXT and not isinstance(value, str):
            raise DraftFileError(f"{key} must be a string, got {value!r}")
        if key in _FLAGS and not isinstance(value, bool):
            raise DraftFileError(f"{key} must be true or false, got {value!r}")
        values[key] = value
    if "priority" in values:
        name = values["priority"]
        if not isinstance(name, str) or name.upper() not in Priority.__members__:
            raise DraftFileError(f"unknown priority {name!r}")
        values["priority"] = Priority[name.upper()]
    call = DraftCall(call_id, caller) if call_id is not None and caller is not None else None
    return SavedDraft(call, saved_at, Draft(**values), incident)  # type: ignore[arg-type]


def _instant(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise DraftFileError(f"saved_at must be a string, got {value!r}")
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise DraftFileError(f"saved_at is not an instant: {value!r}") from None
    if instant.tzinfo is None:
        raise DraftFileError(f"saved_at has no time zone: {value!r}")
    return instant


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` all at once: readers see the old file or the new one.

    No fsync: this guards against the console crashing, not the machine losing power, and an
    fsync on the GUI thread could stall a keystroke when the disk is busy.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


class DraftStore(QObject):
    """Signals: ``written(path)`` after each write; ``failed(reason)`` when a write fails (the
    draft stays staged and the next change or flush tries again)."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder if folder is not None else data_dir() / "drafts"
        self.moved_aside: Path | None = None  # the last corrupt file load_latest() moved aside
        self._staged: tuple[DraftCall | None, Draft, str | None] | None = None
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.timer.setObjectName("draft-autosave")
        self.timer.timeout.connect(self.flush)

    @property
    def path(self) -> Path:
        return self.folder / CURRENT

    def stage(self, call: DraftCall | None, draft: Draft, incident: str | None = None) -> None:
        """Remember the draft (and the incident it is linked to); it is written within
        ``AUTOSAVE_MS`` (or at the next flush)."""
        self._staged = (call, draft, incident)
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        """Write the staged draft now, if there is one (focus-out, before a new call)."""
        self.timer.stop()
        if self._staged is None:
            return
        call, draft, incident = self._staged
        try:
            write_atomic(self.path, draft_to_json(call, draft, datetime.now(UTC), incident))
        except OSError as exc:
            log.warning("could not write the intake draft to %s: %s", self.path, exc)
            self.failed.emit(f"{self.path}: {exc.strerror or exc}")
            return
        self._staged = None
        self.written.emit(str(self.path))

    def load_latest(self) -> SavedDraft | None:
        """The draft on disk with its call, or ``None``. A file that cannot be read is moved
        aside (``….corrupt``, kept for support) and logged: start-up goes on without it."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self._move_aside(str(exc))
            return None
        try:
            return draft_from_json(text)
        except DraftFileError as exc:
            self._move_aside(str(exc))
            return None

    def clear(self) -> None:
        """Forget the draft: it was saved as an order (or the agent discarded it)."""
        self.timer.stop()
        self._staged = None
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove the intake draft %s: %s", self.path, exc)

    def set_aside(self) -> Path | None:
        """Keep the draft on disk under another name (a new call began before it was saved)."""
        self.flush()
        target = self.folder / f"set-aside-{_stamp()}.json"
        try:
            os.replace(self.path, target)
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("could not set the intake draft %s aside: %s", self.path, exc)
            return None
        log.info("unsaved intake draft set aside as %s", target)
        return target

    def _move_aside(self, reason: str) -> None:
        target = self.path.with_name(f"{CURRENT}.{_stamp()}.corrupt")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            log.error("intake draft %s is unreadable (%s) and could not be moved: %s",
                      self.path, reason, exc)  # fmt: skip
            return
        self.moved_aside = target
        log.warning("intake draft %s is unreadable (%s): moved to %s", self.path, reason, target)
