from modeltranslation.translator import TranslationOptions, register

from apps.jobs.models import Job


@register(Job)
class JobTranslationOptions(TranslationOptions):
    fields = ("title", "description", "requirements", "benefits", "schedule_notes")
