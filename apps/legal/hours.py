"""Opening hours as a place's visitors read them: in the place's own time zone, today first,
and whether it is open now."""

import zoneinfo
from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone

from apps.legal.models import Location, Schedule, Weekday


@dataclass(frozen=True)
class DayHours:
    weekday: int
    name: str
    is_today: bool
    hours: list[Schedule]


@dataclass(frozen=True)
class PlaceHours:
    days: list[DayHours]  # today first, then the days after it
    open_now: bool
    has_hours: bool
    local_time: time


def place_hours(location: Location, now: datetime | None = None) -> PlaceHours:
    """The week of a place from today, where it is (its schedules prefetched)."""
    local = (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(location.time_zone))
    today = local.isoweekday()
    by_day: dict[int, list[Schedule]] = {day: [] for day in Weekday.values}
    for schedule in location.schedules.all():
        by_day[schedule.weekday].append(schedule)
    names = dict(Weekday.choices)
    order = [(today - 1 + offset) % 7 + 1 for offset in range(7)]
    days = [
        DayHours(day, str(names[day]), day == today, sorted(by_day[day], key=_opening))
        for day in order
    ]
    open_now = any(schedule.is_open_at(local.time()) for schedule in by_day[today])
    return PlaceHours(days, open_now, any(by_day.values()), local.time())


def _opening(schedule: Schedule) -> time:
    return schedule.opens_at
