from modeltranslation.translator import TranslationOptions, register

from apps.legal.models import Guide


@register(Guide)
class GuideTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
