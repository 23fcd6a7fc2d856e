"""The job search's filters, typed: the search form produces them, saved searches parse their
query string into them, and selectors and services take them (never a form)."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict

from apps.core.search import SearchFilters
from apps.core.vocabulary import Category
from apps.jobs.models import EmploymentType, WorkAuthorization, WorkLanguage, Workplace

MAX_MIN_PAY = Decimal(1000)
PAY_DECIMAL_PLACES = 2

# Filters that take several values at once, and the choices each may take.
MULTIPLE = {
    "authorization": WorkAuthorization,
    "type": EmploymentType,
    "workplace": Workplace,
    "language": WorkLanguage,
}


@dataclass(frozen=True)
class JobFilters(SearchFilters):
    """Named as the search page's URL parameters, so a query string maps onto them."""

    authorization: tuple[str, ...] = ()
    category: str = ""
    type: tuple[str, ...] = ()
    workplace: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    min_pay: Decimal | None = None

    def labels(self) -> dict[str, tuple[str, ...]]:
        """The values asked of each filter column of the entries (JobSearchEntry)."""
        return {
            "work_authorization": self.authorization,
            "category": (self.category,) if self.category else (),
            "employment_type": self.type,
            "workplace": self.workplace,
            "work_language": self.language,
        }

    def done_anywhere(self) -> bool:
        """Remote work only: it needs no place, and most remote jobs have none."""
        return set(self.workplace) == {Workplace.REMOTE}

    @classmethod
    def parse(cls, query: str, *, sort: str = "") -> "JobFilters":
        """The filters of a query string, as the search page reads them from its URL
        (JobFilterForm): a value that is not valid leaves its filter out (a choice removed
        since the search was saved, a ZIP code that is not known)."""
        data = QueryDict(query)
        multiple: dict[str, Any] = {}
        for name, choices in MULTIPLE.items():
            values = data.getlist(name)
            multiple[name] = tuple(values) if set(values) <= set(choices.values) else ()
        category = data.get("category", "")
        return cls.build(
            **cls.parse_common(data),
            **multiple,
            category=category if category in Category.values else "",
            min_pay=_pay(data.get("min_pay", "")),
            sort=sort,
        )


def _pay(value: str) -> Decimal | None:
    try:
        pay = Decimal(value.strip())
    except InvalidOperation:
        return None
    if not pay.is_finite() or not 0 <= pay <= MAX_MIN_PAY:
        return None
    if pay != pay.quantize(Decimal(1).scaleb(-PAY_DECIMAL_PLACES)):  # more decimals
        return None
    return pay
