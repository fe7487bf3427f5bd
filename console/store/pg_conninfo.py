"""PostgreSQL URLs and the libpq options of this console's own connections (the pool, the change
listener, the exchange's shared database): named in pg_stat_activity, never waiting long to
connect, and with TCP keepalives, which are what notice a silently dead network path on a
connection that mostly waits.

A URL may name several servers, libpq's way (``postgresql+psycopg://u@h1:5432,h2:5433/db?
target_session_attrs=read-write``: a primary and its standby; libpq tries them in turn and keeps
the one that takes writes). SQLAlchemy's URL parser takes that list only as repeated ``host``
query parameters: :func:`parse_url` rewrites it so (and imports no psycopg: the config check
uses it)."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url


def libpq_options(application_name: str) -> dict[str, int | str]:
    """Ours, for any connection this console opens; options the URL names win over them."""
    return {
        "application_name": application_name,
        "connect_timeout": 5,  # per server: a dead primary costs the standby this much at most
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        # Sent data unacknowledged this long (ms) ends the connection: a primary whose host
        # vanished mid-query, which keepalives do not notice while a send is retrying.
        "tcp_user_timeout": 30_000,
    }


def parse_url(text: str) -> URL:
    """SQLAlchemy's URL for ``text``, also when its host part lists several ``host:port``
        (turned into ``?host=h1:5432&host=h2:5433``, which SQLAlchemy's psycopg dialect hands to
        libpq as its host and port lists; ``target_session_attrs=read-write`` unless the URL says
    otherwise, since the console writes and listens, which only a primary takes). Raises what :func:`~sqlalchemy.engine.make_url` raises."""
    scheme, sep, rest = text.partition("://")
    ends = [i for i in (rest.find("/"), rest.find("?")) if i >= 0]
    netloc, tail = rest[: min(ends, default=len(rest))], rest[min(ends, default=len(rest)) :]
    user, at, hosts = netloc.rpartition("@")
    if not sep or "," not in hosts or not scheme.startswith("postgresql"):
        return make_url(text)
    url = make_url(f"{scheme}://{user}{at}{tail or '/'}")
    url = url.update_query_pairs([("host", h) for h in hosts.split(",") if h], append=True)
    if "target_session_attrs" not in url.query:  # the standby takes no writes and no LISTEN
        url = url.update_query_dict({"target_session_attrs": "read-write"})
    return url


def url_conninfo(url: URL, application_name: str) -> str:
    """The libpq string for SQLAlchemy's ``url`` (one server or a list, as :func:`parse_url`
    makes it), with :func:`libpq_options` under what the URL says."""
    from psycopg.conninfo import make_conninfo

    params: dict[str, str | int] = {}
    query = dict(url.query)
    hosts = query.pop("host", None)
    if hosts is not None:  # host=h1:5432&host=h2:5433 (or one host=/socket/dir)
        pairs = [h.rpartition(":") if ":" in h else (h, "", "") for h in _many(hosts)]
        params["host"] = ",".join(p[0] for p in pairs)
        if any(p[2] for p in pairs):
            params["port"] = ",".join(p[2] for p in pairs)
    elif url.host:
        params["host"] = url.host
    if url.port and hosts is None:
        params["port"] = url.port
    for key, value in (("user", url.username), ("password", url.password)):
        if value:
            params[key] = str(value)
    if url.database:
        params["dbname"] = url.database
    params.update({k: ",".join(_many(v)) for k, v in query.items()})
    return make_conninfo("", **{**libpq_options(application_name), **params})


def _many(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def conninfo(url: str, application_name: str) -> str:
    """The libpq string for ``postgresql://…`` or SQLAlchemy's ``postgresql+psycopg://…`` (libpq
    reads a list of servers in a URL itself); options in the URL's query (sslmode, sslcert…)
    win over :func:`libpq_options`."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    uri = url.replace("postgresql+psycopg://", "postgresql://", 1)
    return make_conninfo("", **{**libpq_options(application_name), **conninfo_to_dict(uri)})
