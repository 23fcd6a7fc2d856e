from django.urls import path

from apps.mentorship import session_views, views

app_name = "mentorship"

urlpatterns = [
    path("mentors/<int:mentor>/request/", views.MatchRequestView.as_view(), name="match_request"),
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
