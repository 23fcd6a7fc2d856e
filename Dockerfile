# Camino's production images. `app` runs web (gunicorn), the Celery worker and beat; `proxy`
# is nginx in front of it, with the static files `app` collected (docker-compose builds both:
# `docker build --target app .` for the first alone).
FROM python:3.12-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production

RUN useradd --create-home --uid 1000 camino
WORKDIR /app

COPY pyproject.toml README.md ./
COPY portal portal
COPY apps apps
RUN pip install --upgrade pip && pip install -e .

COPY . .
# Build-time only values: collectstatic imports the production settings, which refuse to
# start without them. None of them reaches the running containers.
RUN python manage.py build_catalogue \
 && DJANGO_SECRET_KEY=build-only ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.db \
    REDIS_URL=redis://build:6379/0 python manage.py collectstatic --noinput \
 && mkdir -p /var/lib/celery && chown camino /var/lib/celery

USER camino
EXPOSE 8000
# gunicorn.conf.py keeps query strings and tokens out of the access and error logs.
CMD ["gunicorn", "portal.wsgi", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", \
     "--workers", "3", "--access-logfile", "-"]

# Debian's nginx with its brotli modules, the same packages the tests run (tests/core/
# test_proxy.py). The static files come from the build above, so they always match the code.
FROM debian:bookworm-slim AS proxy
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light libnginx-mod-http-brotli-filter \
    libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/www/acme
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=app /app/var/static /srv/camino/static
EXPOSE 80 443
CMD ["nginx", "-g", "daemon off;"]
