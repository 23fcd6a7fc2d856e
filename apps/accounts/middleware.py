import zoneinfo

from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils import timezone

# Where a staff member without two-factor authentication may still go: setting it up,
# confirming who they are for that (password, or a code sent by email), and signing out.
# Full view names: a page of another app that happens to share a name stays closed.
MFA_SETUP_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_request_reauthentication_code",
        "account_confirm_reauthentication_code",
        "account_logout",
        "set_language",
        "healthz",
        "readyz",
    }
)


class StaffMFARequiredMiddleware:
    """Staff can publish, verify and see reports, so their accounts need a second factor:
    until they have an authenticator app set up, every page sends them to set one up.
    Superusers too, even with the staff flag left off: they hold every permission."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and (user.is_staff or user.is_superuser)
            and not self._allowed(request)
        ):
            has_totp = Authenticator.objects.filter(
                user=user, type=Authenticator.Type.TOTP
            ).exists()
            if not has_totp:
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _allowed(request: HttpRequest) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # a 404 reveals nothing
        return match.view_name in MFA_SETUP_URL_NAMES


class TimeZoneMiddleware:
    """Shows times in a signed-in person's own time zone. Anonymous visitors get the site's
    default; pages where the place matters (an event) also show the event's own zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.time_zone:
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
