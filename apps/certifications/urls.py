from django.urls import path

from apps.certifications import pathway_views
from apps.certifications.guide_setup import WORK_GUIDES
from apps.core.guides import guide_urls

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

# Work-on-your-own guides (the shared guide pages, apps.core.guides): guides/, guides/<slug>/,
# guides/<slug>/print/ and staff's guides/staff/...
urlpatterns += guide_urls(WORK_GUIDES)
