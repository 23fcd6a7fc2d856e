"""The weekly digest: one email a week to each person who asked for it, with what is new for
them last week (Monday to Sunday). Each part of Camino adds its section to it
(apps.notifications.registry.digest_sections), such as the new jobs from the person's saved
searches. Nothing new for a person: no email.

Built in batches of people: a batch costs a few queries, and each distinct saved search is
run once for everyone who saved it, so the cost follows batches and searches, not people."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

from apps.core.emails import per_language, render_subject
from apps.notifications.models import EmailPreferences
from apps.notifications.registry import DigestSection, Email, digest_sections
from apps.notifications.services import BATCH_SIZE, Outgoing, deliveries_queue


def sections() -> list[DigestSection]:
    """A fresh instance of each section (a section may remember things during one run)."""
    return [make() for make in digest_sections]


def digest_week(now: datetime) -> tuple[datetime, datetime]:
    """The week a digest sent now covers: last Monday to Sunday, in Camino's time zone."""
    today = timezone.localtime(now).date()
    this_monday = today - timedelta(days=today.weekday())
    until = timezone.make_aware(datetime.combine(this_monday, time.min))
    return until - timedelta(days=7), until


def digests_queue(*, now: datetime | None = None) -> int:
    """Queue last week's digest for each person who wants one and has something new. The key
    names the week, so running this twice queues nothing twice. Returns how many."""
    since, until = digest_week(now or timezone.now())
    year, week, _day = since.date().isocalendar()
    parts = sections()
    # The digest is asked for (its topic is off by default), so every subscriber has a row
    # of preferences: pages of them follow that table's unique index on the user.
    subscribers = (
        EmailPreferences.objects.filter(choices__weekly_digest=True, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    queued, last = 0, 0
    while batch := list(subscribers.filter(user_id__gt=last)[:BATCH_SIZE]):
        last = batch[-1]
        found = {part.name: part.collect(batch, since=since, until=until) for part in parts}
        digests = []
        for user_id in batch:
            items = {name: new[user_id] for name, new in found.items() if new.get(user_id)}
            if items:
                params = {"since": since.date().isoformat(), "until": until.date().isoformat()}
                digests.append(
                    Outgoing(
                        f"digest:{user_id}:{year}-W{week:02d}",
                        user_id,
                        "weekly_digest",
                        params | items,
                    )
                )
        deliveries_queue(digests)
        queued += len(digests)
    return queued


def weekly_digest(batch: list[dict]) -> list[Email | None]:
    """Each section loads the items of the whole batch at once; a digest whose items have
    all gone (jobs closed since, say) is dropped."""
    parts = sections()
    # The week's dates and the subject are the same for every digest of a week: each is
    # written once per week and language. (A batch may hold an older week's digest that
    # the sweeper sends late.)
    weeks = {week: _week_wording(*week) for week in {_week(params) for params in batch}}
    loaded: dict[str, Any] = {}
    context: dict[str, Any] = {}
    for part in parts:
        ids = {pk for params in batch for pk in params.get(part.name, ())}
        loaded[part.name], extra = part.load(ids)
        context |= extra
    emails = []
    for params in batch:
        shown = []
        for part in parts:
            items = [loaded[part.name][pk] for pk in params.get(part.name, ()) if pk in
                     loaded[part.name]]  # fmt: skip
            if items:
                shown.append({"template": part.template, "items": items})
        dates, subject = weeks[_week(params)]
        emails.append(
            Email(
                topic="weekly_digest",
                template="notifications/email/weekly_digest",
                context={**context, "dates": dates, "sections": shown},
                subject=subject,
            )
            if shown
            else None
        )
    return emails


def _week(params: dict) -> tuple[str, str]:
    return params["since"], params["until"]


def _week_wording(since: str, until: str) -> tuple[Callable, Callable]:
    """The dates of a digest's week and its subject, each written once per language."""
    first, last = date.fromisoformat(since), date.fromisoformat(until) - timedelta(days=1)

    def dates() -> dict[str, str]:
        return {
            "first": date_format(first, "DATE_FORMAT"),
            "last": date_format(last, "DATE_FORMAT"),
            "first_short": date_format(first, "MONTH_DAY_FORMAT"),
            "last_short": date_format(last, "MONTH_DAY_FORMAT"),
        }

    dates = per_language(dates)
    subject = per_language(
        lambda: render_subject("notifications/email/weekly_digest", {"dates": dates()})
    )
    return dates, subject
