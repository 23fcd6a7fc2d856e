from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import SearchForm
from apps.legal.filters import LegalFilters
from apps.legal.models import Cost, DetentionFacility, ProviderType
from apps.legal.vocabulary import ServiceCode, SpokenLanguage


class LegalFilterForm(SearchForm):
    """The directory's search: every field comes from the URL, so a search can be bookmarked,
    printed and shared. Invalid fields are reported and left out; the valid ones still
    apply."""

    SORTS = [
        ("", _("Nearest (with a ZIP code)")),
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
    facility = forms.ModelChoiceField(
        label=_("Visits people detained at"), queryset=DetentionFacility.objects.all(),
        required=False, empty_label=_("Any or none"),
    )  # fmt: skip
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def show_sort(self, sort: str) -> None:
        """Show the order asked for; without one, the automatic order, so that a search with a ZIP
        code typed in later is nearest first (LegalFilters.build)."""
        if self.data.get("sort"):
            super().show_sort(sort)

    def filters(self) -> LegalFilters:
        """The valid filters, with defaults: what the search applies."""
        self.is_valid()
        valid: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value in ("", None, [], False):
                continue
            if isinstance(value, list):
                value = tuple(value)
            elif isinstance(value, DetentionFacility):
                value = value.pk
            valid[name] = value
        return LegalFilters.build(**valid)
