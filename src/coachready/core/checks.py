"""Deploy checks (`coachready check --deploy`) for mistakes Django's own
checks do not see: a secret copied from the example file, and a host list
that lets any Host header through."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register

# The repository root, where .env.example sits beside README.md.
ENV_EXAMPLE = Path(__file__).resolve().parents[3] / ".env.example"


def example_secret_key(path: Path = ENV_EXAMPLE) -> str | None:
    """The SECRET_KEY written in .env.example, or None when there is no such file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        name, sep, value = line.strip().partition("=")
        if sep and name.strip() == "SECRET_KEY":
            return value.strip().strip("'\"")
    return None


@register(Tags.security, deploy=True)
def check_secret_key_is_not_the_example(app_configs, **kwargs):
    placeholder = example_secret_key()
    if placeholder and placeholder == settings.SECRET_KEY:
        return [Error(
            "SECRET_KEY is the placeholder from .env.example.",
            hint="Set a random one: python -c \"import secrets; print(secrets.token_urlsafe(64))\"",
            id="coachready.security.E001",
        )]
    return []


@register(Tags.security, deploy=True)
def check_allowed_hosts_has_no_wildcard(app_configs, **kwargs):
    if "*" in settings.ALLOWED_HOSTS:
        return [Error(
            "ALLOWED_HOSTS contains '*', so any Host header is believed (password-reset links and "
            "absolute URLs can be made to point elsewhere).",
            hint="List the site's host names, e.g. ALLOWED_HOSTS=coach.example.org",
            id="coachready.security.E002",
        )]
    return []
