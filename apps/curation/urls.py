from django.urls import path

from apps.curation import views

app_name = "curation"

urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("claims/take/", views.ClaimView.as_view(), name="claim"),
    path("claims/release/", views.ReleaseView.as_view(), name="release"),
    path("claims/assign/", views.AssignView.as_view(), name="assign"),
]
