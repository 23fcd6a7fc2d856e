"""The delivery log: every email is a Delivery row, recorded in the transaction that causes
it and sent once, by a worker, after commit (or by the sweeper if that did not happen).

Deliveries are queued and sent in batches: a batch costs a fixed number of SQL queries
whatever its size, and its emails share one connection to the mail server. An email to a
whole audience (everyone registered for an event, say) is queued in one statement, whatever
the audience's size (deliveries_queue_each)."""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from itertools import islice
from typing import Any

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection
from django.db import connections, router, transaction
from django.db.models import CharField, DateTimeField, F, Q, QuerySet, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Concat, JSONObject
from django.utils import timezone
from redis.exceptions import RedisError

from apps.notifications.emails import render_email
from apps.notifications.models import Delivery, EmailPreferences
from apps.notifications.registry import Email, email_kinds, email_topics

logger = logging.getLogger(__name__)

# Emails per send task: hundreds, so a batch's fixed cost is spread thin, while one batch
# still ends well within its lease.
BATCH_SIZE = 500
# How long a send owns its deliveries; a worker that died mid-batch is taken over after it.
LEASE = timedelta(minutes=10)
# Pending deliveries younger than this are left to the task enqueued at commit.
SWEEP_GRACE = timedelta(seconds=30)
SWEEP_LIMIT = 5000
# A delivery that failed this often waits for an operator (its last_error says why).
MAX_ATTEMPTS = 10
# How long the mark of a sent email is kept (see SentMarks): far beyond any lease.
SENT_MARK_TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Outgoing:
    """An email to queue: who gets it, which kind, the ids it is about, and when it is due
    (now, or later for a reminder)."""

    key: str
    recipient_id: int
    kind: str
    params: dict
    due_at: datetime | None = None


def chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def deliveries_queue(outgoing: Iterable[Outgoing]) -> None:
    """Record emails to send: two queries per batch. A key already recorded is the same
    email, so nothing more is queued for it. The due ones are enqueued after commit, a task
    per batch; if the broker is down, the request goes on and the sweeper sends them later.
    Reminders (due later) wait for the sweeper."""
    now = timezone.now()
    for chunk in chunked(outgoing, BATCH_SIZE):
        Delivery.objects.bulk_create(
            [
                Delivery(
                    key=item.key,
                    recipient_id=item.recipient_id,
                    kind=item.kind,
                    params=item.params,
                    created_at=now,
                    due_at=item.due_at or now,
                )
                for item in chunk
            ],
            ignore_conflicts=True,
        )
        due = [item.key for item in chunk if item.due_at is None or item.due_at <= now]
        # Found by key alone, the status checked here: while a queue of this size is being
        # written, the planner's statistics of the table are out of date, and a filter on
        # the status could make it scan every pending row instead of the unique key.
        rows = Delivery.objects.filter(key__in=due).values_list("pk", "status") if due else []
        ids = [pk for pk, status in rows if status == Delivery.Status.PENDING]
        if ids:
            transaction.on_commit(partial(_enqueue, ids))


def key_of(*parts: str | Combinable) -> Combinable:
    """A delivery key written by the database from each row of an audience
    (deliveries_queue_each): text as it is, expressions (F("pk"), say) as text.
    key_of("event-reminder:", F("pk"), ":week") is "event-reminder:12:week" for row 12."""
    pieces = [
        Value(part, output_field=CharField()) if isinstance(part, str) else Cast(part, CharField())
        for part in parts
    ]
    return Concat(*pieces, output_field=CharField()) if len(pieces) > 1 else pieces[0]


def _json_value(value: Any) -> Combinable:
    if isinstance(value, Combinable):
        return value
    if isinstance(value, str):  # typed, so PostgreSQL writes a JSON string
        return Cast(Value(value), TextField())
    if value is None or isinstance(value, bool | int | float):
        return Value(value)
    raise TypeError(f"a delivery's parameters are ids, text or numbers, not {value!r}")


@dataclass(frozen=True)
class OutgoingEach:
    """The same email to each row of a queryset (one per person registered for an event,
    say): `key` (see key_of) and the values of `params` may be expressions on the row (F("pk"))
    or constants; the recipient is the row's `recipient` field, a user id."""

    rows: QuerySet
    key: Combinable
    recipient: str
    kind: str
    params: dict[str, Any]
    due_at: datetime | None = None


# Column aliases of the queued rows (unlikely to be a model's field names).
_COLUMNS = {
    "key": "queued_key",
    "recipient_id": "queued_recipient",
    "kind": "queued_kind",
    "params": "queued_params",
    "due_at": "queued_due_at",
}


def deliveries_queue_each(*audiences: OutgoingEach) -> int:
    """Record an email to each row of each audience in one INSERT ... SELECT, however many
    rows there are: the database writes every key and parameter from the rows themselves.
    As in deliveries_queue, a key already recorded is the same email and is left as it is
    (ON CONFLICT (key) DO NOTHING), and the due ones are enqueued after commit, a task per
    batch (where the database cannot return the new rows' ids, the sweeper sends them).
    Returns how many were new."""
    now = timezone.now()
    database = router.db_for_write(Delivery)
    connection = connections[database]
    quote = connection.ops.quote_name
    selects, params = [], []
    for audience in audiences:
        if audience.rows.query.is_sliced:
            raise ValueError("an audience is a whole queryset, not a slice of one")
        columns = {
            "key": audience.key,
            "recipient_id": F(audience.recipient),
            "kind": Value(audience.kind, output_field=CharField()),
            "params": JSONObject(**{
                name: _json_value(value) for name, value in audience.params.items()
            }),
            "due_at": Value(audience.due_at or now, output_field=DateTimeField()),
        }  # fmt: skip
        rows = (
            audience.rows.using(database)
            .order_by()
            .annotate(**{_COLUMNS[name]: expression for name, expression in columns.items()})
            .values(*_COLUMNS.values())
        )
        sql, select_params = rows.query.get_compiler(using=database).as_sql()
        selects.append(sql)
        params.extend(select_params)
    if not selects:
        return 0
    due_now = any(audience.due_at is None or audience.due_at <= now for audience in audiences)
    returning = due_now and connection.features.can_return_columns_from_insert
    table = quote(Delivery._meta.db_table)
    moment = connection.ops.adapt_datetimefield_value(now)
    fixed = {"status": str(Delivery.Status.PENDING), "attempts": 0, "created_at": moment,
             "last_error": ""}  # fmt: skip
    params = [*fixed.values(), *params]  # the outer SELECT's values come first
    # Only names and Django's compiled SELECTs are put in the text, every value is a
    # parameter. WHERE true: without it SQLite would read ON CONFLICT as the ON of a join.
    names = ", ".join(quote(name) for name in [*_COLUMNS, *fixed])
    values = ", ".join([*(quote(alias) for alias in _COLUMNS.values()), *["%s"] * len(fixed)])
    union = " UNION ALL ".join(selects)
    sql = (
        f"INSERT INTO {table} ({names}) SELECT {values} FROM ({union}) {quote('queued')} "  # noqa: S608
        f"WHERE true ON CONFLICT ({quote('key')}) DO NOTHING"
    )
    if returning:
        sql += f" RETURNING {quote('id')}, {quote('due_at')} <= %s"
        params.append(moment)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if not returning:
            return cursor.rowcount
        new = cursor.fetchall()
    due = [pk for pk, is_due in new if is_due]
    for chunk in chunked(due, BATCH_SIZE):
        transaction.on_commit(partial(_enqueue, chunk), using=database)
    return len(new)


def delivery_queue(**outgoing) -> Delivery:
    """Record one email (see deliveries_queue) and return its delivery."""
    deliveries_queue([Outgoing(**outgoing)])
    return Delivery.objects.get(key=outgoing["key"])


def reminder_schedule(*, key: str, recipient_id: int, kind: str, params: dict, due_at) -> None:
    """Send an email at a given time (an event tomorrow, a mentoring session in an hour).
    The sweeper sends it within a minute or two of `due_at`; its writer drops it if what it
    is about was cancelled or deleted by then."""
    deliveries_queue([Outgoing(key, recipient_id, kind, params, due_at)])


def _enqueue(delivery_ids: list[int]) -> None:
    from apps.notifications.tasks import send_deliveries

    try:
        send_deliveries.apply_async((delivery_ids,), retry=False)
    except Exception:  # broker down, or (in-process mode) the send failed: the rows remain
        logger.warning("%d deliveries not enqueued; the sweeper will send them",
                       len(delivery_ids), exc_info=True)  # fmt: skip


class SentMarks:
    """Each email of a batch is marked the moment it has gone out, where every worker sees
    the marks: a worker taking over the batch of one that died mid-way records the marked
    ones as sent instead of sending them again.

    The marks live in the cache's Redis, written through one connection held for the batch:
    Django's cache API makes a new client per call, which cost more than writing the email.
    Without Redis (zero-setup mode, tasks run in the web process) they go to the cache."""

    def __init__(self):
        # Once Redis failed, the rest of the batch is not marked: each try would wait for the
        # socket timeout (the cache's short one), email after email.
        self.failed = False
        self.redis: redis.Redis | None = None
        cache_settings = settings.CACHES["default"]
        if cache_settings["BACKEND"].endswith(".RedisCache"):
            try:
                self.redis = redis.Redis.from_url(
                    cache_settings["LOCATION"],
                    single_connection_client=True,
                    **cache_settings.get("OPTIONS", {}),
                )
            except RedisError as error:
                self._give_up(error)

    def __enter__(self) -> "SentMarks":
        return self

    def __exit__(self, *exc_info) -> None:
        if self.redis:
            self.redis.close()

    def _give_up(self, error: Exception) -> None:
        self.failed = True
        # The error's type only: its text could hold the server's address or a key.
        logger.warning(
            "could not mark sent emails (%s); the rest of this batch goes unmarked",
            type(error).__name__,
        )

    @staticmethod
    def _key(delivery_id: int) -> str:
        return f"camino:delivery-sent:{delivery_id}"

    def among(self, delivery_ids: list[int]) -> set[int]:
        """Which of these deliveries went out already. Without the marks nobody can tell:
        the error is raised, and the batch is tried again once its lease is over."""
        if not delivery_ids:
            return set()
        if self.failed:
            raise RedisError("the marks of sent emails cannot be read")
        ids_by_key = {self._key(pk): pk for pk in delivery_ids}
        keys = list(ids_by_key)
        if self.redis:
            marked: Iterable[str] = [
                key for key, mark in zip(keys, self.redis.mget(keys), strict=True) if mark
            ]
        else:
            marked = cache.get_many(keys)
        return {ids_by_key[key] for key in marked}

    def add(self, delivery_id: int) -> None:
        if self.failed:
            return
        try:
            if self.redis:
                self.redis.set(self._key(delivery_id), 1, ex=SENT_MARK_TIMEOUT)
            else:
                cache.set(self._key(delivery_id), 1, timeout=SENT_MARK_TIMEOUT)
        except Exception as error:  # the email is out; the database records it at the end
            self._give_up(error)


def deliveries_send(delivery_ids: list[int]) -> int:
    """Send a batch of deliveries over one mail connection, skipping those sent, being sent,
    not due or no longer needed. Returns how many emails went out. If the mail server fails,
    the unsent ones are pending again and the error is raised (the task retries)."""
    now = timezone.now()
    with transaction.atomic():
        # Locked by primary key alone, what may be sent picked here (see deliveries_queue on
        # the planner's statistics): a row sent or being sent meanwhile is left alone.
        locked = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=delivery_ids)
            .select_related("recipient")
            .order_by("pk")
        )
        claimed = [delivery for delivery in locked if _may_send(delivery, now)]
        if not claimed:
            return 0
        Delivery.objects.filter(pk__in=[delivery.pk for delivery in claimed]).update(
            status=Delivery.Status.SENDING, claimed_until=now + LEASE, attempts=F("attempts") + 1
        )
    with SentMarks() as marks:
        # Deliveries tried before may have gone out just before their worker died.
        already_sent = marks.among([delivery.pk for delivery in claimed if delivery.attempts])
        emails = _write(claimed)
        wanted = topics_wanted([delivery.recipient_id for delivery in claimed])
        sent, dropped, to_send = [], [], []
        for delivery in claimed:
            email = emails[delivery.pk]
            if delivery.pk in already_sent:
                sent.append(delivery.pk)
            elif email is None or not wanted(delivery.recipient_id, email.topic):
                dropped.append(delivery.pk)
            else:
                to_send.append((delivery, email))
        failure: Exception | None = None
        if to_send:
            try:
                with get_connection() as connection:  # one session with the mail server
                    for delivery, email in to_send:
                        render_email(
                            to=delivery.recipient, email=email, connection=connection
                        ).send()
                        marks.add(delivery.pk)
                        sent.append(delivery.pk)
            except Exception as error:
                failure = error
    sent_ids = set(sent)
    unsent = [delivery.pk for delivery, _email in to_send if delivery.pk not in sent_ids]
    deliveries = Delivery.objects.filter(status=Delivery.Status.SENDING)
    if sent:
        deliveries.filter(pk__in=sent).update(
            status=Delivery.Status.SENT, sent_at=timezone.now(), claimed_until=None
        )
    if dropped:
        deliveries.filter(pk__in=dropped).update(status=Delivery.Status.DROPPED, claimed_until=None)
    if unsent and failure is not None:  # (an email is left unsent only by a failure)
        deliveries.filter(pk__in=unsent).update(
            status=Delivery.Status.PENDING, claimed_until=None, last_error=repr(failure)[:1000]
        )
        raise failure
    return len(sent) - len(already_sent)


def _may_send(delivery: Delivery, now: datetime) -> bool:
    """Due, and waiting to be sent or abandoned by a worker whose lease ran out."""
    if delivery.due_at > now:
        return False
    if delivery.status == Delivery.Status.SENDING:
        return delivery.claimed_until is not None and delivery.claimed_until < now
    return delivery.status == Delivery.Status.PENDING


def _write(deliveries: list[Delivery]) -> dict[int, Email | None]:
    """Each delivery's Email (or None: drop it), from its kind's writer, which is given all
    the batch's deliveries of that kind at once."""
    by_kind = defaultdict(list)
    for delivery in deliveries:
        by_kind[delivery.kind].append(delivery)
    emails: dict[int, Email | None] = {}
    for kind, group in by_kind.items():
        written = email_kinds[kind]([delivery.params for delivery in group])
        emails.update(zip([delivery.pk for delivery in group], written, strict=True))
    return emails


def deliveries_due() -> list[int]:
    """Deliveries the sweeper must (re)send: pending ones that are due and whose task never
    came (or reminders that have come due), and those whose sender died (lease over)."""
    now = timezone.now()
    return list(
        Delivery.objects.filter(attempts__lt=MAX_ATTEMPTS)
        .filter(
            Q(status=Delivery.Status.PENDING, due_at__lte=now - SWEEP_GRACE)
            | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
        )
        .order_by("due_at", "pk")
        .values_list("pk", flat=True)[:SWEEP_LIMIT]
    )


def preferences_update(*, user_id: int, **choices: bool) -> EmailPreferences:
    """Change which emails a person gets (topic=True/False), creating their row if needed."""
    unknown = set(choices) - set(email_topics.keys())
    if unknown:
        raise ValueError(f"unknown topics: {unknown}")
    with transaction.atomic():
        preferences, _created = EmailPreferences.objects.select_for_update().get_or_create(
            user_id=user_id
        )
        preferences.choices = {**preferences.choices, **choices}
        preferences.save()
    return preferences


def topics_wanted(user_ids: Iterable[int]) -> Callable[[int, str], bool]:
    """wanted(user_id, topic): whether each of these people wants emails on a topic (one
    query; a person without preferences has the defaults)."""
    chosen = dict(
        EmailPreferences.objects.filter(user_id__in=set(user_ids)).values_list("user_id", "choices")
    )

    def wanted(user_id: int, topic: str) -> bool:
        return chosen.get(user_id, {}).get(topic, email_topics[topic].default)

    return wanted


def wanting(topic: str, *, person: str = "pk") -> Q:
    """A filter on `person` (a user or a user id field) that keeps the people who want emails
    on this topic: by their choice, or without one by the topic's default."""
    default = email_topics[topic].default
    chose_otherwise = EmailPreferences.objects.filter(**{f"choices__{topic}": not default})
    people = Q(**{f"{person}__in": chose_otherwise.values("user_id")})
    return ~people if default else people
