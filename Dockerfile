# Camino's production image: the same image runs web (gunicorn), the Celery worker and beat.
FROM python:3.12-slim

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
