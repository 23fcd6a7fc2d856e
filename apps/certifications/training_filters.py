"""The training search's filters, typed: the search form builds them, selectors take them."""

from dataclasses import dataclass

from apps.core.search import SearchFilters

# "Starts within": the periods offered, in days.
STARTS_WITHIN_DAYS = (7, 30, 90)


@dataclass(frozen=True)
class TrainingFilters(SearchFilters):
    """Named as the list's URL parameters (the credential as its pk once found)."""

    default_sort = "soonest"

    category: str = ""
    credential: int | None = None
    online: bool = False  # taught wholly online
    within: int | None = None  # starts within this many days (or starts any time)
    max_cost: int | None = None  # dollars
    free: bool = False
    aid: bool = False  # financial aid open to all, whatever their status
    language: str = ""  # a SpokenLanguage code

    def labels(self) -> dict[str, tuple[str, ...]]:
        """The values asked of each label column of the entries (TrainingSearchEntry)."""
        return {"category": (self.category,) if self.category else ()}

    def done_anywhere(self) -> bool:
        """Trainings taught wholly online."""
        return self.online
