from django.urls import path

from apps.organizations import views

app_name = "organizations"

urlpatterns = [
    path("register/", views.OrganizationRequestView.as_view(), name="register"),
    path("mine/", views.MyOrganizationsView.as_view(), name="mine"),
    path("<slug:slug>/", views.OrganizationDetailView.as_view(), name="detail"),
]
