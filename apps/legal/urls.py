from django.urls import path

from apps.core.pagecache import cached_page
from apps.legal import views
from apps.legal.forms import LegalFilterForm
from apps.legal.models import Provider

app_name = "legal"

# What the directory reads from the URL; anonymous visitors get it from the cache.
SEARCH_PARAMETERS = frozenset([*LegalFilterForm.base_fields, "page", "view"])

urlpatterns = [
    path(
        "",
        cached_page(Provider, SEARCH_PARAMETERS)(views.DirectoryView.as_view()),
        name="directory",
    ),
    path(
        "providers/<int:pk>/",
        cached_page(Provider)(views.ProviderDetailView.as_view()),
        name="provider",
    ),
    path("notarios/", views.NotarioWarningView.as_view(), name="notario_warning"),
]
