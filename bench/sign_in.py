"""sign_in_ms: one sign-in with the right password (argon2id verify, the account read and its
row written back) on a fresh SQLite database; target ≤ 500 ms. Also the refused sign-in of an
unknown login, which must cost the same (``sign_in_unknown_ms``).

Floor: the bare ``argon2.PasswordHasher.verify`` of the same hash with the same parameters
(OWASP's argon2id minimum, m = 19 MiB, t = 2, p = 1): the cost of the password check alone.
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from common import Context, Figure, time_figure

from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Role
from console.services.accounts import AccountService
from console.services.second_factor import password_hasher
from console.store.setup import init_db

SAMPLES = 30
PASSWORD = "Bench-2026x"


def _median_ms(fn: Callable[[], object]) -> float:
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run(ctx: Context) -> list[Figure]:
    db, _ = init_db(f"sqlite:///{ctx.workdir / 'sign-in.sqlite3'}")
    try:
        accounts = AccountService(db, lambda: datetime.now(UTC))
        accounts.add("bench", "测试", Platform.HOTLINE, [Role.AGENT], "Start-2026x")
        accounts.change_password("bench", "Start-2026x", PASSWORD)
        ours = _median_ms(lambda: accounts.sign_in("bench", PASSWORD))

        def unknown() -> None:
            with contextlib.suppress(Refused):
                accounts.sign_in(f"nobody{time.perf_counter_ns()}", PASSWORD)

        refused = _median_ms(unknown)
    finally:
        db.dispose()
    hasher = password_hasher()
    stored = hasher.hash(PASSWORD)
    floor = _median_ms(lambda: hasher.verify(stored, PASSWORD))
    return [
        time_figure("sign_in_ms", "ms", ours, floor),
        time_figure("sign_in_unknown_ms", "ms", refused, floor),
    ]
