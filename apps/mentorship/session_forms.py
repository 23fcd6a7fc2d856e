"""Forms of sessions, notes, goals and tasks. A session's time is typed as the person's own
clock shows it, in their time zone (User.time_zone), and stored as an instant."""

import zoneinfo
from datetime import datetime

from django import forms
from django.core.validators import URLValidator
from django.utils.dateparse import parse_datetime
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.core.us import TimeZone
from apps.mentorship.models import (
    MAX_NOTES_LENGTH,
    MAX_TITLE_LENGTH,
    SESSION_LENGTHS,
    MeetingMode,
    MentoringSession,
)
from apps.mentorship.sessions import time_refusal

INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class LocalTimeField(forms.DateTimeField):
    """A date and time as the person's own clock shows it, without a zone (the form puts it
    in their zone)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=INPUT_FORMAT)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        try:
            parsed = parse_datetime(str(value).strip())
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed.replace(tzinfo=None)


def _length_label(minutes: int) -> str:
    return gettext("%(minutes)s minutes") % {"minutes": minutes}


# Written when the form is shown, in the language of the page.
length_label = lazy(_length_label, str)


class WebLinkField(forms.URLField):
    """A web address (http or https only). Its own validator replaces URLField's rather than
    adding to it: with both, a bad link showed "Introduzca una URL válida." twice."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class SessionForm(forms.Form):
    """Propose a session, or another time for one (initial values from `session`)."""

    starts_at = LocalTimeField(label=_("Date and time"))
    minutes = forms.TypedChoiceField(
        label=_("Length"), coerce=int, initial=60,
        choices=[(minutes, length_label(minutes)) for minutes in SESSION_LENGTHS],
    )  # fmt: skip
    mode = forms.ChoiceField(
        label=_("How you meet"), choices=MeetingMode.choices, initial=MeetingMode.ONLINE
    )
    place = forms.CharField(
        label=_("Place or phone details"), required=False, max_length=300,
        help_text=_("An address, a café, or who calls whom. Only the two of you see it."),
    )  # fmt: skip
    join_url = WebLinkField(
        label=_("Link to the video call"), required=False, max_length=500,
        assume_scheme="https", help_text=_("Only the two of you see it. You can add it later."),
    )  # fmt: skip

    def __init__(self, *args, zone: zoneinfo.ZoneInfo, session: MentoringSession | None = None,
                 **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.fields["starts_at"].help_text = _("In your time zone: %(zone)s.") % {
            "zone": dict(TimeZone.choices).get(str(zone), str(zone).replace("_", " "))
        }
        if session is not None:
            self.initial.update(
                starts_at=session.starts_at.astimezone(zone).replace(tzinfo=None),
                minutes=session.minutes, mode=session.mode, place=session.place,
                join_url=session.join_url,
            )  # fmt: skip

    def clean(self):
        data = self.cleaned_data
        local = data.get("starts_at")
        if local is not None:
            try:
                aware = local.replace(tzinfo=self.zone)
                refusal = time_refusal(aware)
            except OverflowError:
                refusal = time_refusal(datetime.max.replace(tzinfo=zoneinfo.ZoneInfo("UTC")))
            if refusal:
                self.add_error("starts_at", refusal)
            else:
                data["starts_at"] = aware
        if data.get("mode") == MeetingMode.IN_PERSON and not data.get("place"):
            self.add_error("place", _("Say where you meet."))
        return data


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("What you covered"), max_length=MAX_NOTES_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Both of you see it. Do not write down documents or immigration details."),
    )  # fmt: skip


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("A new goal"), max_length=MAX_TITLE_LENGTH,
        help_text=_("For example: “Get my OSHA 10 card” or “Send my resume to five employers”."),
    )  # fmt: skip


class TaskForm(forms.Form):
    title = forms.CharField(label=_("A small step"), max_length=MAX_TITLE_LENGTH)


class TaskCheckForm(forms.Form):
    done = forms.BooleanField(required=False)
