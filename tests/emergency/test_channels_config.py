"""The site's [emergency] settings: read from the file, checked, handed to the channels."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.config import ConfigError, Settings, load_settings


def settings_from(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "console.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings({}, {}, path)


def test_the_emergency_section_reaches_the_channels(tmp_path: Path) -> None:
    s = settings_from(
        tmp_path,
        """[emergency]
simulated = false
sim_min_delay_s = 5
sim_max_delay_s = 9
sim_never_percent = 0
sim_refuse_percent = 50
sim_seed = 42
sms_url = "https://sms-gw.example.gov.cn:8443/api"
platform_url = "http://127.0.0.1:9000/linkage"
timeout_s = 4
ca = "~/partners-ca.pem"
""",
    )
    e = s.emergency()
    assert not e.simulated and e.desk.seed == 42 and e.desk.refuse_share == 0.5
    assert (e.desk.min_delay_s, e.desk.max_delay_s, e.desk.never_share) == (5, 9, 0.0)
    assert e.sms_url.startswith("https://sms-gw") and e.platform_url.endswith(":9000/linkage")
    assert e.timeout_s == 4 and e.ca_file == Path.home() / "partners-ca.pem"
    assert s.sources["emergency_sms_url"].endswith("console.toml:8")


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('sms_url = "http://gw.example.gov.cn/api"', "emergency.sms_url"),
        ('platform_url = "ftp://x"', "emergency.platform_url"),
        ("sim_never_percent = 101", "from 0 to 100"),
        ("timeout_s = 0", "emergency.timeout_s"),
        ("sim_min_delay_s = 50\nsim_max_delay_s = 10", "is over sim_max_delay_s"),
    ],
)
def test_bad_values_are_errors_naming_the_key(tmp_path: Path, line: str, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from(tmp_path, f"[emergency]\n{line}\n")
    assert says in str(caught.value)
