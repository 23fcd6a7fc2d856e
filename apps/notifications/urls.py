from django.urls import path

from apps.notifications import views

app_name = "notifications"

urlpatterns = [
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
