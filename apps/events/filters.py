"""The event search's filters, typed: the search form produces them (as the job search's do),
and selectors take them."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import get_format

from apps.core.search import SearchFilters

# The ranges of the "when" filter; "dates" reads the from/to dates.
WHEN_CHOICES = ("week", "month", "dates")


@dataclass(frozen=True)
class EventFilters(SearchFilters):
    """Named as the list's URL parameters."""

    default_sort = "soonest"

    kind: tuple[str, ...] = ()
    topic: str = ""
    where: str = ""  # "in_person" or "online": hybrid events are both
    when: str = ""
    date_from: date | None = None
    date_to: date | None = None
    language: str = ""  # "es" or "en": events in both languages are either
    free: bool = False
    no_id: bool = False
    seats: bool = False  # only events with seats left (or no limit)

    def labels(self) -> dict[str, tuple[str, ...]]:
        """The values asked of each label column of the entries (EventSearchEntry)."""
        return {"kind": self.kind, "topic": (self.topic,) if self.topic else ()}

    def done_anywhere(self) -> bool:
        """Events to join online (hybrid ones too): from anywhere, whatever their venue."""
        return self.where == "online"

    def period(self, now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
        """The start and end of the time asked for, in the viewer's time zone: this week runs
        to the night before the next week starts (Saturday night, as calendars in the United
        States count weeks), this month to its last night; dates are whole days."""
        now = timezone.localtime(now)
        today = now.date()
        if self.when == "week":
            return now, _midnight(today + timedelta(days=7 - _days_into_week(today)))
        if self.when == "month":
            first_of_next = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
            return now, _midnight(first_of_next)
        if self.when == "dates":
            start = _midnight(self.date_from) if self.date_from else None
            end = _midnight(self.date_to + timedelta(days=1)) if self.date_to else None
            return start, end
        return None, None


def _days_into_week(day: date) -> int:
    """Days since the week began, on the first day the calendars in Camino's languages show
    (FIRST_DAY_OF_WEEK, 0 for Sunday), so the filter and the date pickers agree."""
    return (day.isoweekday() % 7 - get_format("FIRST_DAY_OF_WEEK")) % 7


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
