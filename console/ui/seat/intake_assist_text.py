"""What the intake assist (:mod:`console.ui.seat.intake_assist`) says, in the agent's language:
the routing suggestion with why, how similar past orders ended, and a likely duplicate.

The citation (依据：2026年第3次会商 规则 R-017) is the domain's Chinese text, shown as it is:
it names a meeting and a rule as the minutes do. Nothing here is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.domain.consultation import Advice, Move
from console.domain.duplicates import Candidate, Reason
from console.domain.orders import Platform, Status
from console.services.suggestions import History
from console.ui.names import platform_names, status_names

EXCERPT = 40  # characters of a duplicate's description shown on its line
DEPARTMENTS_SHOWN = 3  # of the history's departments, the most frequent


translate = QCoreApplication.translate


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "0%"


def advice_headline(advice: Advice, departments: Mapping[str, str]) -> str:
    """建议：转110 — 承办单位 / Suggested: handle at 12345 — department."""
    platform = platform_names()[advice.platform]
    if advice.move is Move.TRANSFER:
        text = translate("IntakeAssist", "Suggested: transfer to {platform}").format(
            platform=platform
        )
    else:
        text = translate("IntakeAssist", "Suggested: handle here ({platform})").format(
            platform=platform
        )
    if advice.department:
        name = departments.get(advice.department, advice.department)
        text += translate("IntakeAssist", ", department: {department}").format(department=name)
    return text


def advice_detail(advice: Advice) -> str:
    """Why: the citation, the keywords that matched, the handling norm, other rules matched."""
    parts = [advice.cited]
    if advice.keywords:
        parts.append(
            translate("IntakeAssist", "matched: {keywords}").format(
                keywords="、".join(advice.keywords)
            )
        )
    if advice.norm:
        norm = advice.norm.rstrip("。.")
        parts.append(translate("IntakeAssist", "handling norm: {norm}").format(norm=norm))
    if advice.item is not None and advice.item.kinds:
        parts.append(
            translate("IntakeAssist", "becomes there: {kinds}").format(
                kinds="、".join(advice.item.kinds)
            )
        )
    if advice.also:
        parts.append(
            translate("IntakeAssist", "also matching: {rules}").format(rules=", ".join(advice.also))
        )
    return " · ".join(parts)


def history_text(history: History, platform: Platform, departments: Mapping[str, str]) -> str:
    """No rule: how past orders of the matter ended, each a share and a count."""
    if history.total == 0:
        return translate("IntakeAssist", "No 会商 rule or list item matches, and no past order of this matter in the "
                   "last {days} days.").format(days=history.days)  # fmt: skip
    names = platform_names()
    if history.similar:
        lead = translate("IntakeAssist", "No 会商 rule matches. Of {total} past orders with similar text (last {days} "
                   "days):")  # fmt: skip
    else:
        lead = translate("IntakeAssist", "No 会商 rule matches. Of {total} past orders of this matter (last {days} "
                   "days):")  # fmt: skip
    text = lead.format(total=history.total, days=history.days)
    text += " " + translate("IntakeAssist", "{share} stayed at {platform} ({count}), {peer_share} went to {peer} "
                      "({peer_count})").format(
        share=_share(history.stayed, history.total), platform=names[platform],
        count=history.stayed, peer_share=_share(history.transferred, history.total),
        peer=names[platform.peer], peer_count=history.transferred,
    )  # fmt: skip
    if history.departments:
        shown = [
            f"{departments.get(code, code)} {_share(n, history.total)} ({n})"
            for code, n in history.departments[:DEPARTMENTS_SHOWN]
        ]
        text += translate("IntakeAssist", "; departments: {list}").format(list="、".join(shown))
    return text


def reason_names() -> dict[Reason, str]:
    return {
        Reason.SAME_CALLER: translate("IntakeAssist", "same caller"),
        Reason.SAME_ADDRESS: translate("IntakeAssist", "same address"),
        Reason.SIMILAR: translate("IntakeAssist", "same district and kind, similar text"),
    }


def candidate_text(candidate: Candidate, kind_names: Mapping[str, str]) -> str:
    """One likely duplicate on one line: number, why, how alike, when, status, what."""
    order = candidate.order
    reasons = reason_names()
    why = "、".join(reasons[r] for r in candidate.reasons)
    status = (
        status_names().get(Status(order.status), order.status)
        if order.status in set(Status)
        else order.status
    )
    excerpt = " ".join(order.description.split())
    if len(excerpt) > EXCERPT:
        excerpt = excerpt[:EXCERPT] + "…"
    parts = [order.number, why]
    if candidate.similarity > 0:
        alike = _share(round(candidate.similarity * 100), 100)
        parts.append(translate("IntakeAssist", "text {alike} alike").format(alike=alike))
    parts += [_local(order.created_at), kind_names.get(order.kind, order.kind), status]
    return " · ".join(parts) + " — " + excerpt


def _local(instant: datetime) -> str:
    local = instant.astimezone()
    today = datetime.now(local.tzinfo).date()
    return local.strftime("%H:%M" if local.date() == today else "%m-%d %H:%M")
