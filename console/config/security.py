"""``[security] [audit] [privacy]``: passwords and locks, the audit key, how long callers are kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console import config_values as check
from console.config.declare import setting
from console.domain.passwords import SecurityPolicy


@dataclass(frozen=True)
class SecuritySection:
    # [security]: console.domain.passwords.SecurityPolicy
    password_min_length: int = setting("security.password_min_length", check.whole(8, 128), 8)
    password_min_classes: int = setting("security.password_min_classes", check.whole(1, 4), 3)
    password_max_age_days: int = setting("security.password_max_age_days", check.whole(0, 3650), 90)
    lock_after_failures: int = setting("security.lock_after_failures", check.whole(1, 100), 5)
    lock_minutes: int = setting("security.lock_minutes", check.whole(1, 1440), 30)
    totp_for_all: bool = setting("security.totp_for_all", check.flag, False)
    idle_lock_min: int = setting("security.idle_lock_min", check.whole(1, 240), 15)
    # the audit trail's key; None: audit_key_path()'s default
    audit_key_file: Path | None = setting(
        "audit.key_file", check.file_path, None, env="CONSOLE_AUDIT_KEY"
    )
    # [privacy]: callers of orders closed longer ago are purged
    retention_months: int = setting("privacy.retention_months", check.whole(1, 600), 36)

    def security(self) -> SecurityPolicy:
        """The ``[security]`` settings as the account service reads them."""
        return SecurityPolicy(
            min_length=self.password_min_length, min_classes=self.password_min_classes,
            max_age_days=self.password_max_age_days, max_failures=self.lock_after_failures,
            lock_minutes=self.lock_minutes, totp_for_all=self.totp_for_all,
            idle_lock_min=self.idle_lock_min,
        )  # fmt: skip
