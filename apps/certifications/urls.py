from django.urls import path

from apps.certifications import pathway_views, training_views
from apps.certifications.guide_setup import WORK_GUIDES
from apps.certifications.models import Training
from apps.certifications.training_forms import TrainingFilterForm
from apps.core.guides import guide_urls
from apps.core.pagecache import cached_page

app_name = "certifications"

# The training list reads its filters from the URL; anonymous visitors get the list and a
# training's page from the cache.
TRAINING_SEARCH_PARAMETERS = frozenset([*TrainingFilterForm.base_fields, "page"])

urlpatterns: list = [
    # Career pathways: each kind of work's pay, credentials, trainings, jobs and mentors.
    path("pathways/", pathway_views.PathwayIndexView.as_view(), name="pathways"),
    path(
        "pathways/<slug:category>/",
        pathway_views.PathwayDetailView.as_view(),
        name="pathway",
    ),
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
