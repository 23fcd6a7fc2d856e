from modeltranslation.translator import TranslationOptions, register

from apps.legal.models import Guide, LegalService, Location, Phone, Provider


@register(Provider)
class ProviderTranslationOptions(TranslationOptions):
    fields = ("description", "eligibility_description", "fees_description", "application_process")


@register(LegalService)
class LegalServiceTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Location)
class LocationTranslationOptions(TranslationOptions):
    fields = ("transportation", "accessibility")


@register(Phone)
class PhoneTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Guide)
class GuideTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
