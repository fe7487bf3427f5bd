"""The emergency board's words, marks and colours, said once for the board, its dialogs and the
wall: a level is a numeral, a word and a colour (never the colour alone: colour-blind agents read
the numeral and the word); a partner's state a symbol and a word; a drill is 演练 everywhere.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.domain.calendar import CHINA_TZ
from console.domain.emergency import AckMeans, EventType, Level, PartnerKind, PartnerState
from console.ui.names import say

LEVELS = tuple(sorted(Level, key=lambda level: -level.severity))
"""Ⅰ (most severe) first: the level boxes list them so."""

# (band, text on it) per level: the national plan's red, orange, yellow, blue, as dark or light
# as needed for text to stay readable (contrast > 4.5:1 each).
LEVEL_COLOURS: dict[Level, tuple[str, str]] = {
    Level.I: ("#b71c1c", "#ffffff"),
    Level.II: ("#e65100", "#ffffff"),
    Level.III: ("#fbc02d", "#1a1a1a"),
    Level.IV: ("#1565c0", "#ffffff"),
}
STOOD_DOWN_COLOURS = ("#e0e0e0", "#505050")  # grey: the response is over
DRILL_TEXT = "#4a148c"  # a drill's words are violet on a pale violet, in italics
DRILL_BACK = "#f3e8f7"

# A symbol per partner state (DejaVu Sans draws them all), then the word.
STATE_MARKS: dict[PartnerState, str] = {
    PartnerState.QUEUED: "◌",
    PartnerState.NOTIFIED: "○",
    PartnerState.OVERDUE: "⚠",
    PartnerState.ACKNOWLEDGED: "✔",
    PartnerState.REFUSED: "✖",
    PartnerState.RELEASED: "–",
}
# Overdue is dark red, refused dark violet, acknowledged dark green; the others plain.
STATE_COLOURS: dict[PartnerState, tuple[str, str] | None] = {
    PartnerState.QUEUED: None,
    PartnerState.NOTIFIED: None,
    PartnerState.OVERDUE: ("#8e1b1b", "#ffffff"),
    PartnerState.ACKNOWLEDGED: ("#e3f2e1", "#1b4d1b"),
    PartnerState.REFUSED: ("#efe3f5", "#4a148c"),
    PartnerState.RELEASED: ("#f2f2f2", "#707070"),
}


def level_word(level: Level) -> str:
    """重大 / serious: the level's word in the language shown."""
    return (
        QCoreApplication.translate("EmergencyWords", "extremely serious"),
        QCoreApplication.translate("EmergencyWords", "serious"),
        QCoreApplication.translate("EmergencyWords", "major"),
        QCoreApplication.translate("EmergencyWords", "general"),
    )[int(level.value) - 1]


def level_text(level: Level) -> str:
    """ "Ⅱ 重大" — the numeral and the word, which is what a level is called on the floor."""
    return f"{level.numeral} {level_word(level)}"


def level_long(level: Level) -> str:
    """ "Ⅱ 重大（橙色）": the boxes' wording, naming the colour too."""
    return QCoreApplication.translate("EmergencyWords", "{level} ({colour})").format(
        level=level_text(level), colour=say(level.colour_text)
    )


def event_name(event_type: EventType) -> str:
    return say(event_type.name_text)


def drill_word() -> str:
    return QCoreApplication.translate("EmergencyWords", "DRILL")


def kind_name(kind: PartnerKind) -> str:
    translate = QCoreApplication.translate
    return {
        PartnerKind.FIRE: translate("EmergencyWords", "119 fire and rescue"),
        PartnerKind.AMBULANCE: translate("EmergencyWords", "120 ambulance"),
        PartnerKind.TRAFFIC: translate("EmergencyWords", "122 traffic police"),
        PartnerKind.WATER: translate("EmergencyWords", "Water"),
        PartnerKind.POWER: translate("EmergencyWords", "Power"),
        PartnerKind.GAS: translate("EmergencyWords", "Gas"),
        PartnerKind.HEATING: translate("EmergencyWords", "Heating"),
        PartnerKind.SCHOOL: translate("EmergencyWords", "Schools"),
        PartnerKind.HOSPITAL: translate("EmergencyWords", "Hospital"),
        PartnerKind.AIRPORT: translate("EmergencyWords", "Airport"),
        PartnerKind.HIGHWAY: translate("EmergencyWords", "Highway"),
        PartnerKind.RAILWAY: translate("EmergencyWords", "Railway"),
        PartnerKind.EMERGENCY_BUREAU: translate("EmergencyWords", "Emergency bureau"),
    }[kind]


def state_word(state: PartnerState) -> str:
    translate = QCoreApplication.translate
    return {
        PartnerState.QUEUED: translate("EmergencyWords", "queued"),
        PartnerState.NOTIFIED: translate("EmergencyWords", "waiting"),
        PartnerState.OVERDUE: translate("EmergencyWords", "OVERDUE"),
        PartnerState.ACKNOWLEDGED: translate("EmergencyWords", "acknowledged"),
        PartnerState.REFUSED: translate("EmergencyWords", "refused"),
        PartnerState.RELEASED: translate("EmergencyWords", "released"),
    }[state]


def state_text(state: PartnerState) -> str:
    return f"{STATE_MARKS[state]} {state_word(state)}"


def means_name(means: AckMeans) -> str:
    translate = QCoreApplication.translate
    return {
        AckMeans.CHANNEL: translate("EmergencyWords", "by the channel"),
        AckMeans.PHONE: translate("EmergencyWords", "by phone"),
        AckMeans.RADIO: translate("EmergencyWords", "by radio"),
        AckMeans.IN_PERSON: translate("EmergencyWords", "in person"),
        AckMeans.OTHER: translate("EmergencyWords", "other"),
    }[means]


def counts_text(acknowledged: int, waiting: int, overdue: int, refused: int) -> str:
    """ "✔5 ○1 ⚠2 ✖0" with the words: the incident list's partner column."""
    return QCoreApplication.translate(
        "EmergencyWords",
        "✔ {ack} acknowledged · ○ {waiting} waiting · ⚠ {overdue} overdue · ✖ {refused} refused",
    ).format(ack=acknowledged, waiting=waiting, overdue=overdue, refused=refused)


def elapsed(since: datetime, now: datetime) -> str:
    """ "1:07:32" (hours:minutes:seconds), or "2d 03:10" past a day; never negative."""
    seconds = max(0, int((now - since).total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("EmergencyWords", "{d}d {hh:02}:{mm:02}").format(
            d=days, hh=hours, mm=minutes
        )
    return f"{hours}:{minutes:02}:{seconds:02}"


def clock_time(at: datetime | None) -> str:
    """China time of ``at``, "14:05" (empty for none)."""
    return "" if at is None else at.astimezone(CHINA_TZ).strftime("%H:%M")


def full_time(at: datetime | None) -> str:
    return "" if at is None else at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")
