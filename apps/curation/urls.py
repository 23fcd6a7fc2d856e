from django.urls import path

from apps.curation import views

app_name = "curation"

urlpatterns: list = [
    path("bulk/", views.BulkView.as_view(), name="bulk"),
    path("translate/<str:ref>/", views.TranslateView.as_view(), name="translate"),
    path("audit/", views.AuditLogView.as_view(), name="audit"),
]
