from modeltranslation.translator import TranslationOptions, register

from apps.organizations.models import Organization


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("description",)
