from django.urls import path

from apps.core import review, verification_views, views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("my-camino/", views.MyCaminoView.as_view(), name="my_camino"),
    path("review/", review.ReviewOverviewView.as_view(), name="review"),
    # The stale queue's paths come before the review queues', whose kind would take "stale".
    path("review/stale/", verification_views.StaleOverviewView.as_view(), name="stale"),
    path(
        "review/stale/<slug:kind>/",
        verification_views.StaleQueueView.as_view(),
        name="stale_queue",
    ),
    path(
        "review/stale/<slug:kind>/<int:pk>/",
        verification_views.StillCorrectView.as_view(),
        name="still_correct",
    ),
    path("review/<slug:kind>/", review.ReviewQueueView.as_view(), name="review_queue"),
    path("new/<slug:kind>/", review.PublishableCreateView.as_view(), name="create"),
    path("manage/<slug:kind>/<int:pk>/", review.ManageView.as_view(), name="manage"),
    path("manage/<slug:kind>/<int:pk>/edit/", review.PublishableUpdateView.as_view(), name="edit"),
]
