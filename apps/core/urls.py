from django.urls import path

from apps.core import review, views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("review/", review.ReviewOverviewView.as_view(), name="review"),
    path("review/<slug:kind>/", review.ReviewQueueView.as_view(), name="review_queue"),
    path("new/<slug:kind>/", review.PublishableCreateView.as_view(), name="create"),
    path("manage/<slug:kind>/<int:pk>/", review.ManageView.as_view(), name="manage"),
    path("manage/<slug:kind>/<int:pk>/edit/", review.PublishableUpdateView.as_view(), name="edit"),
]
