"""United States places: states, ZIP codes and distances. ZIP coordinates come from the
`zipcodes` package's bundled data; nothing is looked up over the network."""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import zipcodes
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

zip_code_validator = RegexValidator(r"^\d{5}$", _("Enter a 5-digit ZIP code."))


def phone_normalise(text: str) -> str:
    """A US phone number as its 10 digits, however it was written ("(312) 555-0100",
    "+1 312.555.0100"); a clear error for anything else. An area code or exchange cannot
    start with 0 or 1 (the North American numbering plan)."""
    digits = re.sub(r"[\s().+-]", "", text or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if not re.fullmatch(r"[2-9]\d{2}[2-9]\d{6}", digits):
        raise ValidationError(
            _("Enter a US phone number with its area code, for example (312) 555-0100."),
            code="invalid_phone",
        )
    return digits


def phone_display(digits: str) -> str:
    """10 digits as people read them: (312) 555-0100."""
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else digits


class State(models.TextChoices):
    AL = "AL", "Alabama"
    AK = "AK", "Alaska"
    AZ = "AZ", "Arizona"
    AR = "AR", "Arkansas"
    CA = "CA", "California"
    CO = "CO", "Colorado"
    CT = "CT", "Connecticut"
    DE = "DE", "Delaware"
    DC = "DC", "District of Columbia"
    FL = "FL", "Florida"
    GA = "GA", "Georgia"
    HI = "HI", "Hawaii"
    ID = "ID", "Idaho"
    IL = "IL", "Illinois"
    IN = "IN", "Indiana"
    IA = "IA", "Iowa"
    KS = "KS", "Kansas"
    KY = "KY", "Kentucky"
    LA = "LA", "Louisiana"
    ME = "ME", "Maine"
    MD = "MD", "Maryland"
    MA = "MA", "Massachusetts"
    MI = "MI", "Michigan"
    MN = "MN", "Minnesota"
    MS = "MS", "Mississippi"
    MO = "MO", "Missouri"
    MT = "MT", "Montana"
    NE = "NE", "Nebraska"
    NV = "NV", "Nevada"
    NH = "NH", "New Hampshire"
    NJ = "NJ", "New Jersey"
    NM = "NM", "New Mexico"
    NY = "NY", "New York"
    NC = "NC", "North Carolina"
    ND = "ND", "North Dakota"
    OH = "OH", "Ohio"
    OK = "OK", "Oklahoma"
    OR = "OR", "Oregon"
    PA = "PA", "Pennsylvania"
    PR = "PR", "Puerto Rico"
    RI = "RI", "Rhode Island"
    SC = "SC", "South Carolina"
    SD = "SD", "South Dakota"
    TN = "TN", "Tennessee"
    TX = "TX", "Texas"
    UT = "UT", "Utah"
    VT = "VT", "Vermont"
    VA = "VA", "Virginia"
    WA = "WA", "Washington"
    WV = "WV", "West Virginia"
    WI = "WI", "Wisconsin"
    WY = "WY", "Wyoming"


@dataclass(frozen=True)
class ZipPoint:
    zip_code: str
    city: str
    state: str
    latitude: float
    longitude: float


@lru_cache(maxsize=4096)
def locate_zip(zip_code: str) -> ZipPoint | None:
    """The centre of a US ZIP code, or None if there is no such ZIP code."""
    if not (len(zip_code) == 5 and zip_code.isdigit()):
        return None
    matches = zipcodes.matching(zip_code)
    if not matches or not matches[0].get("lat"):
        return None
    row = matches[0]
    return ZipPoint(zip_code, row["city"], row["state"], float(row["lat"]), float(row["long"]))


EARTH_RADIUS_MILES = 3958.8


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) that contains every point within `miles`."""
    dlat = math.degrees(miles / EARTH_RADIUS_MILES)
    dlon = math.degrees(miles / (EARTH_RADIUS_MILES * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


class TimeZone(models.TextChoices):
    """The time zones where people in the United States live (IANA names), and UTC. Times of
    events and reminders are shown in a person's zone."""

    EASTERN = "America/New_York", _("Eastern time (New York, Miami)")
    CENTRAL = "America/Chicago", _("Central time (Chicago, Houston)")
    MOUNTAIN = "America/Denver", _("Mountain time (Denver)")
    ARIZONA = "America/Phoenix", _("Arizona time (Phoenix)")
    PACIFIC = "America/Los_Angeles", _("Pacific time (Los Angeles, Seattle)")
    ALASKA = "America/Anchorage", _("Alaska time (Anchorage)")
    HAWAII = "Pacific/Honolulu", _("Hawaii time (Honolulu)")
    ATLANTIC = "America/Puerto_Rico", _("Atlantic time (Puerto Rico)")
    UTC = "UTC", _("Coordinated Universal Time (UTC)")


DEFAULT_TIME_ZONE = TimeZone.CENTRAL
