"""Typed readers for settings that come from the environment.

A bad value stops start-up with one line naming the variable (SystemExit
prints the message without a traceback), so an operator sees at once what to
fix instead of a stack trace from deep inside Django.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class ConfigError(SystemExit):
    """A setting from the environment is unusable; the message names it."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"coachready: configuration error: {name} {problem}")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(name, f"must be true or false, got {raw!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(name, f"must be a whole number, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ConfigError(name, f"must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(name: str, url: str) -> dict[str, object]:
    """Turn DATABASE_URL into a Django DATABASES entry, refusing what we do not run on."""
    import dj_database_url

    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ConfigError(
            name, f"must start with sqlite:/// or postgresql://, got {url!r}"
        )
    try:
        # Connections are reused for a minute; each request first checks that
        # a reused one still works, so a database restart costs no request.
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except Exception as exc:  # dj_database_url raises bare ValueErrors and more
        raise ConfigError(name, f"is malformed ({exc})") from None
    if scheme == "sqlite":
        if not config.get("NAME") or config["NAME"] == ":memory:" and "memory" not in url:
            raise ConfigError(name, "names no database file")
    elif not config.get("NAME"):
        raise ConfigError(name, "names no database (add /dbname at the end)")
    else:
        # An unreachable host fails in seconds rather than hanging a worker.
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 10)
    return config


def email_from_url(name: str, url: str) -> dict[str, object]:
    """EMAIL_URL: console:, locmem:, smtp://user:pass@host:port?tls=1 or smtps://..."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme not in {"smtp", "smtps"}:
        raise ConfigError(name, f"must be console:, locmem:, smtp:// or smtps://, got {url!r}")
    if not parts.hostname:
        raise ConfigError(name, "names no host")
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(name, "has a port that is not a number") from None
    query = parse_qs(parts.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_USE_TLS": scheme == "smtp" and query.get("tls", ["1"])[0] in _TRUE,
    }


def cache_from_url(name: str, url: str) -> dict[str, object]:
    """CACHE_URL: redis://host:port/db, db (the database cache) or locmem.

    The cache holds sessions, the second-factor check, rate-limit counters
    and the readiness pages, so every process that serves the site must see
    the same one; locmem is one process's memory and suits only one process.
    """
    value = url.strip()
    if value == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if value == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": DATABASE_CACHE_TABLE}
    parts = urlsplit(value)
    if parts.scheme.lower() not in {"redis", "rediss"}:
        raise ConfigError(name, f"must be redis://host:port/db, db or locmem, got {url!r}")
    if not parts.hostname:
        raise ConfigError(name, "names no Redis host")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        raise ConfigError(name, "has a port that is not a number") from None
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise ConfigError(name, f"must end with a Redis database number, got {parts.path!r}")
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": value}


# The database cache's table; `migrate` creates it (core's migrations).
DATABASE_CACHE_TABLE = "coachready_cache"


def ip_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list of IP addresses, each checked and normalised."""
    import ipaddress

    found = []
    for item in env_list(name, default):
        try:
            found.append(str(ipaddress.ip_address(item)))
        except ValueError:
            raise ConfigError(name, f"must list IP addresses separated by commas, got {item!r}") from None
    return found
