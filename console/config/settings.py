"""The effective site settings: every section's fields on one frozen object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from console.config.alarms import AlarmsSection
from console.config.analysis import AnalysisSection
from console.config.declare import declared
from console.config.emergency import EmergencySection
from console.config.exchange import ExchangeSection
from console.config.seat import SeatSection
from console.config.security import SecuritySection
from console.config.site import SiteSection
from console.config_values import Invalid


# A dataclass takes its bases' fields last base first: bottom to top, the sections below give
# the order `config check` lists the settings in (and the database URL first, the one field
# without a default).
@dataclass(frozen=True)
class Settings(
    AnalysisSection,
    EmergencySection,
    ExchangeSection,
    SecuritySection,
    SeatSection,
    AlarmsSection,
    SiteSection,
):
    """Effective site settings; ``sources[name]`` says where each value came from."""

    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    config_path: Path | None = field(default=None, compare=False)  # the file read, if any

    def __post_init__(self) -> None:
        for f in FIELDS[1:]:  # db_url is checked where it is read, and by describe()
            try:
                f.check(getattr(self, f.name))
            except Invalid as exc:
                raise ValueError(f"{f.name}={getattr(self, f.name)!r}: {exc}") from None

    def exchange_ids(self) -> tuple[str, str]:
        """This system's id and the peer's, as the two platforms agreed them."""
        peer = "110" if self.platform == "12345" else "12345"
        return (
            self.exchange_system_id or f"LN-{self.platform}",
            self.exchange_peer_id or f"LN-{peer}",
        )


FIELDS = declared(Settings)  # db_url first
BY_KEY = {f.key: f for f in FIELDS}
SECTIONS: dict[str, list[str]] = {}
for _f in FIELDS:
    SECTIONS.setdefault(_f.key.split(".")[0], []).append(_f.key.split(".")[1])
