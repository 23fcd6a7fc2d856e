"""URLconf for the staff two-factor test: Camino's URLs plus a page of another app whose URL
name happens to be one that staff may open before setting up an authenticator."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from portal.urls import urlpatterns as camino_urlpatterns


def staff_page(request):
    return HttpResponse("staff only")


lookalike = ([path("", staff_page, name="account_logout")], "lookalike")

urlpatterns = [*camino_urlpatterns, *i18n_patterns(path("lookalike/", include(lookalike)))]
