import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import get_language, get_language_from_path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from django.views.i18n import set_language

from apps.accounts.services import user_set_language


class HomeView(TemplateView):
    template_name = "core/home.html"


class PrivacyView(TemplateView):
    template_name = "core/privacy.html"


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language (cookie, and the same page in the new language), plus the
    choice remembered on a signed-in user so emails and later visits use it."""
    # set_language resolves `next` in the active language, which LocaleMiddleware took from
    # the browser for this unprefixed URL; resolve it in the language of the page instead.
    page_language = get_language_from_path(request.POST.get("next", "")) or get_language()
    with translation.override(page_language):
        response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_language(user=request.user, language=language)
    return response


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
