from django.urls import path

from apps.certifications import credential_views
from apps.certifications.credential_forms import CredentialFilterForm
from apps.certifications.models import Credential
from apps.core.pagecache import cached_page

app_name = "certifications"

# What the credential list reads from the URL; anonymous visitors get it from the cache.
CREDENTIAL_PARAMETERS = frozenset([*CredentialFilterForm.base_fields, "page"])

urlpatterns: list = [
    # --- Credentials and their state rules (credential_views.py) -------------------------------
    path(
        "credentials/",
        cached_page(Credential, CREDENTIAL_PARAMETERS)(
            credential_views.CredentialListView.as_view()
        ),
        name="credentials",
    ),
    path(
        "credentials/staff/",
        credential_views.CredentialStaffListView.as_view(),
        name="credential_staff",
    ),
    path(
        "credentials/staff/new/",
        credential_views.CredentialCreateView.as_view(),
        name="credential_create",
    ),
    path(
        "credentials/staff/<int:pk>/",
        credential_views.CredentialUpdateView.as_view(),
        name="credential_edit",
    ),
    path(
        "credentials/staff/<int:pk>/publish/",
        credential_views.CredentialPublishView.as_view(),
        name="credential_publish",
    ),
    path(
        "credentials/staff/<int:pk>/rules/new/",
        credential_views.RuleCreateView.as_view(),
        name="rule_create",
    ),
    path(
        "credentials/rules/<int:pk>/",
        credential_views.RuleUpdateView.as_view(),
        name="rule_edit",
    ),
    path(
        "credentials/rules/<int:pk>/remove/",
        credential_views.RuleRemoveView.as_view(),
        name="rule_remove",
    ),
    path(
        "credentials/<slug:slug>/",
        cached_page(Credential, frozenset({"state"}))(
            credential_views.CredentialDetailView.as_view()
        ),
        name="credential",
    ),
    # --- end of credentials --------------------------------------------------------------------
]
