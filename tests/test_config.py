"""Site configuration: precedence, recorded sources, errors that name file, line and key."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest

from console import settings as legacy
from console.config import (
    ConfigError,
    Settings,
    config_check,
    default_config_path,
    describe,
    load_settings,
)
from console.paths import bundle_path
from console.telephony.adapters import ADAPTERS

FULL = """\
# site file
[database]
url = "sqlite:///from-file.sqlite3"

[seat]
platform = "110"
id = "B-07"
agent = "王丽"

[ui]
lang = "en"

[alarms]
sound = false
volume = 35
silent_hours = ["22:00", "07:00"]
"""
# field name, CLI key, environment variable, file value (line in FULL), env value, CLI value
LAYERED = [
    ("db_url", "db", "CONSOLE_DB", "sqlite:///from-file.sqlite3", 3, "sqlite:///e.db", "sqlite:///c.db"),
    ("platform", "platform", "CONSOLE_PLATFORM", "110", 6, "12345", "110"),
    ("seat", "seat", "CONSOLE_SEAT", "B-07", 7, "E-1", "C-1"),
    ("agent", "agent", "CONSOLE_AGENT", "王丽", 8, "张三", "李四"),
    ("lang", "lang", "CONSOLE_LANG", "en", 11, "zh_CN", "en"),
]  # fmt: skip


def write(tmp_path: Path, text: str, name: str = "console.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str, **cli: object) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(cli, {}, path)
    return caught.value.problems


def test_defaults_without_a_file_match_the_old_resolution() -> None:
    s = load_settings({}, {}, None)
    assert not default_config_path().exists() and s.config_path is None
    assert s.db_url == legacy.default_db_url()
    assert (s.platform, s.seat, s.agent, s.lang) == ("12345", "A-01", "坐席", "zh_CN")
    assert (s.alarm_sound, s.alarm_volume, s.silent_hours) == (True, 80, None)
    assert (s.wrap_up_s, s.transfer_window_s, s.sim_calls_per_min) == (30, 30, 2.0)
    assert s.telephony_adapter == "simulated"
    assert set(s.sources.values()) == {"default"} and len(s.sources) == 56


def test_telephony_and_wrap_up_keys(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_text(
        "[seat]\nwrap_up_s = 0\n[telephony]\ntransfer_window_s = 45\nsim_calls_per_min = 0.5\n",
        encoding="utf-8",
    )
    s = load_settings({}, {}, path)
    assert (s.wrap_up_s, s.transfer_window_s, s.sim_calls_per_min) == (0, 45, 0.5)
    path.write_text("[telephony]\ntransfer_window_s = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"console.toml:2.*transfer_window_s.*5 to 300"):
        load_settings({}, {}, path)


def test_the_peers_exchange_format_is_empty_or_a_1_x_version(tmp_path: Path) -> None:
    assert load_settings({}, {}, None).exchange_peer_format == ""  # not known
    path = write(tmp_path, '[exchange]\npeer_format = "1.2"\n')
    assert load_settings({}, {}, path).exchange_peer_format == "1.2"
    for bad in ("2.0", "1.x", "1.2.0", "1.02"):
        path.write_text(f'[exchange]\npeer_format = "{bad}"\n', encoding="utf-8")
        with pytest.raises(ConfigError, match=r"peer_format.*the version the peer reads"):
            load_settings({}, {}, path)


def test_the_telephony_adapter_is_one_the_factory_knows(tmp_path: Path) -> None:
    path = write(tmp_path, '[telephony]\nadapter = "simulated"\n')
    s = load_settings({}, {}, path)
    assert s.telephony_adapter == "simulated" and s.sources["telephony_adapter"] == f"file:{path}:2"
    assert set(ADAPTERS) == {"simulated"}
    found = problems(tmp_path, '# site\n[telephony]\nadapter = "simulatd"\n')
    assert found == [
        f'{path}:3: telephony.adapter = "simulatd": unknown adapter'
        ' (did you mean "simulated"?); known: "simulated"'
    ]
    assert "telephony.adapter" in problems(tmp_path, "[telephony]\nadapter = 1\n")[0]
    code, text = config_check(write(tmp_path, '[telephony]\nadapter = "simulated"\n'), {}, {})
    assert code == 0 and re.search(r"telephony\.adapter\s+= simulated  \(file:.*:2\)", text)
    with pytest.raises(ValueError, match="telephony_adapter"):
        Settings(db_url="sqlite://", telephony_adapter="asterisk")


def test_the_default_path_is_read_when_present() -> None:
    default_config_path().parent.mkdir(parents=True)
    default_config_path().write_text('[seat]\nid = "Z-9"\n', encoding="utf-8")
    s = load_settings({}, {}, None)
    assert s.seat == "Z-9" and s.sources["seat"] == f"file:{default_config_path()}:2"


def test_every_file_value_is_read_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    s = load_settings({}, {}, path)
    assert s.config_path == path
    assert (s.alarm_sound, s.alarm_volume) == (False, 35)
    assert s.silent_hours == (time(22), time(7))
    assert s.sources["alarm_volume"] == f"file:{path}:15"
    assert s.sources["silent_hours"] == f"file:{path}:16"


@pytest.mark.parametrize(("name", "cli_key", "var", "in_file", "line", "in_env", "on_cli"), LAYERED)
def test_each_layer_beats_the_next(
    tmp_path: Path,
    name: str,
    cli_key: str,
    var: str,
    in_file: str,
    line: int,
    in_env: str,
    on_cli: str,
) -> None:
    path = write(tmp_path, FULL)
    env = {var: in_env}
    top = load_settings({cli_key: on_cli}, env, path)
    assert (getattr(top, name), top.sources[name]) == (on_cli, "command line")
    middle = load_settings({cli_key: None}, env, path)
    assert (getattr(middle, name), middle.sources[name]) == (in_env, f"env:{var}")
    bottom = load_settings({}, {var: "  "}, path)  # empty means unset, as before
    assert (getattr(bottom, name), bottom.sources[name]) == (in_file, f"file:{path}:{line}")
    default = load_settings({}, {}, write(tmp_path, "", "empty.toml"))
    assert default.sources[name] == "default"


def test_empty_db_on_the_command_line_means_unset_as_before() -> None:
    s = load_settings({"db": "", "smoke": True}, {"CONSOLE_DB": " sqlite:///e.db "}, None)
    assert (s.db_url, s.sources["db_url"]) == ("sqlite:///e.db", "env:CONSOLE_DB")


def test_dotted_and_inline_keys_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, 'seat.platform = 110\nui = { lang = "en" }\n[alarms]\nvolume = 5\n')
    s = load_settings({}, {}, path)
    assert (s.platform, s.lang, s.alarm_volume) == ("110", "en", 5)
    assert [s.sources[k] for k in ("platform", "lang", "alarm_volume")] == [
        f"file:{path}:{n}" for n in (1, 2, 4)
    ]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_bytes('\ufeff[seat]\nagent = "王丽"\n'.encode())
    assert load_settings({}, {}, path).agent == "王丽"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('platform = "120"', 'seat.platform = "120": must be "12345" or "110"'),
        ("platform = true", 'seat.platform = true: must be "12345" or "110"'),
        ('id = "A 01"', 'seat.id = "A 01": must be 1-16 ASCII letters, digits or "-"'),
        ('id = "A-0123456789ABCDEF"', "seat.id"),
        ('agent = ""', 'seat.agent = "": must be a name of 1-32 characters'),
        ('lang = "zh-CN"', 'ui.lang = "zh-CN": must be "zh_CN" or "en"'),
        ('sound = "yes"', 'alarms.sound = "yes": must be true or false'),
        ("volume = 101", "alarms.volume = 101: must be a whole number from 0 to 100"),
        ("volume = 50.5", "alarms.volume = 50.5: must be a whole number"),
        ('silent_hours = ["25:00", "07:00"]', '"25:00" is not a time of day'),
        ('silent_hours = ["22:00"]', 'must be a [start, end] pair of "HH:MM" times'),
        ('silent_hours = ["22:00", "22:00"]', "start equals end"),
        ('url = "postgresql://u:pw@host:port/db"', 'database.url = "postgresql://u:***@host'),
        ('url = "not a url"', 'database.url = "not a url": not a database URL'),
    ],
)
def test_bad_values_name_file_line_key_and_what_is_allowed(
    tmp_path: Path, line: str, expected: str
) -> None:
    key = line.split()[0]
    section = {"url": "database", "lang": "ui"}.get(key, "seat")
    section = "alarms" if key in ("sound", "volume", "silent_hours") else section
    found = problems(tmp_path, f"# comment\n\n[{section}]\n{line}\n")
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'console.toml'}:4: ")
    assert expected in found[0]
    assert "pw" not in found[0]


def test_unknown_keys_and_sections_suggest_the_closest(tmp_path: Path) -> None:
    text = '[seat]\nplatfrom = "110"\n[alrams]\nsound = true\n[ui]\nplatform = "110"\nlang = "en"\n'
    text += "[extra]\nx = 1\n[seat.more]\ny = 2\n"
    path = tmp_path / "console.toml"
    assert problems(tmp_path, 'lang = "en"\n' + text) == [
        f"{path}:1: unknown key lang (did you mean ui.lang?)",
        f"{path}:3: unknown key seat.platfrom (did you mean seat.platform?)",
        f"{path}:4: unknown section [alrams] (did you mean [alarms]?)",
        f"{path}:7: unknown key ui.platform (did you mean seat.platform?)",
        f"{path}:9: unknown section [extra]",
        f"{path}:11: unknown key seat.more (did you mean exchange.mode?)",
    ]


def test_a_section_written_as_a_value_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    assert problems(tmp_path, '\nseat = "A-01"\n') == [f"{path}:2: seat must be a section [seat]"]


def test_every_problem_is_reported_at_once_in_line_order(tmp_path: Path) -> None:
    found = problems(tmp_path, '[ui]\nlang = "fr"\n[seat]\nplatform = "1"\n', seat="x y")
    assert [p.split(": ")[0] for p in found] == [
        f"{tmp_path / 'console.toml'}:2",
        f"{tmp_path / 'console.toml'}:4",
        "command line --seat",
    ]


def test_a_bad_value_is_an_error_even_when_a_higher_layer_overrides_it(tmp_path: Path) -> None:
    found = problems(tmp_path, '[seat]\nplatform = "120"\n', platform="110")
    assert found == [
        f'{tmp_path / "console.toml"}:2: seat.platform = "120": must be "12345" or "110"'
    ]


def test_bad_environment_values_name_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({}, {"CONSOLE_PLATFORM": "120", "CONSOLE_LANG": "de"}, None)
    assert caught.value.problems == [
        'environment variable CONSOLE_PLATFORM: seat.platform = "120": must be "12345" or "110"',
        'environment variable CONSOLE_LANG: ui.lang = "de": must be "zh_CN" or "en"',
    ]


def test_toml_syntax_errors_name_file_and_line(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, "[seat]\nplatform = 110\nid = A-01\n")
    assert found.startswith(f"{tmp_path / 'console.toml'}:3: TOML syntax error: ")
    assert "line 3" in found and found.endswith("id = A-01")


def test_a_missing_config_file_is_an_error_but_not_the_default_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nowhere\.toml: configuration file not found"):
        load_settings({}, {}, tmp_path / "nowhere.toml")
    with pytest.raises(ConfigError, match="not a file"):
        load_settings({}, {}, tmp_path)
    assert load_settings({}, {}, None).config_path is None


def test_text_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_bytes('[seat]\nagent = "王丽"\n'.encode("gbk"))
    with pytest.raises(ConfigError, match=r"console\.toml: not UTF-8 text"):
        load_settings({}, {}, path)


def test_describe_shows_every_setting_its_source_and_hides_the_password(tmp_path: Path) -> None:
    path = write(tmp_path, FULL.replace("sqlite:///from-file.sqlite3", "postgresql://u:s3cr3t@h/c"))
    lines = describe(load_settings({"seat": "C-3"}, {"CONSOLE_LANG": "zh_CN"}, path))
    lines = [re.sub(r"^(\S+) +=", r"\1 =", line) for line in lines]  # column padding aside
    text = "\n".join(lines)
    assert "s3cr3t" not in text
    assert lines[0] == f"config file: {path}"
    assert f"database.url = postgresql://u:***@h/c  (file:{path}:3)" in lines
    assert "seat.id = C-3  (command line)" in lines
    assert "ui.lang = zh_CN  (env:CONSOLE_LANG)" in lines
    assert f"alarms.silent_hours = 22:00-07:00  (file:{path}:16)" in lines
    assert f"alarms.sound = false  (file:{path}:14)" in lines
    assert len(lines) == 58 and lines[1].startswith(f"WARNING: {path} holds the database password")


def test_describe_refuses_an_unparsable_url() -> None:
    s = Settings(db_url="postgresql://u:pw@h:port/db", sources={"db_url": "env:CONSOLE_DB"})
    with pytest.raises(ConfigError) as caught:
        describe(s)
    assert str(caught.value).startswith("environment variable CONSOLE_DB: database.url = ")
    assert "pw" not in str(caught.value)


def test_config_check_reports_ok_or_every_problem(tmp_path: Path) -> None:
    code, text = config_check(write(tmp_path, FULL), {}, {})
    assert code == 0 and text.startswith("config check: OK\n") and "(file:" in text
    code, text = config_check(write(tmp_path, '[seat]\nplatform = "120"\n'), {}, {})
    assert code == 2 and text.startswith("config check: FAILED\n")
    assert "console.toml:2: seat.platform" in text and "Traceback" not in text
    code, text = config_check(tmp_path / "missing.toml", {}, {})
    assert code == 2 and "missing.toml: configuration file not found" in text


def test_settings_built_directly_are_validated() -> None:
    with pytest.raises(ValueError, match="seat"):
        Settings(db_url="sqlite://", seat="")
    with pytest.raises(ValueError, match="alarm_volume"):
        Settings(db_url="sqlite://", alarm_volume=-1)


@pytest.mark.parametrize(
    ("hours", "quiet", "loud"),
    [
        ((time(22), time(7)), [time(22), time(23, 59), time(0), time(6, 59, 59)], [time(7), time(12), time(21, 59)]),
        ((time(12), time(13, 30)), [time(12), time(13, 29)], [time(11, 59), time(13, 30), time(0)]),
        (None, [], [time(0), time(22)]),
    ],
)  # fmt: skip
def test_is_silent_including_across_midnight(
    hours: tuple[time, time] | None, quiet: list[time], loud: list[time]
) -> None:
    s = Settings(db_url="sqlite://", silent_hours=hours)
    assert all(s.is_silent(t) for t in quiet)
    assert not any(s.is_silent(t) for t in loud)


def test_is_silent_accepts_aware_times() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    s = Settings(db_url="sqlite://", silent_hours=(time(22), time(7)))
    at = datetime(2026, 1, 5, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai")).timetz()
    assert s.is_silent(at)


def test_the_shipped_example_parses_as_is_and_uncommented(tmp_path: Path) -> None:
    example = bundle_path("resources", "console.example.toml")
    s = load_settings({}, {}, example)
    assert s == Settings(db_url=legacy.default_db_url())
    assert s.sources["seat"].startswith("file:")
    text = example.read_text(encoding="utf-8")
    urls = [line for line in text.splitlines() if line.startswith("# url = ")]
    assert len(urls) == 2
    for url in urls:
        enabled = text.replace(url, url[2:]).replace("# silent_hours =", "silent_hours =")
        s = load_settings({}, {}, write(tmp_path, enabled))
        assert s.silent_hours == (time(22), time(7)) and s.db_url in url


def test_the_shipped_example_names_every_key() -> None:
    """The example is the keys' one documentation (config.py's docstring points to it)."""
    import re as regex

    from console.config import _FIELDS

    text = bundle_path("resources", "console.example.toml").read_text(encoding="utf-8")
    section, named = "", set()
    for line in text.splitlines():
        if m := regex.match(r"\[(\w+)\]", line):
            section = m[1]
        elif m := regex.match(r"#? ?(\w+) = ", line):
            named.add(f"{section}.{m[1]}")
    assert {f.key for f in _FIELDS} <= named, {f.key for f in _FIELDS} - named


# A password in every shape a site has written one; "cr3t" is a piece of each.
SECRET_URLS = [
    "postgresql+psycopg://app@db/console?password=s3cr3t",
    "postgresql+psycopg://app@db/console?sslmode=require&password=s3cr3t&connect_timeout=5",
    "postgresql+psycopg://app:s3/cr3t@db/console",
    "postgresql+psycopg://app:s3/cr3t@db:port/console",  # invalid: the port
    "postgresql+psycopg://app:s3@cr3t@db/console",  # invalid: a raw "@"
    "postgresql+psycopg://app:s3?cr3t@db/console",
    "app:s3cr3t@db/console",  # no scheme at all
]


@pytest.mark.parametrize("url", SECRET_URLS)
def test_no_password_shows_in_any_shape_of_url(url: str, tmp_path: Path) -> None:
    from console.settings import database_label, safe_url

    assert "cr3t" not in safe_url(url) and "cr3t" not in database_label(url)
    for where in ({"db": url}, {}):
        env = {} if where else {"CONSOLE_DB": url}
        _code, text = config_check(None, where, env)
        assert "cr3t" not in text, text
    file = write(tmp_path, f'[database]\nurl = "{url}"\n')
    _code, text = config_check(file, {}, {})
    assert "cr3t" not in text, text


def test_safe_url_keeps_what_people_need() -> None:
    from console.settings import database_label, safe_url

    assert safe_url("postgresql+psycopg://app:pw@db:5433/console?password=x&sslmode=require") == (
        "postgresql+psycopg://app:***@db:5433/console?password=***&sslmode=require"
    )
    assert safe_url("sqlite:////home/a@b:c/console.sqlite3") == (
        "sqlite:////home/a@b:c/console.sqlite3"
    )  # a path is no password
    assert database_label("postgresql+psycopg://app:s3@cr3t@db/console") == "db"
    assert database_label("sqlite:////home/wang/console.sqlite3") == "console.sqlite3"


def test_only_sqlite_and_postgresql_urls_and_no_raw_at_sign(tmp_path: Path) -> None:
    for url, said in (
        ("mysql://u@h/x", "mysql is not a database this console works with"),
        ("postgresql://u:a@b@h/x", 'holds a raw "@": write it as %40'),
    ):
        with pytest.raises(ConfigError) as caught:
            load_settings({"db": url}, {})
        assert said in str(caught.value)
    assert load_settings({"db": "postgresql://u:a%40b@h/x"}, {}).db_url.endswith("@h/x")
