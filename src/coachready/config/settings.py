"""CoachReady settings: everything that differs between a laptop demo and
production comes from the environment (see .env.example). With no variables
at all this is the demo: DEBUG on, SQLite under ./var, email to the console.
"""

from __future__ import annotations

import os
from pathlib import Path

from coachready.config.env import (
    ConfigError,
    cache_from_url,
    database_from_url,
    email_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    ip_list,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Data lives under the working directory, so `make demo` keeps its files in
# the checkout and a production install keeps them where the service runs.
VAR_DIR = Path(env_str("COACHREADY_VAR_DIR") or Path.cwd() / "var")

DEBUG = env_bool("DEBUG", True)
TESTING = env_bool("COACHREADY_TESTING", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigError("SECRET_KEY", "must be set when DEBUG is false")
    SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production-0123456789abcdef"
elif not DEBUG and len(SECRET_KEY) < 50:
    raise ConfigError("SECRET_KEY", "must be at least 50 characters long in production")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ConfigError("ALLOWED_HOSTS", "must list the site's host names when DEBUG is false")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Links are built on each region's own site address (create-region-site
# --hostname/--port, see coachready.core.addresses). SITE_URL is only the
# fallback for links that belong to no region and the CMS's base address.
SITE_URL = env_str("SITE_URL", "").rstrip("/")
DEFAULT_REGION_NUMBER = env_int("COACHREADY_DEFAULT_REGION", 60, minimum=1)

INSTALLED_APPS = [
    "coachready.core",
    "coachready.org",
    "coachready.certs",
    "coachready.teams",
    "coachready.training",
    "coachready.crosscert",
    "coachready.heading",
    "coachready.schoolyard",
    "coachready.site",
    "coachready.notify",
    "coachready.imports",
    "coachready.api",
    "coachready.passes",
    "coachready.wording",
    "coachready.field",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and messages: it stores a page only once their
    # cookies (if any) are on the response.
    "coachready.site.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before the language is chosen: a signed-in person's own choice counts.
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before CommonMiddleware: its slash-appending resolves URLs, and the
    # public site's URLs depend on the active language.
    "coachready.core.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "coachready.core.middleware.RequestHygieneMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "coachready.core.headers.PolicyHeadersMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "coachready.org.middleware.AdminMfaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "coachready.config.urls"
FORM_RENDERER = "coachready.core.forms.FormRenderer"
WSGI_APPLICATION = "coachready.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coachready.core.context_processors.product",
            ],
        },
    },
    {
        # The text part of every email: plain text is never HTML-escaped
        # (O'Brien & Co stays as written). Only core.mail renders with it.
        "NAME": "email_text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {"default": database_from_url("DATABASE_URL", _database_url)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "coachready.sqlite3"),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server, the task worker and the
    # reminder command share one SQLite file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"].pop("CONN_MAX_AGE", None)
    DATABASES["default"].pop("CONN_HEALTH_CHECKS", None)

# One cache for every process: sessions, the second-factor check, rate-limit
# counters and the readiness pages live here, so a sign-out or an invalidation
# on one worker is seen by all. The default is the database cache: the demo's
# web server and task worker are separate processes and already share the
# database, so it needs no extra service (production adds Redis when it grows).
CACHES = {"default": cache_from_url("CACHE_URL", env_str("CACHE_URL", "db"))}
if not DEBUG and CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    raise ConfigError("CACHE_URL", "cannot be locmem when DEBUG is false: each process would keep its own")

# Addresses of the reverse proxies whose X-Forwarded-For is believed (see
# coachready.core.client_address); nobody else's is.
TRUSTED_PROXIES = ip_list("TRUSTED_PROXIES", [])

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "org.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_ADAPTER = "coachready.org.adapter.AccountAdapter"
# Sign-up also asks for the language pages and emails are written in.
ACCOUNT_SIGNUP_FORM_CLASS = "coachready.org.forms.SignupLanguageForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
if ACCOUNT_EMAIL_VERIFICATION not in {"mandatory", "optional", "none"}:
    raise ConfigError("ACCOUNT_EMAIL_VERIFICATION", "must be mandatory, optional or none")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {} if TESTING else {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "CoachReady"
# Administrators hold volunteers' personal data, so their accounts need a
# second factor. Only a DEBUG (demo) install may relax it.
MFA_REQUIRED_FOR_ADMINS = env_bool("COACHREADY_MFA_REQUIRED", not DEBUG)
if not DEBUG and not MFA_REQUIRED_FOR_ADMINS:
    raise ConfigError("COACHREADY_MFA_REQUIRED", "cannot be false when DEBUG is false")

# Region 60's families speak English, Spanish and Chinese at home; every
# language here is complete (tests/i18n checks the catalogues). Each is
# named in its own words, as the switcher shows it.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh-hant", "繁體中文"),
    ("zh-hans", "简体中文"),
]
# The project-wide templates' catalogue, kept beside them (not above the
# apps, so makemessages run in an app files its messages in the app's own
# catalogue); each app keeps its own in
# <app>/locale. `make install` compiles them all (coachready.core.catalogues).
LOCALE_PATHS = [PACKAGE_DIR / "templates" / "locale"]
LANGUAGE_COOKIE_NAME = "coachready_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["coachready.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    # Certificate uploads and licence scans. Any Django storage backend can
    # be named here (an S3-compatible one, for instance) without code changes.
    "default": {
        "BACKEND": env_str("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Evidence files are private: they are served through views that check
# access, never straight from MEDIA_URL.
PRIVATE_MEDIA_PREFIX = "private/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024

_email_url = env_str("EMAIL_URL")
if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
elif _email_url:
    globals().update(email_from_url("EMAIL_URL", _email_url))
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    raise ConfigError("EMAIL_URL", "must be set when DEBUG is false (smtp://user:pass@host:587)")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CoachReady <noreply@coachready.localhost>")
# Seconds an SMTP connection may hang before the send fails and the outbox
# retries it; without it a stuck server would hold a worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

WAGTAIL_SITE_NAME = "CoachReady"
# Where the CMS's emails point (moderation notices): the deployment's
# address, else the first allowed host in production, else the demo default.
WAGTAILADMIN_BASE_URL = SITE_URL or (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}" if not DEBUG and ALLOWED_HOSTS else "http://127.0.0.1:8000"
)
# The public site is written in every language of LANGUAGES: each page has a
# translation per locale (same translation key), served under /es/, /zh-hant/
# and /zh-hans/. Editors translate with Wagtail's built-in simple translation,
# not wagtail-localize: a region's few pages are written by its own
# bilingual volunteers, who translate a copy of the page in the ordinary
# editor; wagtail-localize's segment-by-segment editor, PO round trips and
# machine translation (an outside service) would be one more package and
# its own tables to keep in step with each Wagtail release, for work nobody
# here does.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Sessions are read on every request: keep them in the shared cache in front
# of the database (the database stays the source, so a cache restart signs
# nobody out). The cache is the one every process uses, so a session ended on
# one worker is refused by all of them.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "default"
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows the page in a same-origin iframe, so frames
# from our own origin stay allowed; the deploy check's W019 says exactly that.
# Anonymous visitors' public pages are served from the cache
# (coachready.site.pagecache); every change they show replaces them at once,
# this bounds a change made past the application (0 turns the cache off).
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 600, minimum=0)
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Content-Security-Policy (django-csp) on every page: our own origin only and
# no inline script or style. Evidence files replace it with "sandbox";
# Wagtail's admin gets its allowance in coachready.core.headers.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # data: for the images Wagtail's admin and the browser's own widgets inline.
        "img-src": ["'self'", "data:"],
        # An evidence PDF is shown in an <object> on the verification queue.
        "object-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail would load editors' avatars from gravatar.com: an outside request
# carrying a hash of their email address, and outside the policy above.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor ask releases.wagtail.org for new versions from editors' browsers.
WAGTAIL_ENABLE_UPDATE_CHECK = False

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING").upper()},
}

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    MEDIA_ROOT = Path(os.environ.get("COACHREADY_TEST_MEDIA", "/tmp/coachready-test-media"))
