from django.urls import path

from apps.core.pagecache import cached_page
from apps.jobs import views
from apps.jobs.feeds import JobFeed
from apps.jobs.forms import JobFilterForm
from apps.jobs.models import Job

app_name = "jobs"

# What the list and the feed read from the URL; anonymous visitors get them from the cache.
SEARCH_PARAMETERS = frozenset([*JobFilterForm.base_fields, "page"])

urlpatterns = [
    path("", cached_page(Job, SEARCH_PARAMETERS)(views.JobListView.as_view()), name="list"),
    path("work-authorization/", views.WorkAuthorizationView.as_view(), name="work_authorization"),
    path("feed/", cached_page(Job, SEARCH_PARAMETERS)(JobFeed()), name="feed"),
    path("new/", views.JobCreateView.as_view(), name="create"),
    path("mine/", views.MyJobsView.as_view(), name="mine"),
    path("review/", views.JobReviewQueueView.as_view(), name="review_queue"),
    path("reports/", views.ReportsView.as_view(), name="reports"),
    path("saved/", views.SavedJobsView.as_view(), name="saved"),
    path("searches/", views.SavedSearchListView.as_view(), name="searches"),
    path("searches/new/", views.SavedSearchCreateView.as_view(), name="search_save"),
    path("searches/<int:pk>/edit/", views.SavedSearchUpdateView.as_view(), name="search_edit"),
    path("saved/<int:pk>/remove/", views.SavedJobRemoveView.as_view(), name="saved_remove"),
    path("<int:pk>/", cached_page(Job)(views.JobDetailView.as_view()), name="detail"),
    path("<int:pk>/manage/", views.JobManageView.as_view(), name="manage"),
    path("<int:pk>/edit/", views.JobUpdateView.as_view(), name="edit"),
    path("<int:pk>/renew/", views.JobRenewView.as_view(), name="renew"),
    path("<int:pk>/save/", views.JobSaveView.as_view(), name="save"),
    path("<int:pk>/report/", views.JobReportView.as_view(), name="report"),
]
