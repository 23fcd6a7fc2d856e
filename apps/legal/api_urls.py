"""/api/hsds/: the legal help directory as HSDS 3.0 open data (no language prefix)."""

from django.urls import path

from apps.core.pagecache import cached_page
from apps.legal import api_views
from apps.legal.models import Provider

app_name = "legal_api"


def cached(view):
    """Anonymous readers share one answer per URL until a provider changes."""
    return cached_page(Provider, api_views.PARAMETERS)(view)


urlpatterns = [
    path("", cached(api_views.root), name="root"),
    # Streamed, so never from the page cache.
    path("datapackage.zip", api_views.datapackage, name="datapackage"),
    path("services", cached(api_views.services), name="services"),
    path("services/<str:id>", cached(api_views.service), name="service"),
    path("organizations", cached(api_views.organizations), name="organizations"),
    path("organizations/<str:id>", cached(api_views.organization), name="organization"),
    path(
        "service_at_locations",
        cached(api_views.service_at_locations),
        name="service_at_locations",
    ),
    path(
        "service_at_locations/<str:id>",
        cached(api_views.service_at_location),
        name="service_at_location",
    ),
    path("locations/<str:id>", cached(api_views.location), name="location"),
]
