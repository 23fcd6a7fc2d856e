"""What each app adds to Camino's emails, declared in its AppConfig.ready():

- `email_kinds`: kind -> its writer, registered with the kind's label (email_kind_register).
  A writer is given the parameters (ids) of a batch of deliveries of its kind and returns, in
  the same order, an Email for each, or None when that email no longer makes sense (what it
  is about was cancelled, deleted or has changed): the delivery is then dropped, not sent. A
  writer loads what the whole batch needs at once, so a batch costs the same few queries
  whatever its size.
- `email_topics`: what a person can turn off on the preferences page (account emails, such
  as password resets, cannot be turned off).
- `digest_sections`: the parts of the weekly digest (apps.notifications.digest).
- `summary_sections`: the parts of the staff daily summary (apps.notifications.summary).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from apps.core.registry import Registry

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Email:
    template: str  # renders <template>_subject.txt and <template>_message.txt
    context: dict  # callables are called inside the recipient's language
    topic: str  # what the recipient turns off to stop emails like this (email_topics)
    # When every email of the batch has the same subject: a callable that writes it in the
    # current language (apps.core.emails.per_language), instead of rendering
    # <template>_subject.txt for each email.
    subject: Callable[[], str] | None = None
    # Files sent with it, as (file name, content, MIME type); a callable content is written
    # in the recipient's language (an event's .ics, say).
    attachments: tuple[tuple[str, str | Callable[[], str], str], ...] = ()


Writer = Callable[[list[dict]], list[Email | None]]


@dataclass(frozen=True)
class EmailTopic:
    label: "str | StrPromise"  # "Job alerts for my saved searches"
    default: bool  # whether a person who never chose gets these emails
    staff_only: bool = False  # offered to staff only
    # A line under the choices on the preferences page, with a link (a URL name).
    hint: "str | StrPromise" = ""
    hint_url: str = ""


class DigestSection(Protocol):
    """A part of the weekly digest. A fresh instance is made for each run, so it may remember
    things during one run (each distinct saved search is run once, say)."""

    name: str  # its key in a digest's parameters
    template: str  # its part of the email, given `items`

    def collect(self, user_ids: list[int], *, since, until) -> dict[int, list[int]]:
        """For a batch of people: {user id: ids of what is new for them, in order}."""
        ...

    def load(self, ids: set[int]) -> tuple[dict[int, Any], dict]:
        """({id: item still worth showing}, extra context for the email)."""
        ...


@dataclass(frozen=True)
class SummaryPart:
    template: str  # its part of the email, given `part`
    context: dict  # callables are called in the recipient's language
    waiting: int = 0  # submissions waiting for review, for the subject line
    reports: int = 0  # open reports, for the subject line


class SummarySection(Protocol):
    """A part of the staff daily summary: what curators should look at today in one app."""

    def collect(self) -> SummaryPart | None:
        """Counts and links as they are now; None when there is nothing to report."""
        ...


email_kinds: Registry[Writer] = Registry("email kinds")
# kind -> what its emails are, in the reader's words (the emails listed in a person's data).
email_kind_labels: Registry["str | StrPromise"] = Registry("email kind labels")
email_topics: Registry[EmailTopic] = Registry("email topics")
digest_sections: Registry[Callable[[], DigestSection]] = Registry("digest sections")
summary_sections: Registry[Callable[[], SummarySection]] = Registry("staff summary sections")


def email_kind_register(kind: str, writer: Writer, label: "str | StrPromise") -> None:
    """A kind of email: its writer, and its name for people (never the code)."""
    email_kinds.register(kind, writer)
    email_kind_labels.register(kind, label)
