"""Bad configuration stops start-up with one line naming the variable."""

import os
import subprocess
import sys

import pytest

from coachready.config.env import ConfigError, cache_from_url, database_from_url, email_from_url, env_bool


def _start(env: dict[str, str]) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "COACHREADY_TESTING"}}
    full.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import coachready.config.settings"],
        env=full, capture_output=True, text=True, timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DATABASE_URL": "mysql://nope"}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgresql://host:notaport/db"}, "DATABASE_URL"),
        ({"DEBUG": "false"}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS"),
        ({"DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.org"}, "EMAIL_URL"),
        ({"EMAIL_URL": "carrier-pigeon://x"}, "EMAIL_URL"),
        ({"COACHREADY_DEFAULT_REGION": "sixty"}, "COACHREADY_DEFAULT_REGION"),
        ({"CACHE_URL": "memcached://127.0.0.1:11211"}, "CACHE_URL"),
        ({"CACHE_URL": "redis://127.0.0.1:6379/first"}, "CACHE_URL"),
        ({"DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.org", "EMAIL_URL": "console:",
          "CACHE_URL": "locmem"}, "CACHE_URL"),
        ({"TRUSTED_PROXIES": "127.0.0.1,proxy.example.org"}, "TRUSTED_PROXIES"),
    ],
)
def test_bad_configuration_is_one_line_naming_the_variable(env, variable):
    result = _start(env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]


def test_no_variables_at_all_is_the_demo():
    assert _start({}).returncode == 0


@pytest.mark.parametrize(("raw", "value"), [("true", True), ("1", True), ("off", False), ("No", False)])
def test_booleans(monkeypatch, raw, value):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG", not value) is value


def test_database_urls():
    assert database_from_url("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")["NAME"] == "test"
    assert database_from_url("DATABASE_URL", "sqlite:////tmp/x.sqlite3")["NAME"] == "/tmp/x.sqlite3"
    with pytest.raises(ConfigError):
        database_from_url("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432")


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("redis://127.0.0.1:6379/1", "django.core.cache.backends.redis.RedisCache"),
        ("db", "django.core.cache.backends.db.DatabaseCache"),
        ("locmem", "django.core.cache.backends.locmem.LocMemCache"),
    ],
)
def test_cache_urls(url, backend):
    assert cache_from_url("CACHE_URL", url)["BACKEND"] == backend


def test_smtp_url():
    config = email_from_url("EMAIL_URL", "smtp://u:p%40ss@mail.example.org:2525")
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["EMAIL_PORT"] == 2525
    assert config["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert config["EMAIL_USE_TLS"] is True


def test_production_mode_passes_the_deploy_check(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in {"DEBUG", "DATABASE_URL", "COACHREADY_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DEBUG="false",
        SECRET_KEY="k" * 30 + "-production-secret-for-the-deploy-check",
        ALLOWED_HOSTS="coach.example.org",
        EMAIL_URL="smtp://user:pw@smtp.example.org:587",
        COACHREADY_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING",
         "--settings", "coachready.config.settings"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
