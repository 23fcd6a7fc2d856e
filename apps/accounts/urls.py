from django.urls import path

from apps.accounts import views

app_name = "accounts"

urlpatterns = [
    path("my-data/", views.PersonalDataView.as_view(), name="data"),
    path("my-data/download/", views.PersonalDataDownloadView.as_view(), name="data_download"),
    path("delete/", views.AccountDeleteView.as_view(), name="delete"),
]
