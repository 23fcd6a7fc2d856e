"""Registries: what each app adds to the shared pieces. An app declares its entries in its
AppConfig.ready(); core and notifications read them and never list the apps themselves, so a
new app plugs in without editing them (ARCHITECTURE.md, "How an app plugs in")."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

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

    def register(self, key: str, entry: T) -> T:
        """Add an entry. The same key twice is a mistake in an app's declaration, unless it
        is the very same entry (ready() may run twice in tests)."""
        known = self._entries.get(key)
        if known is not None and known != entry:
            raise ImproperlyConfigured(f"{self.name}: {key!r} is registered twice")
        self._entries[key] = entry
        return entry

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
    in (their own pages: a dashboard)."""

    label: "str | StrPromise"
    url_name: str
    signed_in: bool = False


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
