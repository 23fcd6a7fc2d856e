"""Mentorship's pages, under /mentoring/: mentors (applying, their pages, asking for help
and the suggestions), matches, sessions, goals and tasks, and the dashboard."""

from django.urls import path

from apps.core.pagecache import cached_page
from apps.mentorship import session_views, views
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
    # Matches, and what happens in them.
    path("<int:mentor>/request/", views.MatchRequestView.as_view(), name="match_request"),
    path("matches/<int:pk>/", views.MatchView.as_view(), name="match"),
    path("matches/<int:pk>/accept/", views.MatchAcceptView.as_view(), name="match_accept"),
    path("matches/<int:pk>/decline/", views.MatchDeclineView.as_view(), name="match_decline"),
    path("matches/<int:pk>/cancel/", views.MatchCancelView.as_view(), name="match_cancel"),
    path("matches/<int:pk>/complete/", views.MatchCompleteView.as_view(), name="match_complete"),
    path("matches/<int:pk>/contact/", views.MatchContactView.as_view(), name="match_contact"),
    path("matches/<int:pk>/messages/", views.MatchMessageView.as_view(), name="match_message"),
    path("matches/<int:pk>/feedback/", views.MatchFeedbackView.as_view(), name="match_feedback"),
    path("matches/<int:pk>/report/", views.MatchReportView.as_view(), name="match_report"),
    path("matches/propose/", views.MatchProposeView.as_view(), name="match_propose"),
    path("reports/", views.ReportListView.as_view(), name="reports"),
    path("reports/<int:pk>/", views.ReportHandleView.as_view(), name="report"),
    path("feedback/", views.FeedbackSummaryView.as_view(), name="feedback"),
    # Sessions, goals and tasks, and the dashboard.
    path("dashboard/", session_views.DashboardView.as_view(), name="dashboard"),
    path("matches/<int:pk>/sessions/", session_views.SessionsView.as_view(), name="sessions"),
    path(
        "sessions/<int:pk>/confirm/",
        session_views.SessionConfirmView.as_view(),
        name="session_confirm",
    ),
    path(
        "sessions/<int:pk>/cancel/",
        session_views.SessionCancelView.as_view(),
        name="session_cancel",
    ),
    path("sessions/<int:pk>/move/", session_views.SessionMoveView.as_view(), name="session_move"),
    path(
        "sessions/<int:pk>/notes/", session_views.SessionNotesView.as_view(), name="session_notes"
    ),
    path(
        "sessions/<int:pk>/calendar.ics",
        session_views.SessionCalendarView.as_view(),
        name="session_ics",
    ),
    path("matches/<int:pk>/goals/", session_views.GoalsView.as_view(), name="goals"),
    path("goals/<int:pk>/tasks/", session_views.TaskAddView.as_view(), name="task_add"),
    path("tasks/<int:pk>/check/", session_views.TaskCheckView.as_view(), name="task_check"),
]
