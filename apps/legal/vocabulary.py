"""The fixed bilingual vocabularies seekers filter legal help on. Codes are stored and used in
URLs (`?service=wage_theft`), so they never change; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceCode(models.TextChoices):
    """What a provider helps with, in words a seeker recognises."""

    DACA_INITIAL = "daca_initial", _("DACA: first application")
    DACA_RENEWAL = "daca_renewal", _("DACA: renewal")
    TPS = "tps", _("TPS (Temporary Protected Status)")
    WORK_PERMIT = "work_permit", _("Work permit (EAD)")
    ASYLUM = "asylum", _("Asylum")
    U_VISA = "u_visa", _("U visa (victims of crime)")
    T_VISA = "t_visa", _("T visa (victims of trafficking)")
    VAWA = "vawa", _("VAWA (survivors of domestic violence)")
    FAMILY_PETITION = "family_petition", _("Family petitions")
    NATURALIZATION = "naturalization", _("Citizenship (naturalization)")
    REMOVAL_DEFENSE = "removal_defense", _("Defense in immigration court (removal)")
    DETAINED = "detained", _("People in immigration detention")
    WAGE_THEFT = "wage_theft", _("Unpaid wages and labor rights")
    WORKPLACE_INJURY = "workplace_injury", _("Injuries at work")
    TENANT_RIGHTS = "tenant_rights", _("Tenant rights and evictions")
    ITIN_TAXES = "itin_taxes", _("ITIN and taxes")
    CONSULTATION = "consultation", _("Consultations and screenings")
    KYR_TRAINING = "kyr_training", _("Know-your-rights trainings")
