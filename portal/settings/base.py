"""Settings shared by every environment. dev, test and production import this and adjust."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # modeltranslation must come before the admin so translated fields show there.
    "modeltranslation",
    "apps.core.apps.CaminoAdminConfig",  # django.contrib.admin, with Camino's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "apps.core",
    "apps.accounts",
    "apps.organizations",
    "apps.jobs",
    "apps.events",
    "apps.mentorship",
    "apps.legal",
    "apps.certifications",
    "apps.notifications",
    "apps.curation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "apps.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "apps.accounts.middleware.StaffMFARequiredMiddleware",
    "apps.accounts.middleware.TimeZoneMiddleware",
    "apps.core.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% url %} with its addresses remembered, in place of Django's own.
            "builtins": ["apps.core.templatetags.addresses"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL selects PostgreSQL (postgres://user:pass@host:5432/name); without it, SQLite.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'camino.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
# SQLite (the laptop default) ignores the INCLUDE columns of the covering indexes
# (apps.core.models.SearchEntry.place_index) and says so on every migrate: only PostgreSQL,
# which uses them, matters for speed.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Web requests are many and short: parallel plans only make them compete for the cores.
    DATABASES["default"]["OPTIONS"] = {"options": "-c max_parallel_workers_per_gather=0"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, cache and Celery ------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")


def redis_cache(location: str) -> dict:
    """The cache backs allauth's and Camino's rate limits, so it must be shared by every web
    process. When Redis is down or hung it fails open, fast (apps/core/cache.py): a request
    waits at most one short socket timeout, then skips the cache for a few seconds."""
    return {
        "BACKEND": "apps.core.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": "camino",
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }


# Redis wherever Redis is configured, process-local memory only in zero-setup mode.
if REDIS_URL:
    CACHES = {"default": redis_cache(env("REDIS_CACHE_URL") or REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous list, search, feed and detail pages are cached whole for this many seconds (0:
# off), under keys that change when what they show changes (apps/core/pagecache.py); the
# time bounds what no key follows (an organization's new name, "posted in the last day").
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "300"))
# A request header that makes a cached page a miss (rendered and stored again), for the
# bench to measure misses, e.g. PAGE_CACHE_MISS_HEADER=X-Page-Cache-Miss. Off when empty.
PAGE_CACHE_MISS_HEADER = env("PAGE_CACHE_MISS_HEADER")

CELERY_BROKER_URL = REDIS_URL or "memory://"
# Zero-setup mode only: without a broker, tasks run in the calling process.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
# A message not acknowledged within this time is handed to another worker; it must exceed
# the longest task.
# A web request that enqueues must not hang on a broker that is down or hung (the delivery
# log keeps the email and the sweeper sends it later): short socket timeouts, and one attempt
# to connect (kombu would otherwise retry for seconds). Publishing with retry=True (tasks,
# beat) still retries by Celery's task_publish_retry_policy.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 0.5,
    "socket_timeout": 0.5,
    "max_retries": 0,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# --- Authentication ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
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

ACCOUNT_ADAPTER = "apps.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "apps.accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the address in the browser that signed up signs the person in and takes them
# where they were going (an event to register for): allauth does so only for the session
# that signed up, so a confirmation link cannot sign anyone else in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
# Changing the address or the password asks for the password again (or a code sent to the
# address, or the authenticator), not just a signed-in session: a shared computer or a
# stolen cookie must not be enough to take the account over.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Tell people of changes to their account: the old address when the address changes, and
# when the password or the authenticator changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Camino: "
ACCOUNT_SESSION_REMEMBER = None
# allauth's default rate limits stay on (ACCOUNT_RATE_LIMITS unset); they live in the cache.
# They count the visitor's address: X-Forwarded-For is believed only for the proxies Camino
# stands behind (allauth takes the address the outermost of them added, the N-th from the
# right); with none (dev, tests) the header is ignored and the socket's address counts.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Camino"

# --- Languages --------------------------------------------------------------------------------
LANGUAGE_CODE = "es"  # the fallback when the browser does not say
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
# Camino's own catalogue first; then overrides of allauth's Spanish so that every page and
# email addresses the reader as "usted" (earlier paths take precedence over the apps' own).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "allauth"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Chicago"

MODELTRANSLATION_DEFAULT_LANGUAGE = "es"
MODELTRANSLATION_LANGUAGES = ("es", "en")
# A missing translation falls back to whichever language has the text.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("es", "en")

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
# Where collectstatic writes (the Docker image's /app/var/static, which the proxy serves).
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Events -----------------------------------------------------------------------------------
# Who attended an event is erased this many days after it ends (the counts stay): see
# apps.events.personal_data.
EVENT_ATTENDANCE_RETENTION_DAYS = int(env("EVENT_ATTENDANCE_RETENTION_DAYS", "90"))

# --- Legal help -------------------------------------------------------------------------------
# A provider is listed this many months after staff last verified it, and is due for another
# check (the stale queue) after LEGAL_STALE_AFTER_MONTHS.
LEGAL_VERIFICATION_EXPIRY_MONTHS = int(env("LEGAL_VERIFICATION_EXPIRY_MONTHS", "12"))
LEGAL_STALE_AFTER_MONTHS = int(env("LEGAL_STALE_AFTER_MONTHS", "6"))
# A know-your-rights guide not reviewed for this many months goes to staff's stale queue.
LEGAL_GUIDE_STALE_AFTER_MONTHS = int(env("LEGAL_GUIDE_STALE_AFTER_MONTHS", "12"))

# --- Career pathways -------------------------------------------------------------------------
# A kind of work's pay is shown only when at least this many current listings with a
# comparable hourly pay are behind it: fewer is an anecdote, not a figure.
CERTIFICATIONS_PAY_MIN_LISTINGS = int(env("CERTIFICATIONS_PAY_MIN_LISTINGS", "5"))
# --- Certifications -----------------------------------------------------------------------------
# A published credential's state rule not checked again for this many months waits in staff's
# stale queue: boards and laws change, and a rule shown is a fact someone relies on.
CERTIFICATIONS_RULES_STALE_AFTER_MONTHS = int(env("CERTIFICATIONS_RULES_STALE_AFTER_MONTHS", "12"))
# --- Certifications: a seeker's plan ------------------------------------------------------------
# A step's reminder comes this many days before its target date (at once when that is past).
CERTIFICATIONS_PLAN_REMINDER_DAYS = int(env("CERTIFICATIONS_PLAN_REMINDER_DAYS", "3"))
# --- Curation -----------------------------------------------------------------------------------
# A staff member's claim on an item lapses after this many minutes, so an item someone walked
# away from goes back to everyone.
CURATION_CLAIM_MINUTES = int(env("CURATION_CLAIM_MINUTES", "60"))
# How long an invitation to join an organization can be accepted.
ORGANIZATIONS_INVITATION_DAYS = int(env("ORGANIZATIONS_INVITATION_DAYS", "7"))
# Imports (apps.curation.imports): a larger file is refused before it is read; rows are
# checked and written this many at a time (a fixed number of queries each).
CURATION_IMPORT_MAX_BYTES = int(env("CURATION_IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
CURATION_IMPORT_BATCH = int(env("CURATION_IMPORT_BATCH", "500"))
# A listing its organization renews shows in the curation queue this many days before it ends.
CURATION_EXPIRING_DAYS = int(env("CURATION_EXPIRING_DAYS", "7"))

# --- Email ------------------------------------------------------------------------------------
# Where Camino is reached, for links in emails sent outside a request (by Celery workers).
CAMINO_BASE_URL = env("CAMINO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Camino <no-reply@camino.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security headers (every environment, so tests see what production sends) -----------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Browser features no page of Camino uses, turned off for every page and whatever it embeds
# (no origin listed: allowed to none). Passkeys, full screen and copying stay allowed.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "browsing-topics", "camera", "clipboard-read",
        "compute-pressure", "display-capture", "encrypted-media", "gamepad", "geolocation",
        "gyroscope", "hid", "identity-credentials-get", "idle-detection", "interest-cohort",
        "local-fonts", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
        "screen-wake-lock", "serial", "usb", "window-management", "xr-spatial-tracking",
    ]
}  # fmt: skip
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Only Camino's own origin. data: images are the TOTP QR code that allauth renders inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Logs hold no search words, ZIP codes or tokens: every handler drops query strings and masks
# the secret segments of paths (apps/core/logs.py). Django's own "django" handlers would print
# its records a second time, unfiltered, under DEBUG: they go to the root's handler instead,
# and runserver's request lines through a filtered handler of their own.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "apps.core.logs.ScrubFilter"}},
    "formatters": {
        "server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub"]},
        "server": {"class": "logging.StreamHandler", "formatter": "server", "filters": ["scrub"]},
    },
    "loggers": {
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# WhiteNoise serves static files in every environment (no CDN). Outside production it finds
# them in the source folders instead of STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
FORMAT_MODULE_PATH = ["portal.formats"]
