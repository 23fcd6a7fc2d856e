from django.urls import path

from apps.curation import dashboard_views, import_views, queue_views, views
from apps.curation import organization_views as organizations

app_name = "curation"

urlpatterns = [
    path("organizations/", organizations.OrganizationListView.as_view(), name="organizations"),
    path(
        "organizations/new/",
        organizations.OrganizationCreateView.as_view(),
        name="organization_create",
    ),
    path(
        "organizations/<int:pk>/",
        organizations.OrganizationEditView.as_view(),
        name="organization",
    ),
    *[
        path(
            f"organizations/<int:pk>/{action}/",
            organizations.OrganizationActionView.as_view(action=action),
            name=f"organization_{action}",
        )
        for action in ("verify", "approve", "decline", "suspend", "reinstate")
    ],
    path("bulk/", views.BulkView.as_view(), name="bulk"),
    path("translate/<str:ref>/", views.TranslateView.as_view(), name="translate"),
    path("audit/", views.AuditLogView.as_view(), name="audit"),
    path("dashboard/", dashboard_views.DashboardView.as_view(), name="dashboard"),
    path(
        "dashboard/<slug:figure>.csv",
        dashboard_views.DashboardCsvView.as_view(),
        name="dashboard_csv",
    ),
    path("import/", import_views.ImportStartView.as_view(), name="import"),
    path("import/files/<int:pk>/", import_views.ImportFileView.as_view(), name="import_file"),
    path("import/<slug:kind>/", import_views.ImportUploadView.as_view(), name="import_upload"),
    path("export/", import_views.ExportView.as_view(), name="export"),
    path("export/<slug:kind>/", import_views.ExportCSVView.as_view(), name="export_csv"),
    path("", queue_views.QueueView.as_view(), name="queue"),
    path("claims/take/", queue_views.ClaimView.as_view(), name="claim"),
    path("claims/release/", queue_views.ReleaseView.as_view(), name="release"),
    path("claims/assign/", queue_views.AssignView.as_view(), name="assign"),
    path("claims/<str:ref>/", queue_views.ItemClaimView.as_view(), name="item_claim"),
]
