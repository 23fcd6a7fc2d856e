from django.urls import path  # noqa: F401

from apps.certifications.guide_setup import WORK_GUIDES
from apps.core.guides import guide_urls

app_name = "certifications"

urlpatterns: list = []

# Work-on-your-own guides (the shared guide pages, apps.core.guides): guides/, guides/<slug>/,
# guides/<slug>/print/ and staff's guides/staff/...
urlpatterns += guide_urls(WORK_GUIDES)
