from django.urls import path

from apps.mentorship import views

app_name = "mentorship"

urlpatterns = [
    path("", views.MentorListView.as_view(), name="list"),
    path("apply/", views.MentorApplyView.as_view(), name="apply"),
    path("me/", views.MyMentorProfileView.as_view(), name="mine"),
    path("ask/", views.AskView.as_view(), name="ask"),
    path("suggestions/", views.SuggestionsView.as_view(), name="suggestions"),
    path("<int:pk>/", views.MentorDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.MentorApplyView.as_view(), name="apply_edit"),
    path("<int:pk>/manage/", views.MentorManageView.as_view(), name="manage"),
    path("<int:pk>/pause/", views.MentorPauseView.as_view(), name="pause"),
    path("<int:pk>/resume/", views.MentorResumeView.as_view(), name="resume"),
]
