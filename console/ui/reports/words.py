"""The reports tab's words and colours, said once for the page, the charts and the PDF.

The service's tables (``console.services.report_views.report_tables``) carry Chinese titles and
headers, which is what the Excel sheets show; the tab translates them by their keys, and falls
back to the service's Chinese for a key it does not know yet (a table added later still shows).

The palette is Okabe–Ito's (Okabe & Ito 2008, "Color Universal Design"): eight colours told apart
by the common colour-vision deficiencies. Charts never rely on it alone: every bar carries its
value, every line its own dash and marker, and the legend names them.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from console.domain.calendar import CHINA_TZ
from console.ui.alarms.model import level_names
from console.ui.names import deadline_names, platform_names

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow (light: never under white text)
    "#000000",  # black
)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def table_titles() -> dict[str, str]:
    """Each table's title by its key (``Table.key``)."""
    return {
        "summary": translate("ReportWords", "Overview"),
        "rates": translate("ReportWords", "Rates and times"),
        "trend": translate("ReportWords", "Trend by day"),
        "by_kind": translate("ReportWords", "Orders by kind"),
        "by_field": translate("ReportWords", "Orders by field"),
        "by_district": translate("ReportWords", "Orders by district"),
        "transfers": translate("ReportWords", "Transfers each way"),
        "three_way": translate("ReportWords", "Three-way call outcomes"),
        "first_contact": translate("ReportWords", "First contact by mode"),
        "dispatches": translate("ReportWords", "Dispatches by department"),
        "overdue": translate("ReportWords", "Overdue by deadline"),
        "returns": translate("ReportWords", "Returns"),
        "alarm_levels": translate("ReportWords", "Alarms by level"),
        "incidents": translate("ReportWords", "Emergency incidents"),
        "callers": translate("ReportWords", "Callers per order"),
        "knowledge": translate("ReportWords", "Answers by knowledge article"),
    }


def column_headers() -> dict[str, str]:
    """Each column's header by its key (``Column.key``)."""
    return {
        "figure": translate("ReportWords", "Figure"),
        "value": translate("ReportWords", "Value"),
        "day": translate("ReportWords", "Date"),
        "created": translate("ReportWords", "Received"),
        "completed": translate("ReportWords", "Completed"),
        "key": translate("ReportWords", "Code"),
        "label": translate("ReportWords", "Name"),
        "sender": translate("ReportWords", "From"),
        "receiver": translate("ReportWords", "To"),
        "sent": translate("ReportWords", "Sent"),
        "signed_for": translate("ReportWords", "Signed for"),
        "name": translate("ReportWords", "Department"),
        "dispatched": translate("ReportWords", "Dispatched"),
        "fed_back": translate("ReportWords", "Fed back"),
        "on_time": translate("ReportWords", "On time"),
        "share": translate("ReportWords", "On-time share"),
        "number": translate("ReportWords", "Incident"),
        "platform": translate("ReportWords", "Platform"),
        "type": translate("ReportWords", "Type"),
        "level": translate("ReportWords", "Level"),
        "started": translate("ReportWords", "Started"),
        "stood_down": translate("ReportWords", "Stood down"),
        "linked": translate("ReportWords", "Linked orders"),
        "partners": translate("ReportWords", "Partners"),
        "overdue": translate("ReportWords", "Overdue"),
        "median": translate("ReportWords", "Median minutes to answer"),
    }


def code_names() -> dict[str, dict[str, str]]:
    """The names of the codes a breakdown counts by, for the breakdowns whose codes are the
    console's own (the service names catalogue rows — kinds, fields, districts, departments —
    and leaves these codes as they are)."""
    platforms = {p.value: name for p, name in platform_names().items()}
    return {
        "three_way": {
            "12345": translate("ReportWords", "12345 took it"),
            "110": translate("ReportWords", "110 took it"),
            "first_contact": translate("ReportWords", "Neither: first contact (首接负责)"),
        },
        "first_contact": {
            "provisional": translate("ReportWords", "Provisional acceptance (先行受理)"),
            "guidance": translate("ReportWords", "Guidance and explanation (合理引导和解释)"),
        },
        "overdue": {k.value: name for k, name in deadline_names().items()},
        "alarm_levels": {k.value: name for k, name in level_names().items()},
        "returns": platforms,
    }


def label_of(names: dict[str, dict[str, str]], table: str, key: str, label: str) -> str:
    """A breakdown row's name as shown: the console's own name of its code, else the service's
    (a catalogue name), else "(none)" for a row without a code."""
    own = names.get(table, {}).get(key)
    if own:
        return own
    if label and (label != key or table not in names):
        return label
    return label or translate("ReportWords", "(none)")


def period_kinds() -> dict[str, str]:
    return {
        "day": translate("ReportWords", "Day"),
        "week": translate("ReportWords", "Week"),
        "month": translate("ReportWords", "Month"),
        "custom": translate("ReportWords", "Custom"),
    }


def share_text(value: float | None) -> str:
    """63.4 %: a share, or a dash when there is nothing to divide."""
    return "—" if value is None else f"{value * 100:.1f} %"


def count_text(value: int) -> str:
    return f"{value:,}"


def seconds_text(value: float | None) -> str:
    """2 min 05 s (or 45 s): a duration a shift lead reads at a glance."""
    if value is None:
        return "—"
    whole = round(value)
    if whole < 60:
        return translate("ReportWords", "{s} s").format(s=whole)
    return translate("ReportWords", "{m} min {s:02d} s").format(m=whole // 60, s=whole % 60)


def day_text(day: date) -> str:
    return day.isoformat()


def time_text(at: datetime | None) -> str:
    """China time, to the minute."""
    return "—" if at is None else at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
