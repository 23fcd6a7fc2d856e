from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from apps.core.forms import SearchForm
from apps.core.vocabulary import SpokenLanguage
from apps.legal.filters import LegalFilters
from apps.legal.models import (
    Accreditation,
    AttendingType,
    Cost,
    DetentionFacility,
    Location,
    Phone,
    Provider,
    ProviderType,
    ReportReason,
    Schedule,
    VerifiedItem,
    Weekday,
)
from apps.legal.vocabulary import ServiceCode


class LegalFilterForm(SearchForm):
    """The directory's search: every field comes from the URL, so a search can be bookmarked,
    printed and shared. Invalid fields are reported and left out; the valid ones still
    apply."""

    SORTS = [
        ("name", _("Name")),
        ("relevance", _("Best match")),
        ("distance", _("Nearest")),
        ("verified", _("Verified most recently")),
    ]

    service = forms.MultipleChoiceField(
        label=_("Help with"), choices=ServiceCode.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language spoken"), choices=[("", _("Any language")), *SpokenLanguage.choices],
        required=False,
    )  # fmt: skip
    cost = forms.MultipleChoiceField(
        label=_("Cost"), choices=Cost.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    type = forms.MultipleChoiceField(
        label=_("Kind of provider"), choices=ProviderType.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    new_cases = forms.BooleanField(label=_("Accepting new cases"), required=False)
    walk_in_today = forms.BooleanField(label=_("Walk-ins today"), required=False)
    # Its choices are read per form, as plain rows: every directory page draws them.
    facility = forms.TypedChoiceField(
        label=_("Visits people detained at"), coerce=int, empty_value=None, required=False,
    )  # fmt: skip
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when first needed (shown or checked), once: the printable list needs neither.
        self.fields["facility"].choices = self.facility_choices  # type: ignore[attr-defined]

    @cached_property
    def _facility_choices(self) -> list[tuple[Any, str]]:
        places = DetentionFacility.objects.values_list("pk", "name", "city", "state")
        return [
            ("", str(_("Any or none"))),
            *((pk, f"{name} ({city}, {state})") for pk, name, city, state in places),
        ]

    def facility_choices(self) -> list[tuple[Any, str]]:
        return self._facility_choices

    def filters(self) -> LegalFilters:
        """The valid filters, with defaults: what the search applies."""
        self.is_valid()
        valid: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value in ("", None, [], False):
                continue
            if isinstance(value, list):
                value = tuple(value)
            valid[name] = value
        return LegalFilters.build(**valid)


# -- A partner's entry ---------------------------------------------------------------------

TRANSLATED_LABELS = {
    "description": (
        _("About your organization, in Spanish"), _("About your organization, in English"),
    ),
    "eligibility_description": (
        _("Who can get help, in Spanish"), _("Who can get help, in English"),
    ),
    "fees_description": (_("About the fees, in Spanish"), _("About the fees, in English")),
    "application_process": (_("How to get help, in Spanish"), _("How to get help, in English")),
}  # fmt: skip


class ProviderForm(forms.ModelForm):
    """An organization's directory entry, as its partners write it. Either language, or
    both: a missing one is flagged for staff."""

    languages = forms.MultipleChoiceField(
        label=_("Languages your staff speak"), choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language the staff speak.")},
    )  # fmt: skip
    services = forms.MultipleChoiceField(
        label=_("What you help with"), choices=ServiceCode.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of help you give.")},
    )  # fmt: skip

    class Meta:
        model = Provider
        fields = [
            "organization", "provider_type", "alternate_name",
            *[f"{name}_{code}" for name in TRANSLATED_LABELS for code in ("es", "en")],
            "cost", "fee_amount", "languages", "interpretation_services",
            "walk_in", "by_appointment", "by_phone", "online_intake_url", "accepting_new_cases",
            "email", "website",
        ]  # fmt: skip
        labels = {
            f"{name}_{code}": label
            for name, labels in TRANSLATED_LABELS.items()
            for code, label in zip(("es", "en"), labels, strict=True)
        }
        widgets = {
            f"{name}_{code}": forms.Textarea(attrs={"rows": 3})
            for name in TRANSLATED_LABELS
            for code in ("es", "en")
        }

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        organization = self.fields["organization"]
        if self.instance.pk:
            del self.fields["organization"]  # an entry stays its organization's
        elif organizations is not None:
            organization.queryset = organizations  # type: ignore[attr-defined]
            organization.empty_label = None  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["services"] = [s.code for s in self.instance.services.all()]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not (data.get("description_es") or data.get("description_en")):
            self.add_error(None, _("Say what your organization does, in at least one language."))
        return data


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = [
            "name", "address_1", "address_2", "city", "state", "zip_code", "time_zone",
            "transportation_es", "transportation_en", "accessibility_es", "accessibility_en",
        ]  # fmt: skip
        labels = {
            "transportation_es": _("How to get there, in Spanish"),
            "transportation_en": _("How to get there, in English"),
            "accessibility_es": _("Accessibility, in Spanish"),
            "accessibility_en": _("Accessibility, in English"),
        }


LocationFormSet = forms.inlineformset_factory(
    Provider, Location, form=LocationForm, extra=1, can_delete=True, max_num=10,
    validate_max=True,
)  # fmt: skip


class HoursForm(forms.Form):
    """One row of a place's opening hours (a Schedule, written again on save)."""

    weekday = forms.TypedChoiceField(label=_("Day"), choices=[("", "---"), *Weekday.choices],
                                     coerce=int)  # fmt: skip
    opens_at = forms.TimeField(label=_("Opens at"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes_at = forms.TimeField(
        label=_("Closes at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    # A blank row shows the default: left as it is, the row is unchanged and ignored.
    attending_type = forms.ChoiceField(
        label=_("How people come"), choices=AttendingType.choices,
        initial=AttendingType.APPOINTMENT,
    )  # fmt: skip

    def clean(self):
        data = super().clean() or {}
        if not self.errors:
            # The model's own check that it closes after it opens (no place yet: the formset
            # checks overlaps between the rows).
            try:
                Schedule(**{name: data[name] for name in HoursForm.base_fields}).clean()
            except ValidationError as error:
                self.add_error("closes_at", error.messages)
        return data


class BaseHoursFormSet(forms.BaseFormSet):
    def clean(self):
        """No two rows of the same day and kind of visit may overlap."""
        if any(self.errors):
            return
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        for index, row in enumerate(rows):
            for other in rows[index + 1 :]:
                if (
                    row["weekday"] == other["weekday"]
                    and row["attending_type"] == other["attending_type"]
                    and row["opens_at"] < other["closes_at"]
                    and other["opens_at"] < row["closes_at"]
                ):
                    raise ValidationError(
                        _("These hours overlap other hours of this place on the same day.")
                    )

    def hours(self) -> list[dict]:
        return [
            {name: form.cleaned_data[name] for name in HoursForm.base_fields}
            for form in self.forms
            if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


def hours_formset(location_form, data=None):
    """The hours of one place of the entry's form: its rows, and blank ones to add more."""
    location = location_form.instance
    initial = (
        [
            {name: getattr(row, name) for name in HoursForm.base_fields}
            for row in location.schedules.all()
        ]
        if location.pk
        else []
    )
    formset_class = forms.formset_factory(
        HoursForm, formset=BaseHoursFormSet, extra=max(2, 5 - len(initial)), can_delete=True,
        max_num=28, validate_max=True,
    )  # fmt: skip
    return formset_class(data, initial=initial, prefix=f"{location_form.prefix}-hours")


class PhoneForm(forms.ModelForm):
    class Meta:
        model = Phone
        fields = ["number", "extension", "type", "description_es", "description_en"]
        labels = {
            "description_es": _("What it is for, in Spanish"),
            "description_en": _("What it is for, in English"),
        }


PhoneFormSet = forms.inlineformset_factory(
    Provider, Phone, form=PhoneForm, extra=1, can_delete=True, max_num=10, validate_max=True
)


class AccreditationForm(forms.ModelForm):
    class Meta:
        model = Accreditation
        fields = ["kind", "person_name", "bar_state", "bar_number", "expires_on"]
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "kind": _("Camino staff check every accreditation at its source before it is shown.")
        }


AccreditationFormSet = forms.inlineformset_factory(
    Provider, Accreditation, form=AccreditationForm, extra=1, can_delete=True, max_num=30,
    validate_max=True,
)  # fmt: skip


class VerifyForm(forms.Form):
    """What staff checked today against the entry's sources."""

    verified_what = forms.MultipleChoiceField(
        label=_("Verified today"), choices=VerifiedItem.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose what you verified.")},
    )  # fmt: skip
    note = forms.CharField(
        label=_("How you verified it (for staff)"), required=False, max_length=500,
        help_text=_("For example: called the intake line; DOJ roster checked."),
    )  # fmt: skip


class ProviderReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong to report it.")},
    )  # fmt: skip
    details = forms.CharField(
        label=_("Tell staff more (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: what they charged, or what is wrong. Do not write your "
                    "immigration status or case number."),
    )  # fmt: skip


class NameCheckForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the person, office or organization"), max_length=200, required=False,
        help_text=_("As it appears on their sign, card or ad. Part of the name is enough."),
    )  # fmt: skip
