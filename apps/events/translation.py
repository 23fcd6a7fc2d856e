from modeltranslation.translator import TranslationOptions, register

from apps.events.models import Event, EventQuestion


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "accessibility_notes", "what_to_bring")


@register(EventQuestion)
class EventQuestionTranslationOptions(TranslationOptions):
    fields = ("prompt", "choices")
