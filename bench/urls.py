"""The bench's URLconf: Camino's, plus a trivial view that goes through the whole middleware
stack (sessions, locale, CSRF, security headers...) and answers "ok" without touching the
database: the bench's yardstick for the cost of Django itself."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as camino_urlpatterns


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok", ok), *camino_urlpatterns]
