"""The mentor search's filters, typed: the search form produces them (as the job and event
searches' do), and selectors take them."""

from dataclasses import dataclass

from apps.core.search import SearchFilters
from apps.mentorship.models import MeetingMode


@dataclass(frozen=True)
class MentorFilters(SearchFilters):
    """The mentor search, named as the list's URL parameters."""

    default_sort = "newest"

    language: str = ""
    industry: str = ""
    mode: str = ""

    def done_anywhere(self) -> bool:
        """Mentors who meet by video or phone: they need not live near."""
        return self.mode in (MeetingMode.ONLINE, MeetingMode.PHONE)
