from django.urls import path  # noqa: F401  (the workspace's pages join here)

app_name = "curation"

urlpatterns: list = []
