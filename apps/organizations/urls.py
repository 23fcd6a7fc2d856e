from django.urls import path

from apps.organizations import views

app_name = "organizations"

urlpatterns = [
    path("register/", views.OrganizationRequestView.as_view(), name="register"),
    path("mine/", views.MyOrganizationsView.as_view(), name="mine"),
    path("invitations/<str:token>/", views.InvitationView.as_view(), name="invitation"),
    path("<slug:slug>/", views.OrganizationDetailView.as_view(), name="detail"),
    path("<slug:slug>/members/", views.MembersView.as_view(), name="members"),
    path("<slug:slug>/leave/", views.LeaveView.as_view(), name="leave"),
    path(
        "<slug:slug>/members/<int:pk>/remove/",
        views.MemberRemoveView.as_view(),
        name="member_remove",
    ),
    path(
        "<slug:slug>/invitations/<int:pk>/cancel/",
        views.InvitationCancelView.as_view(),
        name="invitation_cancel",
    ),
]
