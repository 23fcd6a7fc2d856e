from django.urls import path

from apps.certifications import pathway_views

app_name = "certifications"

urlpatterns: list = [
    # Career pathways: each kind of work's pay, credentials, trainings, jobs and mentors.
    path("pathways/", pathway_views.PathwayIndexView.as_view(), name="pathways"),
    path(
        "pathways/<slug:category>/",
        pathway_views.PathwayDetailView.as_view(),
        name="pathway",
    ),
]
