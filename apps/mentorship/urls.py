from django.urls import include, path

app_name = "mentorship"

urlpatterns = [
    path("", include("apps.mentorship.session_urls")),
]
