"""libpq connection strings for this console's own long-lived PostgreSQL connections (the change
listener, the exchange's shared database): named in pg_stat_activity, never waiting long to
connect, and with TCP keepalives, which are what notice a silently dead network path on a
connection that mostly waits."""

from __future__ import annotations

from psycopg.conninfo import conninfo_to_dict, make_conninfo


def conninfo(url: str, application_name: str) -> str:
    """The libpq string for ``postgresql://…`` or SQLAlchemy's ``postgresql+psycopg://…``; options
    in the URL's query (sslmode, sslcert…) win over these."""
    ours: dict[str, int | str] = {
        "application_name": application_name,
        "connect_timeout": 5,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }
    uri = url.replace("postgresql+psycopg://", "postgresql://", 1)
    return make_conninfo("", **{**ours, **conninfo_to_dict(uri)})
