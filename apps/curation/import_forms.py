from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from apps.core.imports import import_resources
from apps.core.models import PublicationStatus


def too_large_message() -> str:
    return str(
        _("The file is larger than %(limit)s. Split it into smaller files.")
        % {"limit": filesizeformat(settings.CURATION_IMPORT_MAX_BYTES)}
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file or Excel spreadsheet (.xlsx)"),
        help_text=_(
            "The first row names the columns. A row with an external id already in Camino "
            "updates that item."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish directly"), required=False,
        help_text=_("Otherwise what is imported waits for review."),
    )  # fmt: skip

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.CURATION_IMPORT_MAX_BYTES:
            raise forms.ValidationError(too_large_message())
        return upload


class ImportConfirmForm(forms.Form):
    """The hash of the checked file: the confirmation imports that file or nothing."""

    sha256 = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)


class ExportFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("List"))
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("Any status")), *PublicationStatus.choices],
    )  # fmt: skip
    organization = forms.SlugField(
        label=_("Organization (its address name)"), required=False, max_length=80
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(key, entry.label) for key, entry in import_resources.items()]
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]
