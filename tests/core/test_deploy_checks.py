"""`coachready check --deploy` refuses the example secret and a wildcard host."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from coachready.core.checks import ENV_EXAMPLE, example_secret_key

REAL_SECRET = "a-real-secret-" + "q" * 50


def deploy_errors() -> set[str]:
    return {m.id for m in run_checks(include_deployment_checks=True) if m.id.startswith("coachready.")}


def test_the_example_file_holds_a_secret_to_compare_with():
    placeholder = example_secret_key()
    assert placeholder and len(placeholder) >= 50
    assert f"SECRET_KEY={placeholder}" in ENV_EXAMPLE.read_text()


@pytest.mark.parametrize(
    ("secret", "hosts", "errors"),
    [
        (REAL_SECRET, ["coach.example.org"], set()),
        (None, ["coach.example.org"], {"coachready.security.E001"}),
        (REAL_SECRET, ["*"], {"coachready.security.E002"}),
        (REAL_SECRET, ["coach.example.org", "*"], {"coachready.security.E002"}),
        (None, ["*"], {"coachready.security.E001", "coachready.security.E002"}),
        (REAL_SECRET, [".example.org"], set()),  # a subdomain wildcard names its domain
    ],
)
def test_deploy_check(secret, hosts, errors):
    with override_settings(SECRET_KEY=secret or example_secret_key(), ALLOWED_HOSTS=hosts):
        assert deploy_errors() == errors


def test_the_checks_run_only_for_deploy():
    with override_settings(SECRET_KEY=example_secret_key(), ALLOWED_HOSTS=["*"]):
        assert not {m.id for m in run_checks() if m.id.startswith("coachready.")}
