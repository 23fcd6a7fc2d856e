"""The URLs of sessions, goals and tasks and the dashboard, included by
apps.mentorship.urls (namespace "mentorship")."""

from django.urls import path

from apps.mentorship import session_views as views

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("matches/<int:pk>/sessions/", views.SessionsView.as_view(), name="sessions"),
    path("sessions/<int:pk>/confirm/", views.SessionConfirmView.as_view(),
         name="session_confirm"),
    path("sessions/<int:pk>/cancel/", views.SessionCancelView.as_view(), name="session_cancel"),
    path("sessions/<int:pk>/move/", views.SessionMoveView.as_view(), name="session_move"),
    path("sessions/<int:pk>/notes/", views.SessionNotesView.as_view(), name="session_notes"),
    path("sessions/<int:pk>/calendar.ics", views.SessionCalendarView.as_view(),
         name="session_ics"),
    path("matches/<int:pk>/goals/", views.GoalsView.as_view(), name="goals"),
    path("goals/<int:pk>/tasks/", views.TaskAddView.as_view(), name="task_add"),
    path("tasks/<int:pk>/check/", views.TaskCheckView.as_view(), name="task_check"),
]  # fmt: skip
