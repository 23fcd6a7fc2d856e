"""Vocabularies more than one app files its things under: a job, a mentor's experience and a
credential all belong to the same kinds of work, so seekers filter every one of them alike."""

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
