"""Fixtures shared by the UI tests (pytest finds them here by name)."""

from tests.ui.admin_harness import admin_ops  # noqa: F401
from tests.ui.alarm_panel_harness import panel, scene, seated, worker  # noqa: F401
from tests.ui.chinese import chinese  # noqa: F401
from tests.ui.consultation_harness import lead_windows  # noqa: F401
from tests.ui.intake_harness import seat  # noqa: F401
from tests.ui.linkage_harness import seats, start_seats  # noqa: F401
from tests.ui.role_harness import parts  # noqa: F401
from tests.ui.sign_in_harness import desk  # noqa: F401
