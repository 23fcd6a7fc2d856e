import redis
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from redis.backoff import NoBackoff
from redis.retry import Retry

from apps.core.registry import home_entries, personal_sections


class HomeView(TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(home_entries=list(home_entries), **kwargs)


class PrivacyView(TemplateView):
    template_name = "core/privacy.html"


class MyCaminoView(LoginRequiredMixin, TemplateView):
    """Everything a signed-in person has on Camino, one section per app in the order the
    apps registered them (apps.core.registry.personal_sections): each loads in a fixed number
    of queries, and one with nothing in it says where to start."""

    template_name = "core/my_camino.html"

    def get_context_data(self, **kwargs):
        sections = []
        for key, section in personal_sections.items():
            data = section.load(self.request.user)
            html = (
                render_to_string(section.template, data, request=self.request)
                if data is not None
                else ""
            )
            sections.append({"key": key, "section": section, "html": html})
        return super().get_context_data(sections=sections, **kwargs)


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the SVG icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness, for the container's healthcheck: this process answers requests. No I/O, so
    a slow database or a hung Redis never gets a working web process restarted or taken out;
    /readyz says whether the services answer."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness, for load balancers and monitoring: 200 when every configured dependency
    answers, 503 otherwise, with one entry per dependency. Answers within about a second even
    when Redis hangs (BROKER_CHECK_TIMEOUT, no retries)."""
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


BROKER_CHECK_TIMEOUT = 0.4

# One client (and connection pool) per broker URL for the life of the process: a check reuses
# a connection instead of opening one per request. redis-py retries with backoff by default,
# which on a hung Redis would hold the request for seconds: one attempt only.
_broker_clients: dict[str, redis.Redis] = {}


def _broker_client(url: str) -> redis.Redis:
    if url not in _broker_clients:
        _broker_clients[url] = redis.Redis.from_url(
            url,
            socket_connect_timeout=BROKER_CHECK_TIMEOUT,
            socket_timeout=BROKER_CHECK_TIMEOUT,
            retry=Retry(NoBackoff(), 0),
        )
    return _broker_clients[url]


def _check_broker(url: str) -> str:
    try:
        _broker_client(url).ping()
    except Exception as error:
        return f"error: {type(error).__name__}"
    return "ok"
