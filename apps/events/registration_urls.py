"""The URLs of registering, included by apps.events.urls (namespace "events")."""

from django.urls import path

from apps.events import registration_views as views

urlpatterns = [
    path("registered/", views.MyRegistrationsView.as_view(), name="my_registrations"),
    path("calendar/", views.CalendarFeedCreateView.as_view(), name="calendar_create"),
    path("calendar/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar_feed"),
    path("registrations/<int:pk>/cancel/", views.RegistrationCancelView.as_view(),
         name="registration_cancel"),
    path("registrations/<int:pk>/confirm/", views.OfferConfirmView.as_view(),
         name="offer_confirm"),
    path("<int:pk>/register/", views.RegisterView.as_view(), name="register"),
    path("<int:pk>/registrations/", views.RegistrationListView.as_view(), name="registrations"),
    path("<int:pk>/registrations.csv", views.RegistrationCSVView.as_view(),
         name="registrations_csv"),
    path("<int:pk>/message/", views.EventMessageView.as_view(), name="message"),
    path("<int:pk>/check-in/", views.CheckInView.as_view(), name="check_in"),
]  # fmt: skip
