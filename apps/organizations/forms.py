from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.organizations.models import Membership, Organization


class OrganizationRequestForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name", "kind", "description_es", "description_en", "website", "email", "phone",
            "street", "city", "state", "zip_code",
        ]  # fmt: skip
        labels = {
            "description_es": _("Description in Spanish"),
            "description_en": _("Description in English"),
        }
        help_texts = {
            "description_es": _("What your organization does. One language is enough."),
            "email": _("Shown to the public. Job seekers may write to it."),
        }
        widgets = {
            "description_es": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }


class ReasonForm(forms.Form):
    """Why staff suspend or reinstate an organization: its members read it in their email,
    and it stays in the audit log."""

    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The organization's members read this in the email they get."),
    )  # fmt: skip


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Your colleague's email"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES,
        help_text=_("The email is written in this language."),
    )  # fmt: skip


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.user.get_full_name()


class LeaveForm(forms.Form):
    """Leaving; the last lead names who leads after them."""

    new_lead = MemberChoiceField(
        label=_("Who leads the organization after you"), queryset=Membership.objects.none(),
        required=False, empty_label=_("Choose a member"),
    )  # fmt: skip

    def __init__(self, *args, others=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["new_lead"]
        field.queryset = others if others is not None else Membership.objects.none()  # type: ignore[attr-defined]


class OrganizationFilterField(forms.Field):
    """A filter's organization, typed by name or part of it ("Casa" finds "Casa Latina"), or
    given by its number in a link (the curation queue's rows link to ?organization=12). A list
    of every organization would weigh megabytes once partners number in the thousands."""

    widget = forms.TextInput
    SHOWN = 5  # names offered when what was typed matches several
    default_error_messages = {
        "none": _("No organization is called “%(text)s” or has it in its name."),
        "several": _("Several organizations match “%(text)s” (%(names)s): type more of the name."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Its name or part of it."))
        super().__init__(**kwargs)
        self.widget.attrs["maxlength"] = "200"

    def to_python(self, value):
        text = str(value or "").strip()[:200]
        if not text:
            return None
        organizations = Organization.objects.only("pk", "name").order_by("name", "pk")
        if text.isdigit() and len(text) < 19:
            found = list(organizations.filter(pk=int(text)))
        else:
            found = list(organizations.filter(name__iexact=text)[:2])
            if len(found) != 1:
                found = list(organizations.filter(name__icontains=text)[: self.SHOWN + 1])
        if not found:
            raise forms.ValidationError(
                self.error_messages["none"], code="none", params={"text": text}
            )
        if len(found) > 1:
            names = ", ".join(organization.name for organization in found[: self.SHOWN])
            raise forms.ValidationError(
                self.error_messages["several"], code="several",
                params={"text": text, "names": names + (", …" if len(found) > self.SHOWN else "")},
            )  # fmt: skip
        self.chosen = found[0]
        return found[0]

    def prepare_value(self, value):
        # The box shows the name of the organization a link's number chose.
        chosen = getattr(self, "chosen", None)
        if isinstance(value, Organization):
            return value.name
        if chosen is not None and str(value).strip() == str(chosen.pk):
            return chosen.name
        return value
