"""The account's personal data (apps.core.personal_data): the user row, allauth's email
addresses and authenticators, Django's sessions and admin log."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.core.personal_data import DELETE, PersonalData, scrub_text


def account_rows(user):
    yield {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.get_preferred_language_display(),
        "time_zone": user.get_time_zone_display(),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "groups": ", ".join(user.groups.values_list("name", flat=True)),
    }


def email_rows(user):
    for address in EmailAddress.objects.filter(user=user).order_by("id"):
        yield {"email": address.email, "verified": address.verified, "primary": address.primary}


def authenticator_rows(user):
    # Which methods and when, never their secrets: a download can be lost.
    for authenticator in Authenticator.objects.filter(user=user).order_by("id"):
        yield {
            "type": authenticator.get_type_display(),
            "created_at": authenticator.created_at,
            "last_used_at": authenticator.last_used_at,
        }


def admin_log_rows(user):
    # The object's name is left out: it may name someone else.
    entries = LogEntry.objects.filter(user=user).select_related("content_type")
    for entry in entries.order_by("action_time", "id"):
        yield {
            "when": entry.action_time,
            "action": entry.get_action_flag_display(),
            "about": f"{entry.content_type.name if entry.content_type else ''} {entry.object_id}",  # type: ignore[attr-defined]
        }


def admin_log_scrub(user) -> None:
    """Entries about the person's account go; others that name them lose their address."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    scrub_text(LogEntry, ["object_repr", "change_message"], user.email)


def sessions_end(user) -> None:
    """Sessions name the user only inside their encoded data, so each one is read. Deleting an
    account is rare; a scan of the session table is acceptable for it."""
    user_id = str(user.pk)
    ended = [
        session.pk
        for session in Session.objects.filter(~Q(session_data="")).iterator(chunk_size=1000)
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(pk__in=ended).delete()


ENTRIES = [
    PersonalData(
        name="account",
        model="accounts.User",
        title=_("Your account"),
        columns=(
            ("email", _("Email address")),
            ("display_name", _("Display name")),
            ("preferred_language", _("Language")),
            ("time_zone", _("Time zone")),
            ("date_joined", _("Account created")),
            ("last_login", _("Last sign-in")),
            ("groups", _("Staff groups")),
        ),
        rows=account_rows,
    ),
    PersonalData(
        name="email_addresses",
        model="account.EmailAddress",
        title=_("Email addresses"),
        field="user",
        on_erase=DELETE,
        columns=(("email", _("Email address")), ("verified", _("Verified")),
                 ("primary", _("Primary"))),
        rows=email_rows,
    ),
    PersonalData(
        name="authenticators",
        model="mfa.Authenticator",
        title=_("Two-factor authentication"),
        field="user",
        on_erase=DELETE,
        columns=(("type", _("Method")), ("created_at", _("Set up")),
                 ("last_used_at", _("Last used"))),
        rows=authenticator_rows,
    ),
    PersonalData(
        name="admin_log",
        model="admin.LogEntry",
        title=_("Changes you made in the admin site"),
        field="user",
        on_erase=DELETE,
        columns=(("when", _("When")), ("action", _("What")), ("about", _("About"))),
        rows=admin_log_rows,
        scrub=admin_log_scrub,
    ),
    PersonalData(
        name="sessions",
        model="sessions.Session",
        title=_("Sessions"),
        scrub=sessions_end,
    ),
]  # fmt: skip
