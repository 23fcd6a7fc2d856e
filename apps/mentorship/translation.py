from modeltranslation.translator import TranslationOptions, register

from apps.mentorship.models import MentorProfile


@register(MentorProfile)
class MentorProfileTranslationOptions(TranslationOptions):
    fields = ("headline", "story", "helps_with", "own_path", "occupations", "skills")
