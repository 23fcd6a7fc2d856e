"""The directory's filters, typed: the search form produces them (as the job and event
searches' do), and selectors take them."""

from dataclasses import dataclass
from typing import Self

from apps.core.search import SearchFilters
from apps.core.us import ZipPoint, locate_zip


@dataclass(frozen=True)
class LegalFilters(SearchFilters):
    """Named as the directory's URL parameters (`type` is the provider type)."""

    default_sort = "name"

    service: tuple[str, ...] = ()
    language: str = ""
    cost: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    new_cases: bool = False
    walk_in_today: bool = False
    facility: int | None = None

    def labels(self) -> dict[str, tuple[str, ...]]:
        """The values asked of each label column of the entries (LegalSearchEntry)."""
        return {"cost": self.cost, "provider_type": self.type}

    @classmethod
    def build(cls, *, zip: str = "", radius: int | None = None, sort: str = "", **fields) -> Self:
        """The distance sort needs a ZIP code."""
        if sort == "distance" and not (zip and locate_zip(zip)):
            sort = ""
        return super().build(zip=zip, radius=radius, sort=sort, **fields)

    @classmethod
    def automatic_sort(cls, q: str, point: ZipPoint | None) -> str:
        """Nearest first when a ZIP code is given without keywords."""
        return "distance" if point and not q else super().automatic_sort(q, point)
