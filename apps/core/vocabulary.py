"""Vocabularies more than one app files its things under: a job, a mentor's experience and a
credential all belong to the same kinds of work, so seekers filter every one of them alike."""

from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """Kinds of work (jobs' categories, mentors' industries)."""

    CONSTRUCTION = "construction", _("Construction and remodeling")
    CLEANING = "cleaning", _("Cleaning and janitorial")
    FOOD = "food", _("Restaurants and food service")
    HOSPITALITY = "hospitality", _("Hotels and hospitality")
    LANDSCAPING = "landscaping", _("Landscaping and gardening")
    AGRICULTURE = "agriculture", _("Agriculture")
    WAREHOUSE = "warehouse", _("Warehouse and manufacturing")
    TRANSPORT = "transport", _("Driving and delivery")
    CARE = "care", _("Caregiving and health care")
    CHILDCARE = "childcare", _("Childcare and education")
    RETAIL = "retail", _("Retail and sales")
    BEAUTY = "beauty", _("Beauty and personal care")
    TRADES = "trades", _("Skilled trades")
    OFFICE = "office", _("Office and administration")
    TECHNOLOGY = "technology", _("Technology")
    INTERPRETING = "interpreting", _("Interpreting and translation")
    OTHER = "other", _("Other")


class SpokenLanguage(models.TextChoices):
    """Languages people speak, teach or take an exam in (a legal help provider's staff, a
    training, a credential's exam). Besides Spanish and English, the Indigenous languages of
    Mexico and Central America many seekers speak first: their speakers are the ones most
    often left without an interpreter."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    PORTUGUESE = "pt", _("Portuguese")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    FRENCH = "fr", _("French")
    CHINESE = "zh", _("Chinese")
    VIETNAMESE = "vi", _("Vietnamese")
    KOREAN = "ko", _("Korean")
    TAGALOG = "tl", _("Tagalog")
    ARABIC = "ar", _("Arabic")
    RUSSIAN = "ru", _("Russian")
    KICHE = "quc", _("K'iche'")
    MAM = "mam", _("Mam")
    MIXTEC = "mix", _("Mixtec")
    ZAPOTEC = "zap", _("Zapotec")
    NAHUATL = "nah", _("Nahuatl")
    QUECHUA = "qu", _("Quechua")


def codes_of(value, choices: type[models.TextChoices]) -> bool:
    """Whether a model's JSON list of codes holds a list of `choices` and nothing else: an
    admin form takes any JSON there (a number, a string) and a page would fail on it later."""
    return isinstance(value, list) and all(code in choices.values for code in value)


@cache
def _bits(choices: type[models.TextChoices]) -> dict[str, int]:
    """Each choice's bit (the choices of a class are fixed once it is declared): a search
    asks for a filter's bits on every request."""
    return {value: 1 << position for position, value in enumerate(choices.values)}


def bits_of(values, choices: type[models.TextChoices]) -> int:
    """A set of choices as one integer, a bit per choice in the order they are declared (so
    new choices go at the end): what a search entry filters on with one column."""
    bits = _bits(choices)
    return sum(bits[value] for value in set(values) if value in bits)


def bit_of(value: str, choices: type[models.TextChoices]) -> int:
    return bits_of([value], choices)
