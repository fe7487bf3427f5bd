"""The personal-data settings: a database password in a config file others may read is warned
about (config check and the start-up log), never shown; PostgreSQL's CA file turns on
verify-full; the retention period is checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from console.config import ConfigError, config_check, describe, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "console.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_password_in_a_file_others_may_read_is_warned_about_and_never_shown(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, '[database]\nurl = "postgresql+psycopg://app:s3cr3t@db/console"\n')
    path.chmod(0o644)
    code, report = config_check(path, {}, {})
    assert code == 0 and "s3cr3t" not in report
    assert f"WARNING: {path} holds the database password and others may read it" in report
    path.chmod(0o600)
    assert "WARNING" not in config_check(path, {}, {})[1]
    # the password from the environment: nothing in the file to protect
    path.write_text('[database]\nurl = "postgresql+psycopg://app@db/console"\n', encoding="utf-8")
    path.chmod(0o644)
    env = {"CONSOLE_DB": "postgresql+psycopg://app:s3cr3t@db/console"}
    code, report = config_check(path, {}, env)
    assert "WARNING" not in report and "s3cr3t" not in report


def test_a_ca_file_checks_the_postgresql_server(tmp_path: Path) -> None:
    text = '[database]\nurl = "postgresql+psycopg://app@db/console"\nsslrootcert = "/etc/ca.pem"\n'
    settings = load_settings({}, {}, write(tmp_path, text))
    assert settings.db_url == (
        "postgresql+psycopg://app@db/console?sslrootcert=/etc/ca.pem&sslmode=verify-full"
    )
    given = text.replace("/console", "/console?sslmode=verify-ca")
    assert load_settings({}, {}, write(tmp_path, given)).db_url.endswith(
        "?sslmode=verify-ca&sslrootcert=/etc/ca.pem"
    )
    assert any(
        line.startswith("database.sslrootcert ") and "= /etc/ca.pem  (file:" in line
        for line in describe(settings)
    )


def test_the_retention_period(tmp_path: Path) -> None:
    assert load_settings({}, {}, None).retention_months == 36
    path = write(tmp_path, "[privacy]\nretention_months = 24\n")
    assert load_settings({}, {}, path).retention_months == 24
    with pytest.raises(ConfigError, match=r"privacy.retention_months = 0: must be a whole"):
        load_settings({}, {}, write(tmp_path, "[privacy]\nretention_months = 0\n"))
