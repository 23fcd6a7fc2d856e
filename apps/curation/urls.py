from django.urls import path

from apps.curation import views

app_name = "curation"

urlpatterns: list = [
    path("import/", views.ImportStartView.as_view(), name="import"),
    path("import/files/<int:pk>/", views.ImportFileView.as_view(), name="import_file"),
    path("import/<slug:kind>/", views.ImportUploadView.as_view(), name="import_upload"),
    path("export/", views.ExportView.as_view(), name="export"),
    path("export/<slug:kind>/", views.ExportCSVView.as_view(), name="export_csv"),
]
