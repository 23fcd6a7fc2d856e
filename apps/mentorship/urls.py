from django.urls import path

from apps.core.pagecache import cached_page
from apps.mentorship import views
from apps.mentorship.forms import MentorFilterForm
from apps.mentorship.models import MentorProfile

app_name = "mentorship"

# What the list reads from the URL; anonymous visitors get it from the cache (a mentor's
# search entry changing, as when they pause or fill up, changes the pages' generation).
SEARCH_PARAMETERS = frozenset([*MentorFilterForm.base_fields, "page"])

urlpatterns = [
    path(
        "",
        cached_page(MentorProfile, SEARCH_PARAMETERS)(views.MentorListView.as_view()),
        name="list",
    ),
    path("apply/", views.MentorApplyView.as_view(), name="apply"),
    path("me/", views.MyMentorProfileView.as_view(), name="mine"),
    path("ask/", views.AskView.as_view(), name="ask"),
    path("suggestions/", views.SuggestionsView.as_view(), name="suggestions"),
    path("<int:pk>/", cached_page(MentorProfile)(views.MentorDetailView.as_view()), name="detail"),
    path("<int:pk>/edit/", views.MentorApplyView.as_view(), name="apply_edit"),
    path("<int:pk>/manage/", views.MentorManageView.as_view(), name="manage"),
    path("<int:pk>/pause/", views.MentorPauseView.as_view(), name="pause"),
    path("<int:pk>/resume/", views.MentorResumeView.as_view(), name="resume"),
]
