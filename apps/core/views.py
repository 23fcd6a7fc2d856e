import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from apps.core.registry import home_entries


class HomeView(TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(home_entries=list(home_entries), **kwargs)


class PrivacyView(TemplateView):
    template_name = "core/privacy.html"


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the SVG icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and docker healthchecks: 200 when every configured dependency
    answers, 503 otherwise, with one entry per dependency."""
    checks = {"database": _check_database()}
    if settings.REDIS_URL:
        checks["broker"] = _check_broker(settings.CELERY_BROKER_URL)
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure means unhealthy; the type is the report
        return f"error: {type(error).__name__}"
    return "ok"


def _check_broker(url: str) -> str:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as error:
        return f"error: {type(error).__name__}"
    return "ok"
