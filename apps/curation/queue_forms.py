from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.curation import Reason, curation_kinds
from apps.core.roles import curators
from apps.curation.items import kind_label
from apps.curation.queue_selectors import MAX_PAGES, QueueFilters
from apps.organizations.forms import OrganizationFilterField


def colleague_choices(user) -> list[tuple[str, str]]:
    """Every other curator, by name (one query)."""
    others = curators().exclude(pk=user.pk).order_by("display_name", "pk")
    return [(str(person.pk), person.get_short_name()) for person in others]


class QueueFilterForm(forms.Form):
    """The queue's filters, from the URL. What does not validate is left out (and said)."""

    kind = forms.ChoiceField(label=_("What"), required=False)
    reason = forms.ChoiceField(
        label=_("Why"), required=False, choices=[("", _("Any reason")), *Reason.choices]
    )
    older_than = forms.IntegerField(
        label=_("Waiting for more than (days)"), required=False, min_value=1, max_value=3650
    )
    organization = OrganizationFilterField(label=_("Organization"), required=False)
    claimant = forms.ChoiceField(label=_("Claimed by"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGES)

    def __init__(self, *args, user, colleagues: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        kinds = curation_kinds()
        labels = {key: kind_label(model) for key, model in kinds.items()}
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            ("", _("Everything")),
            *sorted(labels.items(), key=lambda pair: pair[1]),
        ]
        cast(forms.ChoiceField, self.fields["claimant"]).choices = [
            ("", _("Anyone or nobody")), ("me", _("Me")), ("nobody", _("Nobody")),
            (_("Colleagues"), colleagues),
        ]  # fmt: skip
        self.fields["page"].widget = forms.HiddenInput()

    def filters(self) -> QueueFilters:
        self.is_valid()  # the valid filters are kept, the others said and left out
        data = self.cleaned_data
        return QueueFilters(
            kind=data.get("kind") or "", reason=data.get("reason") or "",
            older_than=data.get("older_than"), organization=data.get("organization"),
            claimant=data.get("claimant") or "",
        )  # fmt: skip

    def page_number(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("page") or 1


class AssignForm(forms.Form):
    """To whom a lead hands the selected items."""

    assignee = forms.ChoiceField(label=_("Assign to"))

    def __init__(self, *args, colleagues: list[tuple[str, str]], user, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["assignee"]).choices = [
            ("", _("Choose a colleague")),
            (str(user.pk), _("Me")),
            *colleagues,
        ]

    def clean_assignee(self):
        return int(self.cleaned_data["assignee"])
