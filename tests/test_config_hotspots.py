"""The ``[hotspots]`` settings: read, checked, and turned into the scan's method."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.config import ConfigError, load_settings


def _settings(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "console.toml"
    path.write_text("[hotspots]\n" + body, encoding="utf-8")
    return load_settings({}, {}, path)


def test_defaults_and_a_site_setting(tmp_path: Path) -> None:
    assert load_settings({}, {}, None).hotspot_method().every_hours == 4
    method = _settings(
        tmp_path, "every_hours = 6\nbaseline_days = 14\nmin_count = 8\n"
    ).hotspot_method()
    assert (method.every_hours, method.baseline_days, method.min_count) == (6, 14, 8)


@pytest.mark.parametrize("body", ["every_hours = 5\n", "baseline_days = 2\n", "min_count = 0\n"])
def test_bad_values_are_refused_naming_the_key(tmp_path: Path, body: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _settings(tmp_path, body)
    assert "hotspots." + body.split()[0] in str(caught.value)
