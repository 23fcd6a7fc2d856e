import zoneinfo
from datetime import datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms.fields import BaseTemporalField
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from apps.core.forms import SearchForm
from apps.core.models import PublicationStatus
from apps.core.us import locate_zip
from apps.events.filters import EventFilters
from apps.events.models import (
    EARLIEST,
    LATEST,
    Event,
    EventKind,
    EventQuestion,
    EventSeries,
    WorkshopTopic,
)

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


class WallClockField(forms.DateTimeField):
    """A date and time as written on a clock where the event happens, without a zone: the
    form puts it in the event's own time zone, not the zone of whoever types it."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        try:
            result = parse_datetime(str(value).strip())
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if result is None:
            result = BaseTemporalField.to_python(self, value)
        return result.replace(tzinfo=None) if result else None


def in_zone(value: datetime | None, time_zone: str) -> datetime | None:
    """A wall-clock time in a zone, or None when it cannot be one (a year like 9999, whose
    last hours have no UTC equivalent): the range check then explains."""
    if value is None:
        return None
    try:
        aware = value.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))
        aware.astimezone(EARLIEST.tzinfo)  # overflows at the ends of the calendar
    except OverflowError:
        return None
    return aware


def range_error() -> ValidationError:
    return ValidationError(
        _("Enter a date between %(first)s and %(last)s."),
        params={"first": EARLIEST.year, "last": LATEST.year - 1},
    )


WALL_CLOCK_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


class EventForm(forms.ModelForm):
    """What a partner fills in. Either language, or both: a missing one is flagged for staff.
    Times are written as they are where the event happens, in its time zone."""

    repeat = forms.TypedChoiceField(
        label=_("Repeat"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Does not repeat")), *EventSeries.Frequency.choices],
    )  # fmt: skip
    occurrences = forms.IntegerField(
        label=_("How many times in all"), required=False, min_value=2,
        max_value=EventSeries.MAX_OCCURRENCES,
        help_text=_("Each time becomes an event of its own, that you can move or cancel alone."),
    )  # fmt: skip

    class Meta:
        model = Event
        fields = [
            "organization", "kind", "topic",
            "title_es", "title_en", "summary_es", "summary_en",
            "description_es", "description_en",
            "starts_at", "ends_at", "time_zone",
            "language", "interpretation", "audience", "audience_note",
            "is_free", "cost", "cost_note",
            "format", "venue_name", "address", "city", "state", "zip_code",
            "id_at_the_door", "join_url",
            "accessibility_notes_es", "accessibility_notes_en",
            "what_to_bring_es", "what_to_bring_en",
            "capacity", "registration_opens_at", "registration_closes_at",
        ]  # fmt: skip
        field_classes = {name: WallClockField for name in WALL_CLOCK_FIELDS}
        labels = {
            "title_es": _("Title in Spanish"),
            "title_en": _("Title in English"),
            "summary_es": _("Summary in Spanish"),
            "summary_en": _("Summary in English"),
            "description_es": _("Description in Spanish"),
            "description_en": _("Description in English"),
            "accessibility_notes_es": _("Accessibility in Spanish"),
            "accessibility_notes_en": _("Accessibility in English"),
            "what_to_bring_es": _("What to bring, in Spanish"),
            "what_to_bring_en": _("What to bring, in English"),
        }
        help_texts = {
            "title_es": _("Write in Spanish, in English, or both. One language is enough."),
            "starts_at": _("As a clock shows it where the event happens, in its time zone."),
            "id_at_the_door": _(
                "Many people cannot show a government ID. Be exact: they decide whether to "
                "come by it."
            ),
            "join_url": _("Only people who register see it: never the public page."),
            "accessibility_notes_es": _("For example: wheelchair access, parking, childcare."),
            "what_to_bring_es": _("Never ask people to bring immigration documents."),
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in [
                "description_es", "description_en", "accessibility_notes_es",
                "accessibility_notes_en", "what_to_bring_es", "what_to_bring_en",
            ]
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization = cast(forms.ModelChoiceField, self.fields["organization"])
        organization.empty_label = None
        capacity = self.fields["capacity"]  # at least one seat, or no limit
        self.fields["capacity"] = forms.IntegerField(
            label=capacity.label, help_text=capacity.help_text, required=False, min_value=1
        )
        cost = cast(forms.DecimalField, self.fields["cost"])
        cost.min_value = cost.widget.attrs["min"] = 0
        instance = self.instance
        for name in WALL_CLOCK_FIELDS:
            value = getattr(instance, name, None)
            if value is not None:  # shown as the clock where the event happens reads it
                self.initial[name] = value.astimezone(instance.zone).replace(tzinfo=None)
        if instance.pk:  # a series is made when the first event is written
            del self.fields["repeat"], self.fields["occurrences"]
        if instance.status == PublicationStatus.PUBLISHED:
            # A published event changes time only by a move, which tells the people registered
            # and updates their calendars.
            for name in ("starts_at", "ends_at", "time_zone"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "To change it, move the event: the people registered are told."
                )

    def clean(self):
        """Every problem at once, so nobody fixes one just to be shown the next."""
        super().clean()
        data = self.cleaned_data
        if not (
            (data.get("title_es") and data.get("description_es"))
            or (data.get("title_en") and data.get("description_en"))
        ):
            self.add_error(None, _("Write the title and the description in at least one language."))
        zone = data.get("time_zone") or self.instance.time_zone
        for name in WALL_CLOCK_FIELDS:
            if data.get(name) is None:
                continue
            aware = in_zone(data[name], zone)
            if aware is None or not EARLIEST <= aware < LATEST:
                self.add_error(name, range_error())
            else:
                data[name] = aware
        zip_code = data.get("zip_code")
        if zip_code and "zip_code" not in self.errors and locate_zip(zip_code) is None:
            self.add_error("zip_code", _("We do not know this ZIP code. Check it and try again."))
        if data.get("repeat") and not data.get("occurrences"):
            self.add_error("occurrences", _("Say how many times it happens in all."))
        return data


class QuestionForm(forms.ModelForm):
    class Meta:
        model = EventQuestion
        fields = ["prompt_es", "prompt_en", "kind", "choices_es", "choices_en", "required"]
        labels = {
            "prompt_es": _("Question in Spanish"),
            "prompt_en": _("Question in English"),
            "choices_es": _("Choices in Spanish, one per line"),
            "choices_en": _("Choices in English, one per line"),
        }
        widgets = {
            "choices_es": forms.Textarea(attrs={"rows": 3}),
            "choices_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A blank extra question is left alone: it has not changed from its initial kind.
        self.fields["kind"].initial = EventQuestion.Kind.TEXT


QuestionFormSet = forms.inlineformset_factory(
    Event,
    EventQuestion,
    form=QuestionForm,
    extra=1,
    max_num=EventQuestion.MAX_QUESTIONS,
    validate_max=True,
    can_delete=True,
)


class EventFilterForm(SearchForm):
    """The event search: every field comes from the URL, so a search can be bookmarked and
    shared. Invalid fields are reported and left out; the valid ones still apply."""

    SORTS = [("soonest", _("Soonest")), ("relevance", _("Best match")), ("nearest", _("Nearest"))]
    WHEN = [
        ("", _("Any upcoming date")),
        ("week", _("This week")),
        ("month", _("This month")),
        ("dates", _("Between these dates")),
    ]
    WHERE = [("", _("In person or online")), ("in_person", _("In person")), ("online", _("Online"))]
    LANGUAGES = [
        ("", _("Any language")),
        ("es", _("In Spanish")),
        ("en", _("In English")),
    ]

    kind = forms.MultipleChoiceField(
        label=_("Kind of event"), choices=EventKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    topic = forms.ChoiceField(
        label=_("Workshop topic"), choices=[("", _("Any topic")), *WorkshopTopic.choices],
        required=False,
    )  # fmt: skip
    where = forms.ChoiceField(label=_("Where"), choices=WHERE, required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN, required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES, required=False)
    free = forms.BooleanField(label=_("Free"), required=False)
    no_id = forms.BooleanField(label=_("No ID needed at the door"), required=False)
    seats = forms.BooleanField(label=_("Seats left"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def _clean_date(self, name):
        day = self.cleaned_data[name]
        if day and not EARLIEST.date() <= day < LATEST.date():
            raise range_error()
        return day

    def clean_date_from(self):
        return self._clean_date("date_from")

    def clean_date_to(self):
        return self._clean_date("date_to")

    def clean(self):
        super().clean()
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The last day cannot be before the first."))
            data.pop("date_from", None)  # a range that makes no sense is left out whole
        if (start or end) and not data.get("when"):
            data["when"] = "dates"  # typing dates is asking for them
        return data

    def filters(self) -> EventFilters:
        """The valid filters, with defaults: what the search applies."""
        self.is_valid()
        valid: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in self.cleaned_data.items()
            if value not in ("", None, [], False)
        }
        if valid.get("when") != "dates":
            valid.pop("date_from", None)
            valid.pop("date_to", None)
        return EventFilters.build(**valid)


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Why it is cancelled (sent to the people registered)"), required=False,
        max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class MoveForm(forms.Form):
    """A new time for a published event, in its own time zone."""

    starts_at = WallClockField(label=_("New start"))
    ends_at = WallClockField(label=_("New end"))
    note = forms.CharField(
        label=_("A note for the people registered"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        for name in ("starts_at", "ends_at"):
            self.initial.setdefault(
                name, getattr(event, name).astimezone(event.zone).replace(tzinfo=None)
            )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        for name in ("starts_at", "ends_at"):
            if data.get(name) is None:
                continue
            aware = in_zone(data[name], self.event.time_zone)
            if aware is None or not EARLIEST <= aware < LATEST:
                self.add_error(name, range_error())
            else:
                data[name] = aware
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        return data
