"""Registries: what each app adds to the shared pieces. An app declares its entries in its
AppConfig.ready(); core and notifications read them and never list the apps themselves, so a
new app plugs in without editing them (ARCHITECTURE.md, "How an app plugs in")."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by key, in the order they were registered (apps register in INSTALLED_APPS
    order, so that order is stable)."""

    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, T] = {}
        # Changes with every entry added or removed: what is built once from the entries
        # (the navigation's links) keys on it.
        self.version = 0

    def register(self, key: str, entry: T) -> T:
        """Add an entry. The same key twice is a mistake in an app's declaration, unless it
        is the very same entry (ready() may run twice in tests)."""
        known = self._entries.get(key)
        if known is not None and known != entry:
            raise ImproperlyConfigured(f"{self.name}: {key!r} is registered twice")
        self._entries[key] = entry
        self.version += 1
        return entry

    def unregister(self, key: str) -> None:
        """Remove an entry (a test's, registered for its length)."""
        del self._entries[key]
        self.version += 1

    def __getitem__(self, key: str) -> T:
        return self._entries[key]

    def get(self, key: str, default: T | None = None) -> T | None:
        return self._entries.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[str]:
        return list(self._entries)

    def items(self) -> list[tuple[str, T]]:
        return list(self._entries.items())


@dataclass(frozen=True)
class NavigationEntry:
    """A link in every page's main navigation; with signed_in=True, only for people signed
    in (their own pages: a dashboard); with staff=True, only for staff (their workspace)."""

    label: "str | StrPromise"
    url_name: str
    signed_in: bool = False
    staff: bool = False


@dataclass(frozen=True)
class HomeEntry:
    """What a part of Camino offers, as a card on the home page."""

    title: "str | StrPromise"
    text: "str | StrPromise"
    url_name: str
    link_label: "str | StrPromise"


# Shown in registration order, so only what is installed is ever offered.
navigation: Registry[NavigationEntry] = Registry("navigation")
home_entries: Registry[HomeEntry] = Registry("home entries")


@dataclass(frozen=True)
class PersonalSection:
    """What a signed-in person has in one part of Camino (their plan, saved jobs, event
    registrations...), as a part of their "My Camino" page. `load(user)` returns the
    template's context, in a fixed number of queries, or None when they have nothing there
    (the page then shows `empty_text`, one line, and a link `empty_link_label` to
    `empty_url_name`, where to start)."""

    title: "str | StrPromise"
    template: str
    load: Callable[[Any], dict | None]
    empty_url_name: str = ""
    empty_text: "str | StrPromise" = ""
    empty_link_label: "str | StrPromise" = ""


@dataclass(frozen=True)
class CategorySection:
    """What one part of Camino offers for a kind of work (apps.core.vocabulary.Category):
    open jobs, events, mentors... shown on that kind of work's pathway page. `load(category,
    zip_point)` returns the template's context in a fixed number of queries, or None when it
    has nothing to show; zip_point is the seeker's place (apps.core.us.ZipPoint) or None."""

    title: "str | StrPromise"
    template: str
    load: Callable[[str, Any], dict | None]
    # The models whose changes it shows ("jobs.job"): the cached page renders again.
    models: tuple[str, ...] = ()


@dataclass(frozen=True)
class CategoryLink:
    """A link that a page about a kind of work offers to another part of Camino (a job's page
    links to its category's pathway; a job open to all, to the guides on working with an
    ITIN): `url(category, work_authorization)` is the address, or "" for none. A page with
    no work-authorization label passes ""."""

    label: "str | StrPromise"
    url: Callable[[str, str], str]


# "My Camino": a signed-in person's own things, a section per app.
personal_sections: Registry[PersonalSection] = Registry("personal sections")
# A pathway page's parts from other apps, and the links pages about a kind of work offer.
category_sections: Registry[CategorySection] = Registry("category sections")
category_links: Registry[CategoryLink] = Registry("category links")


@dataclass(frozen=True)
class OrganizationSection:
    """What an organization offers in one part of Camino (its open jobs, events, trainings,
    legal services), as a part of its public page. `load(organization)` returns the
    template's context in a fixed number of queries, or None when it offers nothing there."""

    title: "str | StrPromise"
    template: str
    load: Callable[[Any], dict | None]


# An organization's public page: a section per app that lists what organizations offer.
organization_sections: Registry[OrganizationSection] = Registry("organization sections")


@dataclass(frozen=True)
class ItemLink:
    """A link reviewers see on an item's manage page to another staff page about that item
    (its whole history in the audit log, translating it side by side): `url(item)` is the
    address, or "" when the link does not apply to this item."""

    label: "str | StrPromise"
    url: Callable[[Any], str]


# Staff pages about one item, linked from its manage page.
item_links: Registry[ItemLink] = Registry("item links")
