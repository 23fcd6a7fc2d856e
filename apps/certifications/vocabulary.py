"""The fixed bilingual vocabularies of credentials and trainings. Codes are stored and used in
URLs (`?rule=no_ssn`), so they never change; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CredentialKind(models.TextChoices):
    CERTIFICATION = "certification", _("Certification")
    LICENSE = "license", _("Occupational or professional license")
    COURSE_CERTIFICATE = "course", _("Course certificate")


class StatusRule(models.TextChoices):
    """What a state asks of an applicant, as staff found it at the source. The codes "open"
    matches jobs' WorkAuthorization.OPEN_TO_ALL: open to anyone, whatever their status."""

    OPEN = "open", _("Open regardless of immigration status")
    ITIN = "itin", _("An ITIN is accepted instead of a Social Security number")
    SSN = "ssn", _("A Social Security number is required")
    LAWFUL_STATUS = "status", _("Lawful immigration status is required")


# The rules under which a person without a Social Security number can get the credential.
WITHOUT_SSN = frozenset({StatusRule.OPEN, StatusRule.ITIN})


class Benefit(models.TextChoices):
    """Why a credential matters for work in its categories."""

    REQUIRED = "required", _("Required to do this work")
    RAISES_PAY = "raises_pay", _("Raises pay")
    OPENS_DOORS = "opens_doors", _("Opens doors to more jobs")


class Education(models.TextChoices):
    NONE = "none", _("None")
    PRIMARY = "primary", _("Primary school")
    HIGH_SCHOOL = "high_school", _("High school diploma or equivalent (GED, HiSET)")
    COLLEGE = "college", _("College degree")


class EnglishLevel(models.TextChoices):
    NONE = "none", _("No English needed")
    BASIC = "basic", _("Basic English")
    CONVERSATIONAL = "conversational", _("Conversational English")
    FLUENT = "fluent", _("Fluent English")


class ForeignExperience(models.TextChoices):
    """Whether experience or a degree from another country can count towards it."""

    COUNTS = "counts", _("Counts as it is")
    WITH_EVALUATION = "evaluation", _("Counts after an evaluation or a bridge programme")
    DOES_NOT_COUNT = "no", _("Does not count")
    NOT_APPLICABLE = "na", _("No experience or degree needed")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")
