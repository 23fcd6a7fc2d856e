"""Events' personal data (apps.core.personal_data): events a person submitted stay with their
organization, without them. A person's registrations: those still to come are cancelled (the
seat goes to the next person waiting), then every row is kept without the person, their
answers or their code, as a count for the organizer's reports; so is the list of who attended
an event, EVENT_ATTENDANCE_RETENTION_DAYS after it (apps.events.registrations)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData, listings_created
from apps.events.models import (
    STILL_TO_COME,
    CalendarFeed,
    EventMessage,
    EventQuestion,
    Registration,
    RegistrationStatus,
)
from apps.events.selectors import place_in_line

ENTRIES = [
    listings_created(
        name="events_submitted",
        model="events.Event",
        title=_("Events you created"),
        item_label=_("Event"),
    ),
]


def registration_rows(user):
    registrations = list(
        Registration.objects.filter(user=user)
        .select_related("event")
        .annotate(place=place_in_line())
        .order_by("created_at", "id")
    )
    questions = EventQuestion.objects.in_bulk(
        {int(pk) for registration in registrations for pk in registration.answers}
    )
    for registration in registrations:
        yield {
            "event": str(registration.event),
            "starts_at": registration.event.starts_at,
            "status": (
                _("Waiting list: number %(place)s") % {"place": registration.place}
                if registration.status == RegistrationStatus.WAITING
                else registration.get_status_display()
            ),
            "answers": "; ".join(
                f"{questions.get(int(pk), pk)}: {answer}"
                for pk, answer in registration.answers.items()
            ),
            "shared": ", ".join(
                str(label)
                for label, shared in (
                    (_("name"), registration.share_name),
                    (_("email"), registration.share_email),
                )
                if shared
            ),
            "code": registration.code,
            "created_at": registration.created_at,
            "checked_in_at": registration.checked_in_at,
        }


def registrations_free(user) -> None:
    """Before the rows lose the person: their seats and places in line at events still to
    come are given up, so that the next people waiting get them."""
    from apps.events.registrations import registration_cancel

    upcoming = Registration.objects.filter(
        user=user, status__in=STILL_TO_COME, event__ends_at__gt=timezone.now()
    )
    for registration in upcoming:
        registration_cancel(user=user, registration=registration)


def message_rows(user):
    messages = EventMessage.objects.filter(sender=user).select_related("event")
    for message in messages.order_by("created_at", "id"):
        yield {"event": str(message.event), "subject": message.subject,
               "body": message.body, "created_at": message.created_at}  # fmt: skip


def calendar_rows(user):
    for feed in CalendarFeed.objects.filter(user=user):
        yield {"created_at": feed.created_at}


ENTRIES += [
    # First: cancelling needs the person (the next entry empties the field).
    PersonalData(
        name="event_places_given_up",
        model="events.Registration",
        title=_("Seats and places in line given up"),
        scrub=registrations_free,
    ),
    PersonalData(
        name="event_registrations",
        model="events.Registration",
        title=_("Events you registered for"),
        field="user",
        on_erase=KEEP,
        erased={"answers": {}, "share_name": False, "share_email": False, "code": ""},
        columns=(
            ("event", _("Event")),
            ("starts_at", _("Starts")),
            ("status", _("Status")),
            ("answers", _("Your answers")),
            ("shared", _("Shared with the organizer")),
            ("code", _("Check-in code")),
            ("created_at", _("Registered")),
            ("checked_in_at", _("Checked in")),
        ),
        rows=registration_rows,
    ),
    PersonalData(
        name="event_messages_sent",
        model="events.EventMessage",
        title=_("Messages you sent to people registered for an event"),
        field="sender",
        on_erase=KEEP,
        columns=(
            ("event", _("Event")),
            ("subject", _("Subject")),
            ("body", _("Message")),
            ("created_at", _("Sent")),
        ),
        rows=message_rows,
    ),
    PersonalData(
        name="event_calendar",
        model="events.CalendarFeed",
        title=_("Your calendar address"),
        field="user",
        on_erase=DELETE,
        columns=(("created_at", _("Created")),),
        rows=calendar_rows,
    ),
]
