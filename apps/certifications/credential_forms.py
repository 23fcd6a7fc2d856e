"""The credential list's search form (from the URL) and staff's forms for a credential and
its state rules."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.certifications.credential_filters import CredentialFilters
from apps.certifications.models import MAX_COST, Credential, StateRule
from apps.certifications.vocabulary import CredentialKind, Format
from apps.core.forms import SearchForm
from apps.core.us import State
from apps.core.vocabulary import Category, SpokenLanguage

# The rule filter's values (`?rule=no_ssn`): codes used in URLs, never changed.
RULE_FILTERS = [
    ("no_ssn", _("Open to me without a Social Security number (open, or ITIN accepted)")),
    ("open", _("Open regardless of immigration status")),
    ("checked", _("Any rule Camino staff checked")),
]

# Addresses the credential list's own pages use.
RESERVED_SLUGS = frozenset({"staff", "rules", "new"})


def with_any(label, choices) -> list:
    return [("", label), *choices]


class CredentialFilterForm(SearchForm):
    """The list's search: every field comes from the URL, so a search can be bookmarked and
    shared. Invalid fields are reported and left out; the valid ones still apply."""

    SORTS = [
        ("name", _("Name")),
        ("cost", _("Lowest cost")),
        ("relevance", _("Best match")),
        ("newest", _("Newest")),
    ]

    # No place to measure from: a credential is the same wherever one lives.
    zip = None  # type: ignore[assignment]
    radius = None  # type: ignore[assignment]

    category = forms.ChoiceField(
        label=_("Kind of work"), choices=with_any(_("Any kind of work"), Category.choices),
        required=False,
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Kind of credential"), choices=with_any(_("Any"), CredentialKind.choices),
        required=False,
    )  # fmt: skip
    state = forms.ChoiceField(
        label=_("State where you live"), choices=with_any(_("Choose a state"), State.choices),
        required=False,
        error_messages={
            "invalid_choice": _("We do not know that state. Choose one from the list."),
        },
    )  # fmt: skip
    rule = forms.ChoiceField(
        label=_("In that state"), choices=with_any(_("Any rule, or not checked"), RULE_FILTERS),
        required=False,
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Exam offered in"), choices=with_any(_("Any language"), SpokenLanguage.choices),
        required=False,
    )  # fmt: skip
    cost = forms.IntegerField(
        label=_("Costs at most (dollars)"), required=False, min_value=0, max_value=MAX_COST,
        error_messages={
            "invalid": _("Write the cost as a whole number of dollars, for example 300."),
            "min_value": _("The cost cannot be less than 0 dollars."),
            "max_value": _("Write a cost of %(limit_value)s dollars or less."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": MAX_COST}),
    )  # fmt: skip
    format = forms.ChoiceField(
        label=_("Format"), choices=with_any(_("Any format"), Format.choices), required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("rule") and not cleaned.get("state") and "state" not in self.errors:
            self.add_error("state", _("Choose the state whose rule you want to filter by."))
            cleaned["rule"] = ""
        return cleaned

    def filters(self) -> CredentialFilters:
        """The valid filters, with defaults: what the search applies."""
        self.is_valid()
        valid: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value in ("", None):
                continue
            valid[name] = value
        return CredentialFilters.build(**valid)


# -- Staff's forms --------------------------------------------------------------------------

TRANSLATED = {
    "name": (_("Name in Spanish"), _("Name in English")),
    "summary": (_("Summary in Spanish"), _("Summary in English")),
    "description": (_("Description in Spanish"), _("Description in English")),
    "occupations": (_("Occupations, in Spanish"), _("Occupations, in English")),
    "pay_note": (_("About pay, in Spanish"), _("About pay, in English")),
    "cost_note": (_("About the cost, in Spanish"), _("About the cost, in English")),
    "duration": (_("How long it takes, in Spanish"), _("How long it takes, in English")),
    "experience": (_("Experience needed, in Spanish"), _("Experience needed, in English")),
    "prerequisites_note": (
        _("Other requirements, in Spanish"), _("Other requirements, in English"),
    ),
    "renewal": (_("Renewal, in Spanish"), _("Renewal, in English")),
    "foreign_note": (
        _("How experience from another country counts, in Spanish"),
        _("How experience from another country counts, in English"),
    ),
}  # fmt: skip
REQUIRED_TRANSLATED = ("name_es", "name_en", "summary_es", "summary_en")
LONG_TEXTS = ("description", "prerequisites_note", "foreign_note")


class CredentialForm(forms.ModelForm):
    """What staff keep of a credential, in both languages (readers of either get the whole
    page)."""

    categories = forms.MultipleChoiceField(
        label=_("Kinds of work it serves"), choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of work.")},
    )  # fmt: skip
    exam_languages = forms.MultipleChoiceField(
        label=_("Languages the exam is offered in"), choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text=_("Leave empty when there is no exam."),
    )  # fmt: skip

    class Meta:
        model = Credential
        fields = [
            "name_es", "name_en", "slug", "kind", "issuing_body", "official_url",
            "summary_es", "summary_en", "description_es", "description_en",
            "categories", "occupations_es", "occupations_en", "benefit",
            "pay_note_es", "pay_note_en",
            "exam_cost", "course_cost", "fees", "cost_note_es", "cost_note_en",
            "duration_es", "duration_en", "education", "experience_es", "experience_en",
            "english_level", "prerequisites_note_es", "prerequisites_note_en",
            "format", "exam_languages", "renewal_es", "renewal_en",
            "foreign_experience", "foreign_note_es", "foreign_note_en", "published",
        ]  # fmt: skip
        labels = {
            **{
                f"{name}_{code}": label
                for name, labels in TRANSLATED.items()
                for code, label in zip(("es", "en"), labels, strict=True)
            },
            "published": _("Published: anyone can find it"),
        }
        help_texts = {
            "slug": _("Lower-case letters, numbers and hyphens, e.g. osha-10-construction."),
            "exam_cost": _("In dollars: empty when unknown, 0 when free."),
        }
        widgets = {
            f"{name}_{code}": forms.Textarea(attrs={"rows": 4})
            for name in LONG_TEXTS
            for code in ("es", "en")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REQUIRED_TRANSLATED:
            self.fields[name].required = True

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("That address is taken by Camino's own pages."))
        return slug


class StateRuleForm(forms.ModelForm):
    """A state's rule as staff read it at its source. Saving it records today and who
    saved it."""

    class Meta:
        model = StateRule
        fields = ["state", "rule", "note_es", "note_en", "source_name", "source_url"]
        labels = {
            "note_es": _("Note in Spanish"),
            "note_en": _("Note in English"),
            "source_name": _("Source (a law or a licensing board's page)"),
        }
        widgets = {
            "note_es": forms.Textarea(attrs={"rows": 3}),
            "note_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, credential: Credential, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.credential = credential
        if self.instance.pk:
            del self.fields["state"]  # a rule stays its state's: remove it to add another

    def clean_state(self):
        state = self.cleaned_data["state"]
        rules = StateRule.objects.filter(credential=self.instance.credential, state=state)
        if rules.exists():
            raise ValidationError(
                _("This credential already has a rule for %(state)s: edit that one."),
                params={"state": State(state).label},
            )
        return state
