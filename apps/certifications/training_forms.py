"""What partners fill in for a training (with its start dates), and the public search form."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.certifications.models import MAX_COST, Credential, Training, TrainingStart
from apps.certifications.training_filters import STARTS_WITHIN_DAYS, TrainingFilters
from apps.certifications.training_services import AT_A_PLACE
from apps.core.forms import SearchForm
from apps.core.us import locate_zip
from apps.core.vocabulary import Category, SpokenLanguage

# Start dates one training may list at once.
MAX_STARTS = 24
# The furthest ahead a start date may be: a slip such as 2207 is refused.
LATEST_START = date(2100, 1, 1)


def cost_field(label, *, required: bool, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=required, min_value=0, max_value=MAX_COST, help_text=help_text,
        error_messages={
            "max_value": _("Enter a cost of at most %(limit_value)s dollars."),
            "min_value": _("A cost cannot be below zero."),
            "invalid": _("Enter the cost in whole dollars, for example 250."),
        },
    )  # fmt: skip


class TrainingForm(forms.ModelForm):
    """A training in either language, or both: a missing one is flagged for staff."""

    credentials: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Credentials it prepares for"), required=False,
        queryset=Credential.objects.none(), widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty when it prepares for a kind of work rather than a credential."),
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Languages of instruction"), choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language it is taught in.")},
    )  # fmt: skip
    cost = cost_field(
        _("Cost in dollars"), required=True,
        help_text=_("Everything a student pays: tuition, books, exam. 0 if it is free."),
    )  # fmt: skip

    class Meta:
        model = Training
        fields = [
            "organization",
            "title_es", "title_en", "summary_es", "summary_en",
            "description_es", "description_en",
            "credentials", "category", "format", "languages",
            "schedule_es", "schedule_en", "duration_es", "duration_en", "rolling_enrollment",
            "cost", "financial_aid_es", "financial_aid_en", "aid_open_to_all",
            "how_to_enrol_es", "how_to_enrol_en", "enrol_url",
            "venue_name", "address", "city", "state", "zip_code",
        ]  # fmt: skip
        labels = {
            "title_es": _("Title in Spanish"),
            "title_en": _("Title in English"),
            "summary_es": _("Summary in Spanish"),
            "summary_en": _("Summary in English"),
            "description_es": _("Description in Spanish"),
            "description_en": _("Description in English"),
            "schedule_es": _("Schedule in Spanish"),
            "schedule_en": _("Schedule in English"),
            "duration_es": _("How long it takes, in Spanish"),
            "duration_en": _("How long it takes, in English"),
            "financial_aid_es": _("Financial aid, in Spanish"),
            "financial_aid_en": _("Financial aid, in English"),
            "how_to_enrol_es": _("How to enrol, in Spanish"),
            "how_to_enrol_en": _("How to enrol, in English"),
        }
        help_texts = {
            "title_es": _("Write in Spanish, in English, or both. One language is enough."),
            "rolling_enrollment": _(
                "For a course people begin whenever they enrol: it needs no start dates."
            ),
            "financial_aid_es": _("Scholarships, payment plans, free seats: who can get them."),
            "aid_open_to_all": _(
                "Only if the aid asks for no Social Security number and no proof of status."
            ),
            "how_to_enrol_es": _(
                "What to do and what to bring. Never ask for immigration documents."
            ),
            "venue_name": _("For a training taught in person or partly in person."),
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in [
                "description_es", "description_en", "financial_aid_es", "financial_aid_en",
                "how_to_enrol_es", "how_to_enrol_en",
            ]
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).empty_label = None
        chosen = self.instance.credentials.all() if self.instance.pk else Credential.objects.none()
        # Published credentials, and those it was linked to already (kept if unpublished).
        credentials = cast(forms.ModelMultipleChoiceField, self.fields["credentials"])
        credentials.queryset = (
            (Credential.objects.filter(published=True) | chosen).distinct().order_by("name", "pk")
        )
        self.fields["category"].label = _("Kind of work")

    def clean(self):
        """Every problem at once, so nobody fixes one just to be shown the next."""
        super().clean()
        data = self.cleaned_data
        if not (
            (data.get("title_es") and data.get("summary_es"))
            or (data.get("title_en") and data.get("summary_en"))
        ):
            self.add_error(None, _("Write the title and the summary in at least one language."))
        if data.get("format") in AT_A_PLACE:
            for name in ("city", "state", "zip_code"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(
                        name, _("Needed when it is taught in person: people search by place.")
                    )
        zip_code = data.get("zip_code")
        if zip_code and "zip_code" not in self.errors and locate_zip(zip_code) is None:
            self.add_error("zip_code", _("We do not know this ZIP code. Check it and try again."))
        return data


class TrainingStartForm(forms.ModelForm):
    """One start date. A new date cannot be in the past; a past date already saved stays as it
    is (the history of a programme), but cannot be moved to another past date."""

    class Meta:
        model = TrainingStart
        fields = ["starts_on", "ends_on", "note_es", "note_en"]
        labels = {
            "starts_on": _("Starts on"),
            "ends_on": _("Ends on (optional)"),
            "note_es": _("Note in Spanish"),
            "note_en": _("Note in English"),
        }
        help_texts = {"note_es": _("For example: evening group, or only 12 seats.")}
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on is None:
            return starts_on
        if starts_on >= LATEST_START:
            raise forms.ValidationError(_("Enter a date before the year 2100."))
        unchanged = self.instance.pk and self.instance.starts_on == starts_on
        if not unchanged and starts_on < timezone.localdate():
            raise forms.ValidationError(
                _("A new start date cannot be in the past. Enter today or a later date.")
            )
        return starts_on

    def clean(self):
        super().clean()
        starts_on, ends_on = self.cleaned_data.get("starts_on"), self.cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot be before the first."))
        elif ends_on and ends_on >= LATEST_START:
            self.add_error("ends_on", _("Enter a date before the year 2100."))
        return self.cleaned_data


StartFormSet = forms.inlineformset_factory(
    Training,
    TrainingStart,
    form=TrainingStartForm,
    extra=2,
    max_num=MAX_STARTS,
    validate_max=True,
    can_delete=True,
)


def _days_label(days: int) -> str:
    return gettext("%(days)s days") % {"days": days}


# "30 days", in the language of the page that shows it (the choices are made once).
days_label = lazy(_days_label, str)


class TrainingFilterForm(SearchForm):
    """The training search: every field comes from the URL, so a search can be bookmarked
    and shared. Invalid fields are reported and left out; the valid ones still apply."""

    SORTS = [
        ("soonest", _("Starts soonest")),
        ("cheapest", _("Lowest cost")),
        ("relevance", _("Best match")),
        ("nearest", _("Nearest")),
    ]

    category = forms.ChoiceField(
        label=_("Kind of work"), choices=[("", _("Any kind of work")), *Category.choices],
        required=False,
    )  # fmt: skip
    credential = forms.CharField(label=_("Credential"), required=False, max_length=80)
    online = forms.BooleanField(label=_("Online only"), required=False)
    within = forms.TypedChoiceField(
        label=_("Starts within"), required=False, coerce=int, empty_value=None,
        choices=[
            ("", _("Any date")),
            *[(days, days_label(days)) for days in STARTS_WITHIN_DAYS],
        ],
        help_text=_("Courses you can start any time are included."),
    )  # fmt: skip
    max_cost = cost_field(_("Costs at most (dollars)"), required=False)
    free = forms.BooleanField(label=_("Free"), required=False)
    aid = forms.BooleanField(label=_("Aid open to all, regardless of status"), required=False)
    language = forms.ChoiceField(
        label=_("Taught in"), choices=[("", _("Any language")), *SpokenLanguage.choices],
        required=False,
    )  # fmt: skip
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def clean_credential(self) -> Credential | None:
        """A credential's address (slug) or number; a published one only."""
        value = self.cleaned_data["credential"].strip()
        if not value:
            return None
        published = Credential.objects.filter(published=True)
        if value.isascii() and value.isdigit():
            found = published.filter(pk=int(value)).first() if len(value) < 10 else None
        else:
            found = published.filter(slug=value.lower()).first()
        if found is None:
            raise forms.ValidationError(
                _("We do not know the credential %(credential)s. Choose it from its page."),
                params={"credential": value},
            )
        return found

    def filters(self) -> TrainingFilters:
        """The valid filters, with defaults: what the search applies."""
        self.is_valid()
        if self.cleaned_data.get("max_cost") == 0:  # "at most 0 dollars" is free
            self.cleaned_data["free"] = True
        valid: dict[str, Any] = {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None, [], False)
        }
        if "credential" in valid:
            self.chosen_credential = valid["credential"]
            valid["credential"] = valid["credential"].pk
        return TrainingFilters.build(**valid)
