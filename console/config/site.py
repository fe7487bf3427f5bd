"""``[database] [seat] [ui]``: where the data is and who sits at this seat."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from console import config_values as check
from console.config.declare import meta, setting

Platform = Literal["12345", "110"]
Lang = Literal["zh_CN", "en"]


@dataclass(frozen=True)
class SiteSection:
    # The database URL's default is default_db_url() (load_settings), hence no default here.
    db_url: str = field(metadata=meta("database.url", check.db_url, env="CONSOLE_DB"))
    # the CA a PostgreSQL server's certificate is checked with
    db_sslrootcert: Path | None = setting("database.sslrootcert", check.file_path, None)
    # the change listener's own way to the server (past PgBouncer)
    db_listen_url: str = setting(
        "database.listen_url", check.optional_db_url, "", env="CONSOLE_DB_LISTEN"
    )
    platform: Platform = setting(
        "seat.platform", check.choice("12345", "110"), "12345", env="CONSOLE_PLATFORM"
    )
    seat: str = setting("seat.id", check.seat_id, "A-01", env="CONSOLE_SEAT")
    agent: str = setting("seat.agent", check.agent_name, "坐席", env="CONSOLE_AGENT")
    lang: Lang = setting("ui.lang", check.choice("zh_CN", "en"), "zh_CN", env="CONSOLE_LANG")
