from datetime import date
from typing import Any, cast

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.forms import say_limits
from apps.core.publishable import publishable_types
from apps.core.roles import curators
from apps.core.services import audit_actions
from apps.core.verification import checked_types
from apps.curation.items import ITEM_REF, parse_item_ref
from apps.curation.services import BULK_ACTIONS, BULK_LIMIT
from apps.curation.translations import TextField
from apps.organizations.forms import OrganizationFilterField
from apps.organizations.models import Organization

NOTE_MAX_LENGTH = 2000


class ItemRefsField(forms.Field):
    """The items a selection names (`item`, repeated), as posted: the service says which of
    them are no item."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return [str(ref).strip()[:80] for ref in value if str(ref).strip()]

    def validate(self, value) -> None:
        if not value:
            raise forms.ValidationError(_("Select at least one item."), code="required")
        if len(value) > BULK_LIMIT:
            raise forms.ValidationError(
                _("Select at most %(limit)s items at a time."), params={"limit": BULK_LIMIT}
            )


class BulkForm(forms.Form):
    """One action on the selected items (the queue's checkboxes), with a note for each
    item's history. `next` is where the selection came from."""

    item = ItemRefsField()
    action = forms.ChoiceField(label=_("With the selected items"), choices=BULK_ACTIONS.items())
    note = forms.CharField(
        label=_("Note for each item's history (optional)"), required=False,
        max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)
        say_limits(self)


class TranslationForm(forms.Form):
    """The item's missing texts, one field each, named by their column ("title_es")."""

    def __init__(self, *args, model: type[models.Model], missing: list[TextField], **kwargs):
        super().__init__(*args, **kwargs)
        self.texts = {text.column: text for text in missing}
        languages = dict(settings.LANGUAGES)
        for text in missing:
            model_field = cast(models.Field, model._meta.get_field(text.column))
            multiline = isinstance(model_field, models.TextField)
            name = str(cast(models.Field, model._meta.get_field(text.name)).verbose_name)
            self.fields[text.column] = forms.CharField(
                label=f"{name.capitalize()} ({languages[text.language]})",
                required=False,
                max_length=model_field.max_length,
                widget=forms.Textarea(attrs={"rows": 6}) if multiline else forms.TextInput,
            )
        say_limits(self)

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        if not self.errors and not any(data.get(name) for name in self.texts):
            raise forms.ValidationError(_("Write at least one of the missing texts."))
        return data

    def filled(self) -> dict[TextField, str]:
        return {
            text: self.cleaned_data[name].strip()
            for name, text in self.texts.items()
            if self.cleaned_data.get(name, "").strip()
        }


def kinds_logged() -> list[tuple[str, str]]:
    """The kinds of item staff look up in the audit log: every reviewed and every checked
    type, and organizations."""
    found = [entry.model for entry in publishable_types] + [kind.model for kind in checked_types]
    found.append(Organization)
    return [
        (model._meta.label_lower, str(model._meta.verbose_name_plural).capitalize())
        for model in dict.fromkeys(found)
    ]


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        name = getattr(obj, "display_name", "")
        return f"{name} ({obj.email})" if name else obj.email


def camino_years(day: date) -> None:
    """A date the log can hold (and a day after it still a date): Camino's years."""
    if not date(2000, 1, 1) <= day <= date(2999, 12, 31):
        raise forms.ValidationError(_("Choose a date between the years 2000 and 2999."))


class AuditFilterForm(forms.Form):
    """The audit log's filters, from the URL. An item is a reference ("jobs.job:12") or a
    kind and a number."""

    item = forms.CharField(
        label=_("Item"), required=False, max_length=80,
        help_text=_("As the queue names it, such as jobs.job:12."),
    )  # fmt: skip
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    number = forms.IntegerField(label=_("Number"), required=False, min_value=1, max_value=10**18)
    actor = StaffChoiceField(
        label=_("Staff member"), required=False, queryset=curators().order_by("email"),
        empty_label=_("Anyone"),
    )  # fmt: skip
    organization = OrganizationFilterField(label=_("Organization"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        validators=[camino_years],
    )  # fmt: skip
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        validators=[camino_years],
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [("", _("Any")), *kinds_logged()]
        actions = sorted((str(label), key) for key, label in audit_actions.items())
        cast(forms.ChoiceField, self.fields["action"]).choices = [
            ("", _("Any")),
            *((key, label) for label, key in actions),
        ]

    def clean_item(self) -> str:
        ref = self.cleaned_data["item"].strip()
        if ref and (not ITEM_REF.match(ref) or parse_item_ref(ref) is None):
            raise forms.ValidationError(
                _("This is not an item's name. Write it as the queue does, such as jobs.job:12.")
            )
        return ref

    def clean(self):
        data = cast(dict[str, Any], super().clean())
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("This date is before the first one."))
        if data.get("number") and not data.get("kind"):
            self.add_error("kind", _("Choose the kind of item this number belongs to."))
        return data

    def filters(self) -> dict:
        """The valid filters; a filter with an error is left out (the page says which)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in self.fields if data.get(name)}
