from django.urls import path

from apps.certifications import training_views
from apps.certifications.models import Training
from apps.certifications.training_forms import TrainingFilterForm
from apps.core.pagecache import cached_page

app_name = "certifications"

# Trainings (issue 15, part 2). The list reads its filters from the URL; anonymous visitors
# get the list and a training's page from the cache.
TRAINING_SEARCH_PARAMETERS = frozenset([*TrainingFilterForm.base_fields, "page"])
training_urlpatterns = [
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

urlpatterns: list = [*training_urlpatterns]
