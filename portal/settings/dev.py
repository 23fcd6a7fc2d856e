"""Zero-setup settings for trying Camino on a laptop: SQLite, tasks in-process, mail on the
console. Set DATABASE_URL / REDIS_URL to use PostgreSQL and a real Celery worker instead."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

# `make run` (the demo) sets DJANGO_DEBUG=false: people trying Camino meet the pages its users
# get, its own translated 404 and 500, never Django's debug pages (English, and showing
# settings). WhiteNoise serves the static files either way.
DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env("DJANGO_SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# EMAIL_FILE_PATH=var/mail: emails go to files there instead (one .log file per connection,
# to read or open in a mail reader), with Django's file backend.
if EMAIL_FILE_PATH := env("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"

# SQLite's file and collected files live in var/ (ignored by git).
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
WHITENOISE_AUTOREFRESH = True
