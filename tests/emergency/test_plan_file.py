"""The linkage plan files (db/plans/*.toml): the shipped plans, and every mistake named by file
and line, so IT can fix a site-edited plan from the start-up error alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.emergency import EventType, Level, PartnerKind
from console.domain.plan_file import PlanFileError, load_plan_book
from console.paths import bundle_path

GOOD = """\
# a site's plan
event_type = "natural"
source = "《国家突发公共事件总体应急预案》"
figure_ours = true

[level.2]  # Ⅱ
steps = [
  { kind = "fire", ack_minutes = 10, task = "灭火救援" },
  { kind = "ambulance", ack_minutes = 10, task = "现场救护" },
]

[level.4]
steps = [{ kind = "fire", ack_minutes = 20, task = "灭火救援" }]
"""
FIRE = '{ kind = "fire", ack_minutes = 10, task = "灭火救援" }'
AMBULANCE = '{ kind = "ambulance", ack_minutes = 10, task = "现场救护" }'


def write(folder: Path, text: str, name: str = "natural.toml") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def mistake(tmp_path: Path, text: str) -> tuple[str, str]:
    """The error's message and the ``FILE:LINE`` it must start with (the file's name)."""
    path = write(tmp_path / "plans", text)
    with pytest.raises(PlanFileError) as caught:
        load_plan_book(path.parent)
    assert isinstance(caught.value, ValueError)
    return str(caught.value), str(path)


def test_a_good_file_loads_with_its_source_path_and_figures(tmp_path: Path) -> None:
    path = write(tmp_path / "plans", GOOD)
    book = load_plan_book(path.parent)
    assert set(book.plans) == {(EventType.NATURAL, Level.II), (EventType.NATURAL, Level.IV)}
    plan = book.plan(EventType.NATURAL, Level.II)
    assert plan is not None and plan.path == str(path)
    assert plan.source == "《国家突发公共事件总体应急预案》"
    assert [(s.kind, s.ack_minutes, s.task, s.figure_ours) for s in plan.steps] == [
        (PartnerKind.FIRE, 10, "灭火救援", True),
        (PartnerKind.AMBULANCE, 10, "现场救护", True),
    ]
    assert book.plan(EventType.NATURAL, Level.I) is None


@pytest.mark.parametrize(
    ("old", "new", "line", "says"),
    [
        (AMBULANCE, '{ kind = "ambulance" ack_minutes = 10 }', 9, "not valid TOML"),
        ('"natural"', '"flood"', 2, "'flood' is not an event type"),
        ('event_type = "natural"\n', "", 1, "'event_type' missing"),
        ("[level.2]", "[level.5]", 6, "'5' is not a response level"),
        ("[level.2]", "[level.II]", 6, "'II' is not a response level"),
        ('"ambulance"', '"police"', 9, "'police' is not a partner kind"),
        (AMBULANCE, '{ ack_minutes = 10, task = "救护" }', 9, "'kind' missing"),
        (AMBULANCE, FIRE, 9, "'fire' is already step 1 of this level"),
        ('ack_minutes = 10, task = "现场', 'ack_minutes = 0, task = "现场', 9, "got 0"),
        ('ack_minutes = 10, task = "现场', 'ack_minutes = 1441, task = "现场', 9, "got 1441"),
        ('ack_minutes = 10, task = "现场', 'ack_minutes = 10.5, task = "现场', 9, "got 10.5"),
        ('ack_minutes = 10, task = "现场', 'ack_minutes = "10", task = "现场', 9, "got '10'"),
        ('ack_minutes = 10, task = "现场', 'ack_minutes = true, task = "现场', 9, "got True"),
        (', task = "现场救护"', "", 9, "'task' missing"),
        ('"现场救护"', '"  "', 9, "'task' missing or blank"),
        ('source = "《国家突发公共事件总体应急预案》"\n', "", 1, "'source' missing"),
        ("[level.2]  # Ⅱ\n", '[level.2]  # Ⅱ\nsource = ""\n', 7, "'source' must be a non-empty"),
        ("source =", "sorce =", 3, "'sorce' unknown key"),
        ('ack_minutes = 10, task = "现场', 'ack_minute = 10, task = "现场', 9, "'ack_minute'"),
        ("figure_ours = true\n", "", 7, "'figure_ours' missing"),
        ("figure_ours = true", 'figure_ours = "yes"', 4, "must be true"),
        (
            'steps = [{ kind = "fire", ack_minutes = 20, task = "灭火救援" }]',
            "steps = []",
            13,
            "'steps' missing or empty",
        ),
    ],
)
def test_each_mistake_names_the_file_and_the_line(
    tmp_path: Path, old: str, new: str, line: int, says: str
) -> None:
    assert old in GOOD
    message, path = mistake(tmp_path, GOOD.replace(old, new, 1))
    assert message.startswith(f"{path}:{line}: "), message
    assert says in message


def test_a_step_is_found_whatever_its_strings_and_comments_hold(tmp_path: Path) -> None:
    text = GOOD.replace(
        FIRE + ",",
        '{ kind = "fire", ack_minutes = 10, task = "含 { 和 # 与 \\" 的任务" },  # a { comment\n'
        "  # [a comment line] {\n"
        "  { kind = 'gas', ack_minutes = 10, task = '''a {literal}''' },",
    )
    message, path = mistake(
        tmp_path, text.replace('"ambulance", ack_minutes = 10', '"ambulance", ack_minutes = 0')
    )
    assert message.startswith(f"{path}:11: [level.2] step 3: 'ack_minutes'"), message


def test_steps_written_as_sections_are_found_by_their_key(tmp_path: Path) -> None:
    text = """\
event_type = "accident"
source = "《国家突发公共事件总体应急预案》"

[level.3]
figure_ours = true

[[level.3.steps]]
kind = "fire"
task = "灭火"
ack_minutes = 15

[[level.3.steps]]
kind = "gas"
task = "关阀"
ack_minutes = -1
figure_ours = false
"""
    message, path = mistake(tmp_path, text)
    assert message.startswith(f"{path}:15: [level.3] step 2: 'ack_minutes'"), message
    book = load_plan_book(write(tmp_path / "fixed", text.replace("-1", "30")).parent)
    plan = book.plan(EventType.ACCIDENT, Level.III)
    assert plan is not None and [s.figure_ours for s in plan.steps] == [True, False]


def test_a_level_defined_in_two_files_names_the_second_and_the_first(tmp_path: Path) -> None:
    first = write(tmp_path / "plans", GOOD, "a-natural.toml")
    second = write(tmp_path / "plans", GOOD.replace("[level.4]", "[level.3]"), "b-natural.toml")
    with pytest.raises(PlanFileError) as caught:
        load_plan_book(first.parent)
    assert str(caught.value).startswith(f"{second}:6: [level.2]: ")
    assert f"already defined in {first}:6" in str(caught.value)
    assert (caught.value.path, caught.value.line) == (str(second), 6)


def test_a_file_not_in_utf8_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "natural.toml").write_bytes(
        GOOD.replace("灭火救援", "caf\xe9").encode("latin-1", "replace")
    )
    with pytest.raises(PlanFileError, match=r"natural\.toml:8: not UTF-8"):
        load_plan_book(folder)


def test_a_missing_folder_is_a_plan_file_error(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="no such folder"):
        load_plan_book(tmp_path / "nope")


# The shipped plans ---------------------------------------------------------------------------


def shipped() -> dict[tuple[EventType, Level], dict[PartnerKind, int]]:
    book = load_plan_book(bundle_path("db", "plans"))
    return {pair: {s.kind: s.ack_minutes for s in p.steps} for pair, p in book.plans.items()}


def test_every_event_type_has_all_four_levels_in_the_shipped_files() -> None:
    assert set(shipped()) == {(t, v) for t in EventType for v in Level}


def test_higher_levels_notify_more_kinds_with_no_longer_deadlines() -> None:
    plans = shipped()
    for event_type in EventType:
        for higher, lower in ((Level.I, Level.II), (Level.II, Level.III), (Level.III, Level.IV)):
            up, down = plans[(event_type, higher)], plans[(event_type, lower)]
            assert set(down) < set(up), (event_type, higher)
            assert all(up[k] <= down[k] for k in down), (event_type, higher)
    natural_ii = plans[(EventType.NATURAL, Level.II)]
    assert len(natural_ii) >= 8
    assert {"fire", "ambulance", "traffic", "power", "water", "gas", "hospital",
            "emergency_bureau"} <= set(natural_ii)  # fmt: skip


def test_the_shipped_plans_name_their_source_and_say_their_figures_are_ours() -> None:
    book = load_plan_book(bundle_path("db", "plans"))
    for plan in book.plans.values():
        assert "《国家突发公共事件总体应急预案》" in plan.source
        assert all(step.figure_ours and step.task for step in plan.steps)
        assert Path(plan.path).name == f"{plan.event_type.value}.toml"


def test_the_site_plans_helper_reads_the_shipped_folder_or_the_one_given(tmp_path: Path) -> None:
    from console.services.incident_plans import load_site_plans

    assert len(load_site_plans().plans) == len(EventType) * len(Level)
    path = write(tmp_path / "plans", GOOD.replace("[level.4]", "[level.9]"))
    with pytest.raises(ValueError, match=rf"{path}:12: \[level.9\]"):
        load_site_plans(path.parent)


def test_a_mangled_file_is_a_plan_file_error_or_plans_never_a_crash(tmp_path: Path) -> None:
    """Random cuts and insertions in a shipped file: every result is either plans or a
    PlanFileError whose line is inside the file (the line finder never fails)."""
    import random

    from console.domain.plan_file import parse_plans

    base = bundle_path("db", "plans", "natural.toml").read_text(encoding="utf-8")
    pieces = [*"[]{}\"'=#.,\n 0-9", "level", "steps", "kind", "ack_minutes", '"""', "fire"]
    rnd = random.Random(7)
    for _ in range(200):
        text = base
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randrange(len(text))
            if rnd.random() < 0.5:
                text = text[:at] + text[at + rnd.randint(1, 20) :]
            else:
                text = text[:at] + rnd.choice(pieces) + text[at:]
        try:
            parse_plans(text, "x.toml")
        except PlanFileError as exc:
            assert exc.line is None or 1 <= exc.line <= text.count("\n") + 1, exc
