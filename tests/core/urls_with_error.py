"""URLconf for the 500-page test: Camino's URLs plus one view that raises."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls import urlpatterns as camino_urlpatterns
from tests.core.test_pages import broken_view

urlpatterns = [*camino_urlpatterns, *i18n_patterns(path("boom/", broken_view))]
