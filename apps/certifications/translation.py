from modeltranslation.translator import TranslationOptions, register

from apps.certifications.models import (
    Credential,
    StateRule,
    Training,
    TrainingStart,
    WorkGuide,
)


@register(Credential)
class CredentialTranslationOptions(TranslationOptions):
    fields = (
        "name", "summary", "description", "occupations", "pay_note", "cost_note", "duration",
        "experience", "prerequisites_note", "renewal", "foreign_note",
    )  # fmt: skip


@register(StateRule)
class StateRuleTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Training)
class TrainingTranslationOptions(TranslationOptions):
    fields = (
        "title", "summary", "description", "schedule", "duration", "financial_aid",
        "how_to_enrol",
    )  # fmt: skip


@register(TrainingStart)
class TrainingStartTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(WorkGuide)
class WorkGuideTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
