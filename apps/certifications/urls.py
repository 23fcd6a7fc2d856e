from django.urls import path
from django.views.generic import RedirectView

from apps.certifications import credential_views, pathway_views, plan_views, training_views
from apps.certifications.credential_forms import CredentialFilterForm
from apps.certifications.guide_setup import WORK_GUIDES
from apps.certifications.models import Credential, Training
from apps.certifications.pathway_forms import PathwayPlaceForm
from apps.certifications.pathways import pathway_models
from apps.certifications.training_forms import TrainingFilterForm
from apps.core.guides import guide_urls
from apps.core.pagecache import cached_page

app_name = "certifications"

# The credential and training lists read their filters from the URL; anonymous visitors get
# the lists and the pages of credentials and trainings from the cache.
CREDENTIAL_PARAMETERS = frozenset([*CredentialFilterForm.base_fields, "page"])
TRAINING_SEARCH_PARAMETERS = frozenset([*TrainingFilterForm.base_fields, "page"])

urlpatterns: list = [
    # The section's own address leads where its navigation entry does (people shorten URLs).
    path("", RedirectView.as_view(pattern_name="certifications:credentials"), name="index"),
    # Credentials and their state rules: the public list and pages, and staff's pages.
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
    # Career pathways: each kind of work's pay, credentials, trainings, jobs and mentors.
    path("pathways/", pathway_views.PathwayIndexView.as_view(), name="pathways"),
    path(
        "pathways/<slug:category>/",
        cached_page(pathway_models(), frozenset(PathwayPlaceForm.base_fields))(
            pathway_views.PathwayDetailView.as_view()
        ),
        name="pathway",
    ),
    # A seeker's plan (plan_views): only its owner's, everything POST that changes it.
    path("plan/", plan_views.PlanView.as_view(), name="plan"),
    path("plan/print/", plan_views.PlanPrintView.as_view(), name="plan_print"),
    path("plan/<int:pk>/edit/", plan_views.PlanStepUpdateView.as_view(), name="plan_edit"),
    path("plan/<int:pk>/done/", plan_views.PlanStepCheckView.as_view(), name="plan_check"),
    path("plan/<int:pk>/move/", plan_views.PlanStepMoveView.as_view(), name="plan_move"),
    path("plan/<int:pk>/delete/", plan_views.PlanStepDeleteView.as_view(), name="plan_delete"),
    path("plan/add/<slug:kind>/<int:pk>/", plan_views.PlanAddView.as_view(), name="plan_add"),
    # Trainings: the public list and pages, and partners' own.
    path(
        "trainings/",
        cached_page(Training, TRAINING_SEARCH_PARAMETERS)(
            training_views.TrainingListView.as_view()
        ),
        name="trainings",
    ),
    path("trainings/new/", training_views.TrainingCreateView.as_view(), name="training_create"),
    path("trainings/mine/", training_views.MyTrainingsView.as_view(), name="trainings_mine"),
    path(
        "trainings/<int:pk>/",
        cached_page(Training)(training_views.TrainingDetailView.as_view()),
        name="training",
    ),
    path(
        "trainings/<int:pk>/edit/",
        training_views.TrainingUpdateView.as_view(),
        name="training_edit",
    ),
]

# Work-on-your-own guides (the shared guide pages, apps.core.guides): guides/, guides/<slug>/,
# guides/<slug>/print/ and staff's guides/staff/...
urlpatterns += guide_urls(WORK_GUIDES)
