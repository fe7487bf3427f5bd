"""Every refusal an agent can be told, declared once: a code and its sentence.

Services and the domain refuse with :class:`Refused` (a code and parameters); the UI says the
declared sentence in the agent's language (``console.ui.refusals.refusal_text``) and the log
keeps the English ``why``. A new refusal is one entry in :data:`REFUSALS`; a test fails if a
code is raised anywhere without one, or an entry lacks its translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from console.domain.text import QT_TRANSLATE_NOOP, Text


class Refused(Exception):  # a refusal is an answer, not a fault
    """A request the rules say no to: ``code`` names the sentence in :data:`REFUSALS`,
    ``params`` fill its ``{placeholders}``, ``why`` is English for the log."""

    def __init__(self, code: str, /, why: str = "", **params: str) -> None:
        if code not in REFUSALS:
            raise KeyError(f"undeclared refusal code {code!r}: add it to REFUSALS")
        self.code = code
        self.params = dict(params)
        self.why = why or REFUSALS[code].source.format_map(_Blank(params))
        super().__init__(self.why)


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# {status}: an order status (the UI names it); {platform}: 12345 or 110; others as written.
REFUSALS: Mapping[str, Text] = MappingProxyType({
    # The order's rules (console.domain.order_rules)
    "created_once": QT_TRANSLATE_NOOP("Refusals", "An order is created only once."),
    "closed": QT_TRANSLATE_NOOP("Refusals", "The order is closed."),
    "wrong_status": QT_TRANSLATE_NOOP("Refusals", "Not possible while the order is “{status}”."),
    "wrong_platform": QT_TRANSLATE_NOOP("Refusals", "Only a {platform} seat may do this."),
    "not_at_origin": QT_TRANSLATE_NOOP("Refusals", "The order came from {platform}: send it back (退回) instead."),
    "needs_note": QT_TRANSLATE_NOOP("Refusals", "Write the note first: this step needs it."),
    "needs_detail": QT_TRANSLATE_NOOP("Refusals", "Say what the step refers to (department, outcome…)."),
    "dispatch_12345_only": QT_TRANSLATE_NOOP(
        "Refusals",
        "Only 12345 dispatches to departments; 110 transfers non-police matters to 12345.",
    ),
    "escalate_needs_department": QT_TRANSLATE_NOOP(
        "Refusals", "Only a department's report escalates to 110: dispatch the order first."
    ),
    "bad_outcome": QT_TRANSLATE_NOOP("Refusals", "Choose the three-way call's outcome."),
    "no_consent": QT_TRANSLATE_NOOP(
        "Refusals", "The caller's consent to the transfer is not recorded (与诉求方协商后)."
    ),
    "needs_mode": QT_TRANSLATE_NOOP("Refusals", "Say whether it is provisional acceptance or guidance."),
    "guidance_closed": QT_TRANSLATE_NOOP(
        "Refusals", "Guidance given: the order closes, it is not handled further."
    ),
    "provisional_not_done": QT_TRANSLATE_NOOP(
        "Refusals",
        "A provisionally accepted order is handled and fed back before it is completed.",
    ),
    "not_police_kind": QT_TRANSLATE_NOOP("Refusals", "“{kind}” is not a 110 police kind."),
    # 并单 / 拆单 (console.domain.actions, console.services.duplicates)
    "merge_has_callers": QT_TRANSLATE_NOOP(
        "Refusals", "Other callers joined this order: split them off before merging it."
    ),
    "merge_not_merged": QT_TRANSLATE_NOOP("Refusals", "The order is not merged into that order."),
    "merge_not_joined": QT_TRANSLATE_NOOP("Refusals", "That order's caller has not joined this order."),
    "merge_self": QT_TRANSLATE_NOOP("Refusals", "An order cannot be merged into itself."),
    # 告知来电人 (console.services.callers_told)
    "tell_no_feedback": QT_TRANSLATE_NOOP(
        "Refusals", "The order has no feedback yet: there is no result to tell its callers."
    ),
    "tell_unknown_caller": QT_TRANSLATE_NOOP("Refusals", "That number is not a caller of this order."),
    "join_no_phone": QT_TRANSLATE_NOOP(
        "Refusals", "Enter the caller's phone number first: the order keeps whom to tell."
    ),
    "join_same_caller": QT_TRANSLATE_NOOP("Refusals", "This caller is already on that order."),
    # Who acts, and when (console.domain.order_types.Actor, console.domain.intake.check_clock)
    "agent_invalid": QT_TRANSLATE_NOOP(
        "Refusals", "The agent's name must be 1–32 characters of plain text on one line."
    ),
    "seat_invalid": QT_TRANSLATE_NOOP(
        "Refusals", "The seat id must be 1–16 characters of plain text on one line."
    ),
    "clock_wrong": QT_TRANSLATE_NOOP(
        "Refusals", "This computer's clock is far off (the log has the time it reads): ask IT to set it."
    ),
    # The services (console.services)
    "stale": QT_TRANSLATE_NOOP(
        "Refusals", "Another seat changed this order since it was shown; it has been reloaded."
    ),
    "unknown_order": QT_TRANSLATE_NOOP("Refusals", "There is no work order {number}."),
    # The knowledge base (console.domain.knowledge, console.services.knowledge)
    "unknown_article": QT_TRANSLATE_NOOP("Refusals", "Article {article} is not in effect (expired or replaced)."),
    "article_id": QT_TRANSLATE_NOOP("Refusals", "An article's id is like K-001."),
    "article_title": QT_TRANSLATE_NOOP("Refusals", "Give the article a title of one line, at most {most} characters."),
    "article_body": QT_TRANSLATE_NOOP("Refusals", "Write the article's text (at most {most} characters)."),
    "article_kind": QT_TRANSLATE_NOOP("Refusals", "“{kind}” is not a kind of the catalogue."),
    "article_keywords": QT_TRANSLATE_NOOP(
        "Refusals", "At most {most} keywords, each at most {length} characters."
    ),
    "article_dates": QT_TRANSLATE_NOOP("Refusals", "The last valid day is before the first."),
    "article_rule": QT_TRANSLATE_NOOP(
        "Refusals", "A consultation result names its 会商 rule (like R-017); other articles name none."
    ),
    "article_date_format": QT_TRANSLATE_NOOP("Refusals", "Write dates as YYYY-MM-DD."),
    "reveal_needs_reason": QT_TRANSLATE_NOOP(
        "Refusals", "Say why you need the caller's full number: the reason is recorded."
    ),
    "unknown_department": QT_TRANSLATE_NOOP(
        "Refusals", "“{department}” is not a department in the directory (or it was retired)."
    ),
    "transfer_conflict": QT_TRANSLATE_NOOP(
        "Refusals", "{platform} seat {seat} ({agent}) transferred this order first."
    ),
    "transfer_pending": QT_TRANSLATE_NOOP(
        "Refusals", "Seat {seat} is transferring this order right now; wait for it."
    ),
    "transfer_abandoned": QT_TRANSLATE_NOOP(
        "Refusals", "This transfer attempt was called off; press the key again for a new one."
    ),
    # The peer line before a transfer or three-way call (console.ui.seat.transfer_flow)
    "peer_none_ready": QT_TRANSLATE_NOOP("Refusals", "No {platform} seat is ready (就绪)."),
    "peer_all_busy": QT_TRANSLATE_NOOP(
        "Refusals", "No free {platform} seat: {busy} ready seat(s) on a call or ringing."
    ),
    "key_reused": QT_TRANSLATE_NOOP(
        "Refusals", "This request was already used for another order ({number}); try again."
    ),
    "ack_needs_note": QT_TRANSLATE_NOOP("Refusals", "Write the acknowledgement note first."),
    "note_too_long": QT_TRANSLATE_NOOP("Refusals", "The note is too long (at most {most} characters)."),
    "unreadable_text": QT_TRANSLATE_NOOP(
        "Refusals", "The text holds characters that cannot be stored (a NUL or a broken character): type it again."
    ),
    "escalation_needs_person": QT_TRANSLATE_NOOP("Refusals", "Name the person the alarm is escalated to."),
    "unknown_alarm": QT_TRANSLATE_NOOP("Refusals", "That alarm no longer exists."),
    "unknown_disposition": QT_TRANSLATE_NOOP(
        "Refusals", "{code} is not one of this site's wrap-up codes."
    ),
    "already_acknowledged": QT_TRANSLATE_NOOP(
        "Refusals", "{agent} already acknowledged this alarm; the first note stands."
    ),
    # The seat's state (console.domain.agent_state) and the switch (console.telephony.port)
    "state_on_call": QT_TRANSLATE_NOOP("Refusals", "Not during a call: the call ends first."),
    "state_logged_out": QT_TRANSLATE_NOOP("Refusals", "The seat is logged out: log in first."),
    "state_not_now": QT_TRANSLATE_NOOP("Refusals", "The seat cannot change to that state now."),
    "state_needs_reason": QT_TRANSLATE_NOOP(
        "Refusals", "Say why the seat is not ready (break, meeting, training…)."
    ),
    "call_over": QT_TRANSLATE_NOOP("Refusals", "The call has already ended."),
    "call_not_now": QT_TRANSLATE_NOOP("Refusals", "The call cannot do that in its present state."),
    "switch_refused": QT_TRANSLATE_NOOP("Refusals", "The switch refused the command."),
    # A step the seat does not hold in its outage journal (ActionSpec.offline is False).
    "needs_database": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database connection is lost: this step needs it. Try again once it is back; "
        "what you typed is kept.",
    ),
    "order_not_written": QT_TRANSLATE_NOOP(
        "Refusals", "The held order it was for was not written: enter it again."
    ),
    # An order the seat has no copy of, the database away (services.journal_copies).
    "not_read_here": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database connection is lost and this seat has not opened {number} since sign-in: "
        "it can be opened once the database is back.",
    ),
    # Database faults (console.store.faults.classify): what happened and what to do, never SQL.
    "db_unreachable": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database server cannot be reached: the console reconnects by itself. "
        "Try again in a moment; tell IT if it lasts.",
    ),
    "db_restarting": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database server is restarting: try again in a moment.",
    ),
    "db_full": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database disk is full: nothing more can be saved. Tell IT at once.",
    ),
    "db_busy": QT_TRANSLATE_NOOP(
        "Refusals", "The database is busy with another seat's change: try again."
    ),
    "db_overloaded": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database server is overloaded: try again in a moment; tell IT if it lasts.",
    ),
    "db_read_only": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database is read-only here: nothing can be saved. Tell IT.",
    ),
    "db_missing": QT_TRANSLATE_NOOP(
        "Refusals", "The database named in the settings does not exist: IT must create it (init-db)."
    ),
    "db_certificate": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database server's certificate is not trusted (not signed by the CA file in "
        "database.sslrootcert, made for another server name, expired, or the CA file is "
        "missing): tell IT.",
    ),
    "db_needs_tls": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database server accepts encrypted (TLS) connections only: IT sets "
        "database.sslrootcert in the config file.",
    ),
    "db_no_tls": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database server does not offer encryption (TLS) but the settings require it: tell IT.",
    ),
    "db_login": QT_TRANSLATE_NOOP(
        "Refusals", "The database refused the console's user name or password: tell IT."
    ),
    "db_not_console": QT_TRANSLATE_NOOP(
        "Refusals", "The database file is not a SQLite database, or it is damaged: tell IT."
    ),
    "db_cannot_open": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database file cannot be opened or created: check its folder and its permissions.",
    ),
    "db_is_folder": QT_TRANSLATE_NOOP("Refusals", "“{path}” is a folder, not a database file."),
    "db_no_folder": QT_TRANSLATE_NOOP("Refusals", "The database's folder “{path}” does not exist."),
    "db_url_kind": QT_TRANSLATE_NOOP(
        "Refusals", "The database URL is not one this console can use (SQLite or PostgreSQL)."
    ),
    "db_fault": QT_TRANSLATE_NOOP(
        "Refusals",
        "The database could not do this (the fault is logged): try again; tell IT if it repeats.",
    ),
    # Accounts and roles (console.domain.roles, console.domain.passwords,
    # console.services.accounts). Sign-in refusals never say whether a login exists.
    "sign_in_empty": QT_TRANSLATE_NOOP("Refusals", "Enter your login and your password."),
    "sign_in_refused": QT_TRANSLATE_NOOP(
        "Refusals",
        "The login or the password is wrong. After {attempts} wrong tries in a row the account "
        "is locked for {minutes} minutes.",
    ),
    "sign_in_locked": QT_TRANSLATE_NOOP(
        "Refusals",
        "Too many wrong tries: this account is locked until {until}. An administrator can "
        "unlock it sooner by setting a new password.",
    ),
    "password_change_needed": QT_TRANSLATE_NOOP(
        "Refusals", "Your password must be changed now (first sign-in, reset or expired)."
    ),
    "totp_needed": QT_TRANSLATE_NOOP(
        "Refusals", "Enter the 6-digit code from your authenticator app, or a recovery code."
    ),
    "totp_wrong": QT_TRANSLATE_NOOP(
        "Refusals",
        "The one-time code is wrong or already used: enter the code the app shows now.",
    ),
    "totp_enrolled": QT_TRANSLATE_NOOP(
        "Refusals",
        "An authenticator app is already set up: an administrator removes it before a new one.",
    ),
    "totp_enrol_needed": QT_TRANSLATE_NOOP(
        "Refusals",
        "This account signs in with a one-time code: set up your authenticator app first.",
    ),
    "password_too_long": QT_TRANSLATE_NOOP(
        "Refusals", "A password has at most {max} characters."
    ),
    "password_too_short": QT_TRANSLATE_NOOP(
        "Refusals", "The new password needs at least {min} characters."
    ),
    "password_too_simple": QT_TRANSLATE_NOOP(
        "Refusals",
        "The new password needs characters of at least {classes} kinds: lower case, upper "
        "case, digits, other signs.",
    ),
    "password_is_login": QT_TRANSLATE_NOOP(
        "Refusals", "The new password must not be the login, nor the login backwards."
    ),
    "password_unprintable": QT_TRANSLATE_NOOP(
        "Refusals", "The new password holds an invisible control character: type it again."
    ),
    "password_same": QT_TRANSLATE_NOOP(
        "Refusals", "The new password must differ from the present one."
    ),
    "login_invalid": QT_TRANSLATE_NOOP(
        "Refusals",
        "A login is 1–32 characters: letters a–z, digits, “.”, “_” or “-”, starting with a "
        "letter or digit.",
    ),
    "login_taken": QT_TRANSLATE_NOOP("Refusals", "There is already an account “{login}”."),
    "unknown_account": QT_TRANSLATE_NOOP("Refusals", "There is no account “{login}”."),
    "display_name_invalid": QT_TRANSLATE_NOOP(
        "Refusals", "The name must be 1–32 characters of plain text on one line."
    ),
    "roles_empty": QT_TRANSLATE_NOOP("Refusals", "Give the account at least one role."),
    "roles_exclusive": QT_TRANSLATE_NOOP(
        "Refusals", "No account may be both {first} and {second} (三员分立)."
    ),
    "role_wrong_platform": QT_TRANSLATE_NOOP(
        "Refusals", "The role {role} belongs to {platform} accounts only."
    ),
    "not_allowed": QT_TRANSLATE_NOOP("Refusals", "Your roles do not allow this."),
    # The sign-in screen and the idle lock (console.services.sessions, console/ui/sign_in.py)
    "seat_other_platform": QT_TRANSLATE_NOOP(
        "Refusals", "This seat takes {seat} calls; your account belongs to {platform}."
    ),
    "passwords_differ": QT_TRANSLATE_NOOP(
        "Refusals", "The two new passwords differ: type the new password twice."
    ),
    "sign_out_busy": QT_TRANSLATE_NOOP(
        "Refusals", "Finish the call and its wrap-up before signing out."
    ),
    # The exchange between the two platforms' systems (console.domain.exchange,
    # console.services.exchange_codec): a message the other side could not take.
    "exchange_too_large": QT_TRANSLATE_NOOP(
        "Refusals", "The exchange message is larger than {most} bytes: it was not taken."
    ),
    "exchange_not_json": QT_TRANSLATE_NOOP(
        "Refusals", "The exchange message is not readable JSON (damaged on the way?): it was not taken."
    ),
    "exchange_invalid": QT_TRANSLATE_NOOP(
        "Refusals", "The exchange message does not follow the agreed format at {path}: it was not taken."
    ),
    "exchange_unknown_version": QT_TRANSLATE_NOOP(
        "Refusals", "The exchange message has format version {version}; only 1.x is read: it was not taken."
    ),
    "exchange_unknown_order": QT_TRANSLATE_NOOP(
        "Refusals", "The other platform has no order {number}: its transfer has not arrived."
    ),
    "exchange_peer_rule": QT_TRANSLATE_NOOP(
        "Refusals", "A rule of the other platform's system that this console does not know ({code})."
    ),
    # Emergency linkage (console.services.incidents)
    "no_plan": QT_TRANSLATE_NOOP(
        "Refusals", "The site has no linkage plan for this event type at level {level}: ask IT to add one."
    ),
    "unknown_incident": QT_TRANSLATE_NOOP("Refusals", "No such incident: {number}."),
    "incident_stood_down": QT_TRANSLATE_NOOP("Refusals", "The response to {number} has been stood down."),
    "incident_of_peer": QT_TRANSLATE_NOOP(
        "Refusals", "{number} is run by {platform}: its shift lead changes it."
    ),
    "same_level": QT_TRANSLATE_NOOP("Refusals", "The incident is already at this level."),
    "incident_needs_place": QT_TRANSLATE_NOOP("Refusals", "Say where it happened."),
    "incident_needs_summary": QT_TRANSLATE_NOOP("Refusals", "Write a short summary first."),
    "unknown_district": QT_TRANSLATE_NOOP("Refusals", "Unknown district code {district}."),
    "unknown_partner": QT_TRANSLATE_NOOP("Refusals", "{partner} is not a partner of this incident."),
    "partner_released": QT_TRANSLATE_NOOP(
        "Refusals", "{partner} is no longer needed at this level."
    ),
    "already_answered": QT_TRANSLATE_NOOP(
        "Refusals", "{partner} has already answered (recorded by {by})."
    ),
    "answer_needs_who": QT_TRANSLATE_NOOP("Refusals", "Say who answered at the partner."),
    "answer_in_future": QT_TRANSLATE_NOOP("Refusals", "The answer's time is in the future."),
    "order_already_linked": QT_TRANSLATE_NOOP("Refusals", "{order} is already linked to {number}."),
    # Hot spots (console.services.hotspots)
    "unknown_hotspot": QT_TRANSLATE_NOOP("Refusals", "No such hot spot: {number}."),
    "hotspot_taken_up": QT_TRANSLATE_NOOP(
        "Refusals", "This hot spot was already taken up: verification order {number}."
    ),
})  # fmt: skip
