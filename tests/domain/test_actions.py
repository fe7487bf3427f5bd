"""The declarations are complete: every action, deadline kind and refusal has what the rest reads."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from console.domain.actions import ACTIONS, STEPS, FormField, Route
from console.domain.deadline_kinds import DEADLINE_KINDS, running, stopped
from console.domain.deadlines import DeadlineSpecs, Rule
from console.domain.order_rules import GUARDS
from console.domain.orders import Action, DeadlineKind, Deadlines, Status
from console.domain.refusals import REFUSALS

CONSOLE = Path(__file__).resolve().parents[2] / "console"


def test_every_action_is_declared_once_with_a_name() -> None:
    assert set(ACTIONS) == set(Action)
    for action, spec in ACTIONS.items():
        assert spec.action is action
        assert spec.name.source.strip() and spec.name.context, action
    # Not steps: create, and 并单/拆单 (taken from the intake's duplicates).
    elsewhere = {a for a, s in ACTIONS.items() if s.route is Route.MERGE} | {Action.CREATE}
    assert [s.action for s in STEPS] == [a for a in ACTIONS if a not in elsewhere]


def test_every_step_can_be_asked_for_and_refused_in_words() -> None:
    for spec in (s for s in ACTIONS.values() if s.action is not Action.CREATE):
        assert spec.allowed_from, f"{spec.action}: allowed from nowhere"
        assert spec.target is None or spec.target in set(Status)
        # What the event's detail names must come from the form (or from the use case).
        if spec.detail and spec.route is Route.ACT:
            assert spec.form, f"{spec.action}: needs a detail but its form asks for nothing"
        if spec.note:
            assert spec.hint is not None, f"{spec.action}: a required note needs its hint"
        for code in spec.refusals:
            assert code in REFUSALS, f"{spec.action}: refusal {code!r} has no sentence"
        for guard in spec.guards:
            assert guard in GUARDS, f"{spec.action}: guard {guard} has no rule"
    assert {f for s in STEPS for f in s.form} <= set(FormField)


def test_every_deadline_kind_has_its_slots_and_names() -> None:
    """Adding a DeadlineKind (README: "Add a deadline kind") without its slots fails here."""
    kinds = {k.value for k in DeadlineKind}
    assert set(DEADLINE_KINDS) == set(DeadlineKind)
    assert {f.name for f in dataclasses.fields(Deadlines)} == kinds
    assert {f.name for f in dataclasses.fields(DeadlineSpecs)} == kinds
    assert kinds <= {f.name for f in dataclasses.fields(Rule)}
    for spec in DEADLINE_KINDS.values():
        assert spec.name.source and spec.queue.source and spec.due_label.source


def test_running_and_stopped_split_the_kinds_and_nothing_runs_when_closed() -> None:
    for status in Status:
        assert set(running(status)) | set(stopped(status)) == set(DeadlineKind)
        assert not set(running(status)) & set(stopped(status))
    assert running(Status.COMPLETED) == running(Status.CANCELLED) == ()
    assert running(Status.TRANSFERRED) == tuple(DeadlineKind)
    assert running(Status.FED_BACK) == (DeadlineKind.COMPLETION,)


def _raised_codes() -> set[str]:
    """Refusal codes written as literals where a refusal is raised anywhere in the console."""
    refusing = {"Refused", "TransitionError", "AlarmInputError", "TransferConflict"}
    codes: set[str] = set()
    for path in CONSOLE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "refuse" and len(node.args) >= 2:  # order_rules.check's helper
                arg = node.args[1]
            elif name in refusing and node.args:
                arg = (
                    node.args[4]
                    if name == "TransitionError" and len(node.args) > 4
                    else node.args[0]
                )
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
    return codes


def test_every_refusal_raised_in_the_code_is_declared() -> None:
    raised = _raised_codes()
    assert raised, "the scan found no refusal at all: it is broken"
    assert raised <= set(REFUSALS), raised - set(REFUSALS)
