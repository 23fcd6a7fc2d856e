from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.guides import GUIDE_RESERVED_SLUGS

TRANSLATED = ("title_es", "title_en", "summary_es", "summary_en", "body_es", "body_en")
FIELDS = ["topic", *TRANSLATED, "slug", "published"]


class GuideForm(forms.ModelForm):
    """What staff write for any guide type (apps.core.guides): the guide in both languages
    (readers of either get the whole guide, never a fallback), its Markdown body, its topic
    and address. A type's form is this one for its model (guide_form_class), or a subclass
    with more fields."""

    class Meta:
        fields = FIELDS
        labels = {
            "title_es": _("Title in Spanish"),
            "title_en": _("Title in English"),
            "summary_es": _("Summary in Spanish"),
            "summary_en": _("Summary in English"),
            "body_es": _("Text in Spanish"),
            "body_en": _("Text in English"),
            "published": _("Published: anyone can read it"),
        }
        help_texts = {
            "summary_es": _("One or two sentences, shown in the list of guides."),
            "body_es": _(
                "Markdown: ## for a heading, - for a list, **bold**, *italics*, "
                "[words](https://address) for a link. Images, HTML and scripts are removed."
            ),
            "slug": _("Lower-case letters, numbers and hyphens, e.g. rights-at-work."),
        }
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "body_es": forms.Textarea(attrs={"rows": 18}),
            "body_en": forms.Textarea(attrs={"rows": 18}),
            "summary_es": forms.Textarea(attrs={"rows": 2}),
            "summary_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TRANSLATED:
            self.fields[name].required = True

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in GUIDE_RESERVED_SLUGS:
            raise ValidationError(_("That address is taken by Camino's own pages."))
        return slug


def guide_form_class(kind) -> type[forms.ModelForm]:
    """The form staff write a guide of this type with (apps.core.guides.GuideType)."""
    if kind.form_class is not None:
        return kind.form_class
    return forms.modelform_factory(kind.model, form=GuideForm, fields=FIELDS)
