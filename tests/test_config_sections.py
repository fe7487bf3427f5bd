"""Each setting is declared once, in its section's module (console/config/<section>.py): a
field of Settings without a declaration would be a value no site could set."""

from __future__ import annotations

import dataclasses

from console.config import FIELDS, Settings


def test_every_settings_field_is_a_declared_setting() -> None:
    plain = {f.name for f in dataclasses.fields(Settings)} - {f.name for f in FIELDS}
    assert plain == {"sources", "config_path"}


def test_keys_are_declared_once_and_the_database_url_first() -> None:
    keys = [f.key for f in FIELDS]
    assert len(keys) == len(set(keys)) and keys[0] == "database.url"
    assert all(f.key.count(".") == 1 for f in FIELDS)
