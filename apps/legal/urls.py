from django.urls import path

from apps.core.guides import guide_urls
from apps.core.pagecache import cached_page
from apps.legal import guide_views, partner_views, views
from apps.legal.forms import LegalFilterForm
from apps.legal.guide_setup import LEGAL_GUIDES
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
    path("providers/new/", partner_views.ProviderCreateView.as_view(), name="create"),
    path("providers/<int:pk>/edit/", partner_views.ProviderUpdateView.as_view(), name="edit"),
    path("providers/<int:pk>/change/", partner_views.ProviderReviseView.as_view(), name="revise"),
    path("providers/<int:pk>/manage/", partner_views.ProviderManageView.as_view(), name="manage"),
    path("providers/<int:pk>/verify/", partner_views.ProviderVerifyView.as_view(), name="verify"),
    path("providers/<int:pk>/report/", partner_views.ProviderReportView.as_view(), name="report"),
    path("reports/", partner_views.ProviderReportsView.as_view(), name="reports"),
    # Never cached: the name typed stays out of every store.
    path("check/", views.NameCheckView.as_view(), name="name_check"),
    # Know-your-rights guides, the notario warning and the guided entry
    path("help/", guide_views.GuidedEntryView.as_view(), name="guided"),
    path("notarios/", guide_views.NotarioWarningView.as_view(), name="notario_warning"),
    # the shared guide pages (apps.core.guides): guides/, guides/<slug>/, its print/, staff/
    *guide_urls(LEGAL_GUIDES),
]
