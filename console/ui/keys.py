"""Every key of the seat window, declared once: the key, what it does, where it works.

The widgets read their keys from here (:func:`sequence`, :func:`mnemonic`): the seat's F-keys,
the tabs, the intake form's Alt letters, the linkage strip, the alarm panel and the order
detail's steps (whose keys are declared with the steps, ``ActionSpec.key``, and only listed
here). ``tests/ui/test_keys.py`` presses through every window state and fails on a key that is
live twice at once, or live but not declared; README's key table is :func:`readme_table`.

Choosing a key: a window-wide key must be free everywhere; an Alt letter of one page may repeat
on another page, never on its own page or on a window-wide key (the tabs own Alt+S/Q/L/D/A/B,
the role tabs Alt+Y/J, the emergency tab Alt+Z; with every letter taken, the hot spots tab has
Alt+1, the 会商 tab Alt+2, the knowledge tab Alt+3 (an administrator's) and the reports tab
Ctrl+Shift+B).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtGui import QKeySequence

from console.domain.actions import STEPS


class Where(enum.Enum):
    """Where a key works; keys of pages that never show together may be the same."""

    WINDOW = "anywhere in the window"
    CALL = "anywhere in the window (the call area above the tabs)"
    INTAKE = "Seat tab, intake form"
    LINKAGE = "the linkage strip above the tabs (while it offers the step)"
    QUEUES = "Queues tab"
    LOOKUP = "Caller lookup tab"
    DETAIL = "Order detail (while the step is possible)"
    DETAIL_PAGE = "Order detail"
    STEP_FORM = "Order detail, a step's form"
    ALARMS = "Alarms tab"
    USERS = "Users tab (系统管理员)"
    AUDIT = "Audit tab (审计员)"
    EMERGENCY = "Emergency tab (应急联动)"
    EMERGENCY_FORM = "Emergency tab, a form (start, level, answer, stand down)"
    WALL = "Emergency wall (大屏模式, full screen)"
    HOTSPOTS = "Hot spots tab (热点, the 12345 shift lead)"
    WALLBOARD = "Wallboard (大屏, full screen)"
    REPORTS = "Reports tab (报表)"
    REPORT_ORDERS = "Reports tab, the orders behind a figure"
    CONSULTATION = "会商 tab (shift leads, administrators): agenda, items, rules"
    KNOWLEDGE = "Seat tab, the knowledge pane beside the intake form (知识库)"
    KNOWLEDGE_ADMIN = "Knowledge tab (知识库, 系统管理员)"

    def meets(self, other: Where) -> bool:
        """Whether keys of the two places can be live at the same time."""
        always = (Where.WINDOW, Where.CALL, Where.LINKAGE)  # the call area is always in view
        if self in always or other in always or self is other:
            return True
        pages = (
            {Where.INTAKE, Where.KNOWLEDGE},
            {Where.DETAIL, Where.DETAIL_PAGE, Where.STEP_FORM},
        )
        return any(self in page and other in page for page in pages)


@dataclass(frozen=True, slots=True)
class Key:
    keys: tuple[str, ...]  # portable key texts ("Alt+S", "Ctrl+Return"): the first is shown
    what: str  # English, for README
    where: Where


def _k(keys: str, what: str, where: Where) -> Key:
    return Key(tuple(keys.split(" or ")), what, where)


W = Where
_DECLARED: dict[str, Key] = {
    # The seat: its state and the call (SeatPanel's call area, shown above every tab)
    "ready": _k("F2", "ready (就绪)", W.CALL),
    "break": _k("F3", "not ready, break (示忙·小休); meeting and training from the state box", W.CALL),
    "answer": _k("F5", "answer the call ringing at this seat (else the one that has waited longest)", W.CALL),
    "hang_up": _k("F6", "hang up (then wrap-up, 话后整理; a call that left no saved order asks "
                  "for a wrap-up code, 话后小结: a digit picks it, Enter records it)", W.CALL),
    "extend_wrap_up": _k("Shift+F6", "in wrap-up: as much wrap-up time again", W.CALL),
    "hold": _k("F7", "hold / resume (timed on its own; after `seat.hold_reminder_s` the call "
                "bar turns amber: 保持已 01:05，请回到来电)", W.CALL),
    "transfer": _k("F8", "one-click transfer (一键转接) of the caller with the saved order", W.CALL),
    "three_way": _k("F9", "three-way call (三方通话) with the peer line, the saved order attached", W.CALL),
    "new_order": _k("Ctrl+N", "new order for the current caller (brings the Seat tab forward)", W.CALL),
    # The linkage strip's offers (LinkageBar)
    "offer": _k("F10", "after a failed transfer: keep the caller, send the order as 互派; "
                "after F8 wanted consent: the caller agrees, transfer", W.LINKAGE),
    "cancel_transfer": _k("F4", "while F8 or F9 rings the peer line: call it off, the caller stays "
                          "with you", W.LINKAGE),
    "record_outcome": _k("F11", "record the three-way call's outcome", W.LINKAGE),
    "open_arrived": _k("F12", "open the order that came with the caller", W.LINKAGE),
    # The intake form (IntakeFields, IntakeForm): an Alt letter reaches the field, ticks a box
    "save": _k("Ctrl+S", "save the order (every problem is shown under its field)", W.INTAKE),
    "caller_phone": _k("Alt+P", "phone", W.INTAKE),
    "caller_name": _k("Alt+M", "name", W.INTAKE),
    "kind": _k("Alt+K", "kind (its digit picks one)", W.INTAKE),
    "field": _k("Alt+F", "field (12345)", W.INTAKE),
    "district": _k("Alt+I", "district (Chinese name, pinyin or code)", W.INTAKE),
    "address": _k("Alt+R", "address", W.INTAKE),
    "description": _k("Alt+T", "description", W.INTAKE),
    "normal": _k("Alt+N", "priority normal", W.INTAKE),
    "urgent": _k("Alt+U", "priority urgent", W.INTAKE),
    "critical": _k("Alt+C", "priority critical", W.INTAKE),
    "social_stability": _k("Alt+O", "tick / untick: affects social stability", W.INTAKE),
    "consent": _k("Alt+E", "tick / untick: the caller agreed to be transferred", W.INTAKE),
    "restore_draft": _k("Ctrl+R", "restore the unsaved draft a crash left (offered with its "
                        "caller's masked number and time)", W.INTAKE),
    "set_draft_aside": _k("Ctrl+Shift+R", "set that draft aside (kept on disk, not restored)", W.INTAKE),
    "link_incident": _k("Ctrl+L", "link the order being typed to the active incident offered for the "
                        "caller's district (the selected one, else the first); again: unlink", W.INTAKE),
    # The knowledge pane beside the intake form (KnowledgePane)
    "kb_articles": _k("Alt+W", "the knowledge articles found for the kind and text typed (知识库; "
                      "arrows choose one, its text shows below)", W.KNOWLEDGE),
    "kb_cite": _k("Ctrl+Return or Ctrl+Enter", "in the knowledge pane: cite the chosen article on "
                  "the order (引用: counted in the reports)", W.KNOWLEDGE),
    "accept_suggestion": _k("Ctrl+G", "accept the routing suggestion shown under the form (会商 rule "
                            "or transfer list): fills the kind and field it names; saving "
                            "without it counts as ignored", W.INTAKE),
    "duplicates": _k("Alt+V", "the likely duplicates among open orders (best first; arrows "
                     "select one)", W.INTAKE),
    "join_duplicate": _k("Ctrl+J", "the caller joins the selected duplicate as another caller "
                         "(并入): no new order is created", W.INTAKE),
    # The window (MainWindow)
    "tab_seat": _k("Alt+S", "the Seat tab", W.WINDOW),
    "tab_inbox": _k("Alt+X", "the Inbox tab (待办: what needs this seat)", W.WINDOW),
    "tab_queues": _k("Alt+Q", "the Queues tab", W.WINDOW),
    "tab_lookup": _k("Alt+L", "the Caller lookup tab", W.WINDOW),
    "tab_detail": _k("Alt+D", "the Order detail tab", W.WINDOW),
    "tab_alarms": _k("Alt+A", "the Alarms tab", W.WINDOW),
    "tab_board": _k("Alt+B", "the Seat board tab", W.WINDOW),
    "tab_users": _k("Alt+Y", "the Users tab (an administrator's window)", W.WINDOW),
    "tab_audit": _k("Alt+J", "the Audit tab (an auditor's window)", W.WINDOW),
    "tab_emergency": _k("Alt+Z", "the Emergency tab (应急联动; shift leads, and agents who may see incidents)", W.WINDOW),
    "tab_hotspots": _k("Alt+1", "the Hot spots tab (热点; the 12345 shift lead: every Alt letter "
                        "is taken)", W.WINDOW),
    "tab_knowledge": _k("Alt+3", "the Knowledge tab (知识库; an administrator's window: every Alt "
                        "letter is taken)", W.WINDOW),
    "wallboard": _k("Shift+F12", "the wallboard (大屏: the floor's figures full screen, for the "
                    "shift lead's wall screen); again to leave", W.WINDOW),
    "tab_consultation": _k("Alt+2", "the 会商 tab (joint consultation: the disputed-matter agenda, "
                           "its items, the rules; shift leads and administrators)", W.WINDOW),
    "tab_reports": _k("Ctrl+Shift+B", "the Reports tab (报表; shift leads and administrators): "
                      "every Alt letter is taken, so a Ctrl key", W.WINDOW),
    "search": _k("Ctrl+F", "search (the queues' search box, else the caller lookup)", W.WINDOW),
    "next_queue": _k("Ctrl+Tab", "next queue", W.WINDOW),
    "previous_queue": _k("Ctrl+Shift+Tab", "previous queue", W.WINDOW),
    "sign_out": _k("Ctrl+Shift+L", "sign out (退出登录; not during a call or its wrap-up): not "
                   "ready, logged out, back to the sign-in screen", W.WINDOW),
    "lookup_number": _k("Alt+C", "the caller number to look up", W.LOOKUP),
    "queue_back": _k("Esc", "from the search box back to the queue", W.QUEUES),
    # The order detail (OrderDetail): the caller is masked; seeing it whole takes a reason
    "reveal_number": _k("Alt+V", "show the caller's full number (显示完整号码): type the reason, "
                        "Enter; the reveal is recorded in the audit trail", W.DETAIL_PAGE),
    "em_from_order": _k("Ctrl+Shift+E", "start a linkage plan from this order (shift leads): the "
                        "Emergency tab's start form, filled in from the order, which it links", W.DETAIL_PAGE),
    "dismiss_aside": _k("Ctrl+Shift+D", "dismiss the order's held steps not written (未写入: the "
                        "order changed while the database was away), once dealt with", W.DETAIL_PAGE),
    "told_callers": _k("Alt+M", "once the order is fed back: the callers to tell the result "
                       "(告知来电人; its own and each who joined), told or not", W.DETAIL_PAGE),
    "caller_told": _k("Alt+K", "tick the selected caller (else the first not told) told the "
                      "result", W.DETAIL_PAGE),
    # 并单 / 拆单 from the order detail (OrderMerge): their form confirms and closes as a step's
    "merge": _k("Ctrl+Shift+M", "merge this order into another (并单): the form lists the "
                "likely duplicates (arrows pick one) or takes a number, a note; or says why "
                "not", W.DETAIL),
    "unmerge": _k("Ctrl+Shift+U", "on a merged order: unmerge it (拆单), both restored; a note",
                  W.DETAIL),
    "open_linked": _k("Return or Enter", "on another order's number under the timeline (Tab to "
                      "it), or on a timeline line naming one (联动, 并单, 并入, 拆单): open "
                      "that order", W.DETAIL_PAGE),
    # The order detail's step form (OrderActions, OrderMerge); the steps' keys follow below
    "confirm_step": _k("Ctrl+Return or Ctrl+Enter", "confirm the step", W.STEP_FORM),
    "close_step": _k("Esc", "close the step's form (its note is kept)", W.STEP_FORM),
    # The alarm panel (AlarmPanel, AlarmFilters)
    "acknowledge": _k("Ctrl+Return or Ctrl+Enter", "acknowledge the selected alarm", W.ALARMS),
    "filter_platform": _k("Alt+P", "filter: platform", W.ALARMS),
    "filter_kind": _k("Alt+K", "filter: kind", W.ALARMS),
    "filter_level": _k("Alt+V", "filter: level", W.ALARMS),
    "filter_queue": _k("Alt+U", "filter: queue", W.ALARMS),
    "filter_seat": _k("Alt+E", "filter: seat", W.ALARMS),
    # The administrator's Users tab (UsersView): actions on the selected account, and its form
    "user_add": _k("Alt+N", "new account (login, name, platform, roles, password typed twice)", W.USERS),
    "user_password": _k("Alt+P", "new password for the selected account (also unlocks it)", W.USERS),
    "user_totp": _k("Alt+T", "remove the selected account's authenticator app (it enrols again)", W.USERS),
    "user_disable": _k("Alt+I", "disable the selected account", W.USERS),
    "user_roles": _k("Alt+R", "the selected account's roles", W.USERS),
    "user_login": _k("Alt+G", "form: login", W.USERS),
    "user_name": _k("Alt+M", "form: name", W.USERS),
    "user_platform": _k("Alt+F", "form: platform", W.USERS),
    "user_role_list": _k("Alt+O", "form: roles (Space ticks the role under the cursor)", W.USERS),
    "user_new_password": _k("Alt+W", "form: password", W.USERS),
    "user_again": _k("Alt+E", "form: the password again", W.USERS),
    "user_confirm": _k("Ctrl+Return or Ctrl+Enter", "form: carry it out", W.USERS),
    "user_close": _k("Esc", "form: close it (nothing is changed)", W.USERS),
    # The administrator's Knowledge tab (KnowledgeView, ArticleForm): a save is a new version
    "kb_list": _k("Alt+I", "the articles (the selected one fills the form)", W.KNOWLEDGE_ADMIN),
    "kb_new": _k("Alt+N", "a new article (an empty form; its id is given when saved)", W.KNOWLEDGE_ADMIN),
    "kb_title": _k("Alt+T", "form: title", W.KNOWLEDGE_ADMIN),
    "kb_category": _k("Alt+G", "form: category (policy answer, handling norm, consultation result)", W.KNOWLEDGE_ADMIN),
    "kb_rule": _k("Alt+R", "form: the 会商 rule of a consultation result (R-017)", W.KNOWLEDGE_ADMIN),
    "kb_kinds": _k("Alt+K", "form: kinds (codes, comma separated; empty: any)", W.KNOWLEDGE_ADMIN),
    "kb_keywords": _k("Alt+W", "form: keywords (comma or 、 separated)", W.KNOWLEDGE_ADMIN),
    "kb_from": _k("Alt+F", "form: valid from (YYYY-MM-DD)", W.KNOWLEDGE_ADMIN),
    "kb_to": _k("Alt+E", "form: valid to, the last day (YYYY-MM-DD; empty: until replaced)", W.KNOWLEDGE_ADMIN),
    "kb_body": _k("Alt+O", "form: the text", W.KNOWLEDGE_ADMIN),
    "kb_save": _k("Ctrl+Return or Ctrl+Enter", "form: save as a new version (recorded in the audit trail)", W.KNOWLEDGE_ADMIN),
    # The auditor's Audit tab (AuditView)
    "audit_user": _k("Alt+U", "filter: user (login)", W.AUDIT),
    "audit_from": _k("Alt+F", "filter: from (China date, YYYY-MM-DD)", W.AUDIT),
    "audit_to": _k("Alt+T", "filter: to (China date, YYYY-MM-DD)", W.AUDIT),
    "audit_action": _k("Alt+C", "filter: action", W.AUDIT),
    "audit_more": _k("Alt+O", "older rows (scrolling to the end reads them too)", W.AUDIT),
    "audit_verify": _k("Alt+V", "verify the chain (the whole trail, off the screen's thread)", W.AUDIT),
    # The emergency board (EmergencyBoard): the shift lead's actions on the selected incident
    "em_start": _k("Alt+N", "start a linkage plan (启动预案): the form shows whom the plan notifies", W.EMERGENCY),
    "em_change_level": _k("Alt+V", "raise or lower the level (升级/降级), with a note", W.EMERGENCY),
    "em_record": _k("Alt+K", "record a partner's answer by hand (phone, radio, in person; or a refusal)", W.EMERGENCY),
    "em_repeat": _k("Alt+R", "notify the selected partner again", W.EMERGENCY),
    "em_stand_down": _k("Alt+T", "stand down (响应终止), with a summary", W.EMERGENCY),
    "em_wall": _k("Shift+F11", "wall mode (大屏模式): the board full screen, large type; again to leave", W.EMERGENCY),
    "em_wall_leave": _k("Esc", "leave wall mode", W.WALL),
    # The wallboard (Wallboard)
    "wallboard_leave": _k("Esc", "leave the wallboard", W.WALLBOARD),
    # The shift lead's hot spots (HotspotView)
    "hs_list": _k("Alt+H", "the list of hot spots (Enter on one: its orders)", W.HOTSPOTS),
    "hs_orders": _k("Alt+O", "the selected hot spot's orders (Enter opens one)", W.HOTSPOTS),
    "hs_department": _k("Alt+V", "verify (核查): the department or district government to send "
                        "the verification order to (the hot spot's district government first)", W.HOTSPOTS),
    "hs_take_up": _k("Ctrl+Return or Ctrl+Enter", "take the hot spot up: a verification order "
                     "(核查工单) dispatched there, feedback within 24 hours", W.HOTSPOTS),
    # The emergency board's forms (StartDialog, LevelDialog, AnswerDialog, StandDownDialog)
    "em_event_type": _k("Alt+E", "form: event type", W.EMERGENCY_FORM),
    "em_level": _k("Alt+V", "form: level", W.EMERGENCY_FORM),
    "em_district": _k("Alt+I", "form: district (Chinese name, pinyin or code)", W.EMERGENCY_FORM),
    "em_place": _k("Alt+P", "form: place", W.EMERGENCY_FORM),
    "em_summary": _k("Alt+U", "form: summary", W.EMERGENCY_FORM),
    "em_drill": _k("Alt+R", "form: tick / untick drill (演练)", W.EMERGENCY_FORM),
    "em_note": _k("Alt+O", "form: note", W.EMERGENCY_FORM),
    "em_partner": _k("Alt+T", "form: partner", W.EMERGENCY_FORM),
    "em_means": _k("Alt+H", "form: how the partner answered", W.EMERGENCY_FORM),
    "em_who": _k("Alt+W", "form: who answered at the partner", W.EMERGENCY_FORM),
    "em_when": _k("Alt+N", "form: when (now unless changed)", W.EMERGENCY_FORM),
    "em_refused": _k("Alt+F", "form: tick / untick the partner refused", W.EMERGENCY_FORM),
    "em_confirm": _k("Ctrl+Return or Ctrl+Enter", "form: carry it out", W.EMERGENCY_FORM),
    "em_close": _k("Esc", "form: close it (nothing is changed)", W.EMERGENCY_FORM),
    # The reports tab (ReportsTab, ReportFilters): a change of filter reads the report again
    "rep_period": _k("Alt+P", "period: day, week, month or custom (China dates)", W.REPORTS),
    "rep_day": _k("Alt+F", "the day (of the week or month; a custom period's first day)", W.REPORTS),
    "rep_to": _k("Alt+T", "a custom period's last day", W.REPORTS),
    "rep_platform": _k("Alt+M", "platform (both, 12345, 110)", W.REPORTS),
    "rep_district": _k("Alt+I", "district", W.REPORTS),
    "rep_refresh": _k("Alt+R", "read the report again", W.REPORTS),
    "rep_excel": _k("Alt+E", "export to Excel (a progress dialog; Esc cancels)", W.REPORTS),
    "rep_pdf": _k("Alt+V", "save the page as PDF, charts included", W.REPORTS),
    "rep_figures": _k("Alt+G", "to the figures (then Tab from tile to table)", W.REPORTS),
    "rep_open": _k("Return or Enter", "on a tile or a table row: the orders behind it (a "
                   "double-click on a bar or a point too)", W.REPORTS),
    "rep_open_order": _k("Return or Enter", "open the order (its detail tab)", W.REPORT_ORDERS),
    "rep_orders_excel": _k("Alt+E", "every order behind the figure to Excel (phone numbers "
                           "masked; a progress dialog, Esc cancels)", W.REPORT_ORDERS),
    "rep_close_orders": _k("Esc", "close the list", W.REPORT_ORDERS),
    # The 会商 tab (ConsultationTab): agenda → item → decision → rule; the rules edited
    "co_agenda": _k("Alt+G", "the disputed-matter agenda (议题: three-way calls, returns, "
                    "re-dispatches, first contact, by matter and month)", W.CONSULTATION),
    "co_items": _k("Alt+I", "the consultation items (会商事项), open ones first", W.CONSULTATION),
    "co_rules": _k("Alt+R", "the 会商 rules, every version (expired and superseded marked)", W.CONSULTATION),
    "co_effects": _k("Alt+F", "each rule's matter before and after it (rules report: disputed "
                     "orders per month, fewer or more)", W.CONSULTATION),
    "co_make_item": _k("Alt+M", "make the selected agenda line a consultation item", W.CONSULTATION),
    "co_decide": _k("Alt+C", "record the consultation's decision on the selected open item: "
                    "the form; confirmed, it is a new rule", W.CONSULTATION),
    "co_edit": _k("Alt+T", "edit the selected rule: the form; confirmed, a new version (the "
                  "old one kept)", W.CONSULTATION),
    "co_retire": _k("Alt+W", "retire the selected rule: its last day, then confirm", W.CONSULTATION),
    "co_reload": _k("Alt+E", "read the agenda, items and rules again", W.CONSULTATION),
    "co_confirm": _k("Ctrl+Return or Ctrl+Enter", "form: carry it out (a refusal is said "
                     "under it, what was typed kept)", W.CONSULTATION),
    "co_close": _k("Esc", "form: close it (what was typed is kept for next time)", W.CONSULTATION),
}  # fmt: skip
for _spec in STEPS:  # declared with the steps (console/domain/actions.py), listed here
    _DECLARED[f"step_{_spec.action.value}"] = Key(
        (_spec.key,), f"step: {_spec.name.source}", Where.DETAIL
    )

KEYS: Mapping[str, Key] = MappingProxyType(_DECLARED)
"""Every key of the window by name, in README's order."""


def sequence(name: str) -> QKeySequence:
    """The (first) key of ``name`` as Qt takes it."""
    return QKeySequence(KEYS[name].keys[0])


def sequences(name: str) -> list[QKeySequence]:
    """Every key of ``name`` (Ctrl+Return and Ctrl+Enter are two keys of one thing)."""
    return [QKeySequence(k) for k in KEYS[name].keys]


def mnemonic(text: str, key: str) -> str:
    """``text`` with the Alt letter of ``key`` marked for Qt: "Si&gn for", or "签收(&G)" when
    the letter is not in the text, as Chinese software writes it. Literal ampersands stay."""
    letter = key.rsplit("+", 1)[-1]
    plain = text.replace("&", "&&")
    at = plain.lower().find(letter.lower()) if letter.isascii() and letter.isalpha() else -1
    if at >= 0:
        return plain[:at] + "&" + plain[at:]
    stem = plain.rstrip(":：")  # 平台(&P)：, not 平台：(&P)
    return f"{stem}(&{letter}){plain[len(stem) :]}"


def marked(text: str, name: str) -> str:
    """``text`` with the Alt letter declared for ``name`` marked (:func:`mnemonic`); a key that
    is not an Alt key leaves ``text`` as it is."""
    key = KEYS[name].keys[0]
    return mnemonic(text, key) if key.startswith("Alt+") else text


def readme_table() -> str:
    """README's key table (``tests/ui/test_keys.py`` checks README carries it as written)."""
    rows = ["| key | where | what it does |", "| --- | --- | --- |"]
    for key in KEYS.values():
        rows.append(f"| {' / '.join(key.keys)} | {key.where.value} | {key.what} |")
    return "\n".join(rows)


def clashes() -> list[tuple[str, str, str]]:
    """Pairs of declared names with one key that can be live at once: ``(key, name, name)``."""
    found = []
    names = list(KEYS)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = KEYS[first], KEYS[second]
            common = {QKeySequence(k).toString() for k in a.keys} & {
                QKeySequence(k).toString() for k in b.keys
            }
            if common and a.where.meets(b.where):
                found.append((sorted(common)[0], first, second))
    return found
