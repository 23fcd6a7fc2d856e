from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.core.validators import MinValueValidator
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from apps.core.forms import SearchForm, say_limits
from apps.core.us import locate_zip
from apps.core.vocabulary import Category
from apps.jobs.filters import JobFilters
from apps.jobs.models import (
    EmploymentType,
    Job,
    PayUnit,
    ReportReason,
    SavedSearch,
    WorkAuthorization,
    WorkLanguage,
    Workplace,
)
from apps.jobs.templatetags.jobs import money

# The highest pay a listing may state in each pay period: above it, a typo (or a lure).
MAX_PAY = {
    PayUnit.HOUR: 1_000, PayUnit.DAY: 10_000, PayUnit.WEEK: 50_000, PayUnit.MONTH: 200_000,
    PayUnit.YEAR: 1_000_000, PayUnit.PIECE: 10_000,
}  # fmt: skip


class JobFilterForm(SearchForm):
    """The job search: every field comes from the URL, so a search can be bookmarked and
    shared. Invalid fields are reported and left out; the valid ones still apply."""

    SORTS = [
        ("relevance", _("Best match")),
        ("newest", _("Newest")),
        ("pay", _("Highest pay")),
        ("nearest", _("Nearest")),
    ]
    POSTED_WITHIN = [
        ("", _("Any time")),
        (1, _("Last 24 hours")),
        (3, _("Last 3 days")),
        (7, _("Last week")),
        (14, _("Last 2 weeks")),
        (30, _("Last month")),
    ]

    authorization = forms.MultipleChoiceField(
        label=_("Work authorization"), choices=WorkAuthorization.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("Any category")), *Category.choices], required=False
    )
    type = forms.MultipleChoiceField(
        label=_("Type of job"), choices=EmploymentType.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    workplace = forms.MultipleChoiceField(
        label=_("Where the work is"), choices=Workplace.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    language = forms.MultipleChoiceField(
        label=_("Languages at work"), choices=WorkLanguage.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    min_pay = forms.DecimalField(
        label=_("Pays at least (dollars per hour)"), required=False, min_value=0,
        max_value=1000, decimal_places=2,
    )  # fmt: skip
    posted = forms.TypedChoiceField(
        label=_("Posted"), choices=POSTED_WITHIN, required=False, coerce=int, empty_value=None
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def query_string(self) -> str:
        """The valid filters as a canonical query string (sorted by name, then value, each
        value once; no page, no sort): what a saved search keeps, so equal searches are
        stored alike whatever order their URL gave them in."""
        self.is_valid()
        pairs = set()
        for name, value in self.cleaned_data.items():
            if name in ("sort",) or value in ("", None, []):
                continue
            for item in value if isinstance(value, list) else [value]:
                pairs.add((name, str(item)))
        return urlencode(sorted(pairs))

    def typed_query_string(self) -> str:
        """The filters as typed, the invalid ones too (no page, no sort): what the form that
        saves the search sends, so that a filter to fix stops the saving instead of being
        left out of the saved search (SavedSearchForm)."""
        if self.is_valid():
            return self.query_string()
        data = cast(QueryDict, self.data)
        return urlencode(
            [(name, value) for name in sorted(self.fields) if name != "sort"
             for value in data.getlist(name) if value.strip()]
        )  # fmt: skip

    def problems(self) -> list[str]:
        """Each filter that cannot be used, named, as "Near ZIP code: We do not know...":
        what stops the search from being saved. The order is not saved, so a wrong one
        stops nothing."""
        self.is_valid()
        return [
            _("%(filter)s: %(problem)s") % {"filter": self[name].label, "problem": problem}
            for name, errors in self.errors.items()
            if name != "sort"
            for problem in errors
        ]

    def filters(self) -> JobFilters:
        """The valid filters, with defaults: what the search applies."""
        self.is_valid()
        valid: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in self.cleaned_data.items()
            if value not in ("", None, [])
        }
        return JobFilters.build(**valid)


class JobForm(forms.ModelForm):
    """What a partner fills in. Either language, or both: a missing one is flagged for staff."""

    class Meta:
        model = Job
        fields = [
            "organization",
            "title_es", "title_en", "description_es", "description_en",
            "category", "employment_type", "work_authorization", "work_language",
            "pay_min", "pay_max", "pay_unit", "schedule_notes_es", "schedule_notes_en",
            "workplace", "city", "state", "zip_code",
            "requirements_es", "requirements_en", "benefits_es", "benefits_en",
            "apply_url", "apply_email", "apply_in_person",
        ]  # fmt: skip
        labels = {
            "title_es": _("Job title in Spanish"),
            "title_en": _("Job title in English"),
            "description_es": _("Description in Spanish"),
            "description_en": _("Description in English"),
            "schedule_notes_es": _("Schedule in Spanish"),
            "schedule_notes_en": _("Schedule in English"),
            "requirements_es": _("Requirements in Spanish"),
            "requirements_en": _("Requirements in English"),
            "benefits_es": _("Benefits in Spanish"),
            "benefits_en": _("Benefits in English"),
        }
        help_texts = {
            "title_es": _("Write in Spanish, in English, or both. One language is enough."),
            "work_authorization": _(
                "Be exact: job seekers rely on this label to know whether they can take the job."
            ),
            "schedule_notes_es": _("For example: Monday to Friday, 6 a.m. to 2 p.m."),
            "zip_code": _("Needed for work on site or hybrid, so people can search by distance."),
            "apply_in_person": _("Address and hours, for example: 123 Main St, Mon-Fri 9-11 a.m."),
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 5})
            for name in [
                "description_es", "description_en", "requirements_es", "requirements_en",
                "benefits_es", "benefits_en",
            ]
        }  # fmt: skip

    def __init__(self, *args, organizations, can_set_expiry: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        organization = cast(forms.ModelChoiceField, self.fields["organization"])
        organization.queryset = organizations
        organization.empty_label = None
        for name in ("pay_min", "pay_max"):
            self.fields[name].validators.append(MinValueValidator(0))
            self.fields[name].widget.attrs["min"] = 0
        say_limits(self)
        if can_set_expiry:
            self.fields["expires_on"] = forms.DateField(
                label=_("Open until"), widget=forms.DateInput(attrs={"type": "date"}),
                initial=self.instance.expires_on,
            )  # fmt: skip

    def clean(self):
        """Every problem at once, so nobody fixes one just to be shown the next."""
        super().clean()
        data = self.cleaned_data
        for name, message in job_problems(data, set(self.errors)):
            self.add_error(name, message)
        if data.get("expires_on"):  # staff only; not a Meta field, so set it here
            self.instance.expires_on = data["expires_on"]
        return data


def job_problems(data: dict, in_error: set[str]) -> list[tuple[str | None, str]]:
    """What is wrong with a job across its fields, as (field or None, message): the job form
    and a jobs import check the same rules. `in_error`: fields already refused."""
    problems: list[tuple[str | None, str]] = []
    refused = set(in_error)

    def add(name: str | None, message) -> None:
        problems.append((name, message))
        refused.add(name or "")

    if not (
        (data.get("title_es") and data.get("description_es"))
        or (data.get("title_en") and data.get("description_en"))
    ):
        add(None, _("Write the title and the description in at least one language."))
    pay_min, pay_max = data.get("pay_min"), data.get("pay_max")
    if pay_min is not None and pay_max is not None and pay_min > pay_max:
        add("pay_max", _("The highest pay cannot be less than the lowest."))
    if pay_unit := data.get("pay_unit"):
        for name in ("pay_min", "pay_max"):
            if (data.get(name) or 0) > MAX_PAY[pay_unit] and name not in refused:
                add(name, _("The most we accept %(unit)s is %(max)s.") % {
                    "unit": PayUnit(pay_unit).label, "max": money(MAX_PAY[pay_unit])
                })  # fmt: skip
    if data.get("workplace") in ("onsite", "hybrid"):
        for name in ("city", "state", "zip_code"):
            if not data.get(name) and name not in refused:
                add(name, _("Needed for work on site or hybrid."))
    zip_code = data.get("zip_code")
    if zip_code and "zip_code" not in refused and locate_zip(zip_code) is None:
        add("zip_code", _("We do not know this ZIP code. Check it and try again."))
    if not (data.get("apply_url") or data.get("apply_email") or data.get("apply_in_person")):
        add(None, _("Say how to apply: a website, an email address or an address in person."))
    return problems


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Anything else staff should know (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency", "query"]
        labels = {"name": _("Name this search")}
        widgets = {"query": forms.HiddenInput, "frequency": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def clean_query(self):
        """The search's filters, canonical. A search with a filter that cannot be used is
        refused whole: saved without its mistyped ZIP code, say, its alerts would cover the
        whole country. The page it came from names the filters to fix
        (JobFilterForm.problems)."""
        search = JobFilterForm(QueryDict(self.cleaned_data["query"]))
        if search.problems():
            raise forms.ValidationError(
                _(
                    "This search was not saved: fix the filters marked on the page, search again, "
                    "then save it."
                ),
                code="filters",
            )
        return search.query_string()

    def clean(self):
        """A search saved without a name is named after its keywords, so saving never fails
        for want of one."""
        cleaned = self.cleaned_data
        if not cleaned.get("name") and "query" in cleaned:
            keywords = QueryDict(cleaned["query"]).get("q", "")
            cleaned["name"] = (keywords or str(_("My job search")))[:80]
            self.instance.name = cleaned["name"]
        return cleaned


class SavedSearchChangeForm(forms.ModelForm):
    """A saved search's name and how often its alerts come, changed on the saved searches
    page (one form per search: `auto_id` gives each its own ids)."""

    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        widgets = {"frequency": forms.RadioSelect}
