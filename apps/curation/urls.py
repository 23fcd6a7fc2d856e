from django.urls import path

from apps.curation import views

app_name = "curation"

urlpatterns: list = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("dashboard/<slug:figure>.csv", views.DashboardCsvView.as_view(), name="dashboard_csv"),
]
