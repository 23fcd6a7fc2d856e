"""A match from request to end (apps.mentorship.services): who may do what, the seats a
mentor has, the emails each side gets in their language, feedback, conduct reports, quiet
matches and a leaving account."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.utils import timezone

from apps.accounts.services import account_delete
from apps.core.models import AuditEntry
from apps.core.personal_data import export
from apps.core.ratelimit import ReportLimitReached
from apps.mentorship import services
from apps.mentorship.models import (
    Match,
    MatchFeedback,
    MatchReport,
    MentorProfile,
    MentorSearchEntry,
)
from apps.mentorship.services import MatchRefused
from apps.mentorship.summary import MatchesToWatch
from apps.notifications.models import Delivery
from apps.notifications.services import preferences_update
from apps.notifications.summary import staff_summaries_queue
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.helpers import listed_mentor, send_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentor():
    return listed_mentor(capacity=1)


@pytest.fixture
def seeker():
    return UserFactory(preferred_language="es", display_name="Lucía")


def active_match(mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Licencia de electricista")
    return services.match_accept(user=mentor.user, match=match)


def seats(mentor) -> int:
    return MentorProfile.objects.get(pk=mentor.pk).active_mentees


def test_a_request_tells_the_mentor_in_their_language_and_accepting_tells_the_seeker_in_hers(
    mentor, seeker
):
    match = services.match_request(user=seeker, mentor=mentor, goal="Quiero mi licencia")
    send_due()
    [request] = mail.outbox
    assert request.to == [mentor.user.email]
    assert request.subject == "Lucía asks you to be their mentor"
    assert "Quiero mi licencia" in request.body

    services.match_accept(user=mentor.user, match=match)
    send_due()
    accepted = mail.outbox[1]
    assert accepted.to == [seeker.email]
    assert accepted.subject == "Su mentoría ha comenzado"
    match.refresh_from_db()
    assert match.status == "active" and match.started_at is not None
    assert seats(mentor) == 1
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["match request", "match accept"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"pause": "self"}, "tomando un descanso"),
        ({"active_mentees": 1}, "no tiene lugar"),
        ({"status": "pending"}, "no está recibiendo solicitudes"),
    ],
)
def test_a_paused_full_or_unapproved_mentor_cannot_be_asked(seeker, change, expected):
    mentor = listed_mentor(capacity=1, **change)
    with pytest.raises(MatchRefused, match=expected):
        services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    assert not Match.objects.exists()


def test_one_open_request_per_pair_and_never_oneself(mentor, seeker):
    services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    with pytest.raises(MatchRefused, match="Ya tiene una solicitud"):
        services.match_request(user=seeker, mentor=mentor, goal="Otra vez")
    with pytest.raises(MatchRefused, match="a sí mismo"):
        services.match_request(user=mentor.user, mentor=mentor, goal="Me")
    # The database holds the line too.
    with pytest.raises(IntegrityError):
        Match.objects.create(mentor=mentor, mentee=seeker, status="active")


def test_accepting_twice_or_beyond_capacity_is_refused_with_a_message(mentor, seeker):
    match = active_match(mentor, seeker)
    with pytest.raises(MatchRefused, match="Ya aceptó"):
        services.match_accept(user=mentor.user, match=match)
    # A request made before the mentor was full cannot fill a seat that is not there.
    other = Match.objects.create(mentor=mentor, mentee=UserFactory())
    with pytest.raises(MatchRefused, match="No tiene lugar"):
        services.match_accept(user=mentor.user, match=other)
    assert seats(mentor) == 1
    # Only the mentor answers a request; someone outside the match is refused.
    with pytest.raises(PermissionDenied):
        services.match_accept(user=UserFactory(), match=other)


def test_completing_frees_the_seat_and_the_seeker_can_ask_again(mentor, seeker):
    match = active_match(mentor, seeker)
    services.match_complete(user=seeker, match=match)
    assert seats(mentor) == 0
    services.match_feedback_give(user=seeker, match=match, rating=5, comment="¡Gracias!")
    services.match_feedback_give(user=mentor.user, match=match, rating=4, comment="Good")
    with pytest.raises(MatchRefused, match="Ya dio su opinión"):
        services.match_feedback_give(user=seeker, match=match, rating=1, comment="")
    assert MatchFeedback.objects.count() == 2

    again = services.match_request(user=seeker, mentor=mentor, goal="Segunda vuelta")
    assert again.status == "requested"


def test_cancelling_an_active_match_frees_the_seat_and_tells_the_other_side_why(mentor, seeker):
    match = active_match(mentor, seeker)
    send_due()
    mail.outbox.clear()
    services.match_cancel(user=mentor.user, match=match, reason="Me mudo a otro estado")
    assert seats(mentor) == 0
    send_due()
    [notice] = mail.outbox
    assert notice.to == [seeker.email]
    assert notice.subject == "Se canceló una mentoría"
    assert "Me mudo a otro estado" in notice.body
    with pytest.raises(MatchRefused, match="ya terminó"):
        services.match_cancel(user=seeker, match=match, reason="Otra")


def test_declining_sends_the_kind_note(mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    note = "Pruebe con una mentora de enfermería"
    services.match_decline(user=mentor.user, match=match, note=note)
    send_due()
    declined = mail.outbox[-1]
    assert declined.to == [seeker.email]
    assert note in declined.body
    assert seats(mentor) == 0


def test_a_staff_proposal_starts_when_both_accept(mentor, seeker):
    curator = CuratorFactory()
    with pytest.raises(PermissionDenied):
        services.match_propose(actor=seeker, mentor=mentor, mentee=seeker, goal="x")
    match = services.match_propose(actor=curator, mentor=mentor, mentee=seeker, goal="Oficio")
    match = services.match_accept(user=seeker, match=match)
    assert match.status == "proposed" and seats(mentor) == 0
    match = services.match_accept(user=mentor.user, match=match)
    assert match.status == "active" and seats(mentor) == 1


def test_no_answer_is_reminded_at_7_days_and_expires_at_14(mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    reminder = Delivery.objects.get(key=f"match-answer-reminder:{match.pk}")
    assert reminder.due_at == match.requested_at + timedelta(days=7)
    assert reminder.recipient_id == mentor.user_id

    Match.objects.filter(pk=match.pk).update(requested_at=timezone.now() - timedelta(days=15))
    Delivery.objects.filter(pk=reminder.pk).update(due_at=timezone.now())
    assert services.matches_expire() == 1
    assert services.matches_expire() == 0
    send_due()
    match.refresh_from_db()
    assert match.status == "expired"
    # The reminder, due now, is dropped: the request is no longer waiting.
    reminder.refresh_from_db()
    assert reminder.status == "dropped"
    assert [m.subject for m in mail.outbox if m.to == [seeker.email]] == [
        "Su solicitud de mentoría terminó sin respuesta"
    ]


def test_the_reminder_goes_out_while_the_request_waits(mentor, seeker):
    services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    Delivery.objects.filter(kind="match_changed").update(due_at=timezone.now())
    send_due()
    assert "A mentoring request is waiting for your answer" in [m.subject for m in mail.outbox]


def test_a_message_email_leaves_the_text_out_unless_the_receiver_asked_for_it(mentor, seeker):
    match = active_match(mentor, seeker)
    send_due()
    mail.outbox.clear()
    services.match_message_send(user=seeker, match=match, body="Hola, ¿cuándo hablamos?")
    send_due()
    [email] = mail.outbox
    assert email.to == [mentor.user.email]
    assert email.subject == "New message from Lucía"
    assert "cuándo hablamos" not in email.body

    preferences_update(user_id=mentor.user_id, mentorship_message_text=True)
    services.match_message_send(user=seeker, match=match, body="Mañana a las 5")
    send_due()
    assert "Mañana a las 5" in mail.outbox[-1].body
    match.refresh_from_db()
    assert match.last_activity_at >= match.started_at

    # Reading the thread marks the other side's messages read, not one's own.
    assert services.match_messages_read(user=seeker, match=match) == 0
    assert services.match_messages_read(user=mentor.user, match=match) == 2


def test_messages_only_while_active_and_not_paused(mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    with pytest.raises(MatchRefused, match="mientras la mentoría está activa"):
        services.match_message_send(user=seeker, match=match, body="¿Hola?")
    match = services.match_accept(user=mentor.user, match=match)
    report = services.match_report(user=seeker, match=match, who="user:x", reason="money",
                                   details="Me pidió $200")  # fmt: skip
    services.match_report_handle(actor=CuratorFactory(), report=report, pause_match=True,
                                 pause_mentor=True, resume_match=False, resolve=False,
                                 note="Revisando")  # fmt: skip
    match.refresh_from_db()
    with pytest.raises(MatchRefused, match="pausó"):
        services.match_message_send(user=mentor.user, match=match, body="Hola")
    mentor.refresh_from_db()
    assert mentor.pause == "staff" and not MentorProfile.objects.listed().filter(pk=mentor.pk)


def test_conduct_reports_are_rate_limited_like_job_reports(mentor, seeker):
    match = active_match(mentor, seeker)
    services.match_report(user=seeker, match=match, who="user:1", reason="status", details="")
    with pytest.raises(ReportLimitReached):
        services.match_report(user=seeker, match=match, who="user:1", reason="other", details="")
    with pytest.raises(PermissionDenied):
        services.match_report(user=UserFactory(), match=match, who="user:2", reason="other",
                              details="")  # fmt: skip
    assert MatchReport.objects.count() == 1


def test_the_staff_summary_shows_open_reports_and_requests_unanswered_for_a_week(mentor, seeker):
    match = active_match(mentor, seeker)
    services.match_report(user=seeker, match=match, who="user:1", reason="harassment", details="")
    old = Match.objects.create(mentor=listed_mentor(), mentee=UserFactory(),
                               requested_at=timezone.now() - timedelta(days=8))  # fmt: skip
    assert old.status == "requested"
    part = MatchesToWatch().collect()
    assert part is not None and part.reports == 1
    assert part.context["unanswered_count"] == 1
    curator = CuratorFactory(preferred_language="en")
    send_due()
    mail.outbox.clear()
    staff_summaries_queue()
    send_due()
    [summary] = [m for m in mail.outbox if m.to == [curator.email]]
    assert "1 open conduct report in mentoring" in summary.body
    assert "1 mentoring request unanswered for 7 days or more" in summary.body


def test_a_quiet_match_prompts_both_sides_once_per_quiet_spell(mentor, seeker):
    match = active_match(mentor, seeker)
    Match.objects.filter(pk=match.pk).update(last_activity_at=timezone.now() - timedelta(days=61))
    assert services.matches_prompt_quiet() == 1
    assert services.matches_prompt_quiet() == 0  # once per spell
    send_due()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[seeker.email] == "¿Seguir con su mentoría o cerrarla?"
    assert subjects[mentor.user.email] == "Go on with your mentoring match, or close it?"
    # A message starts a new spell; sixty quiet days later they are asked again.
    services.match_message_send(user=seeker, match=match, body="Sigo aquí")
    assert services.matches_prompt_quiet() == 0
    Match.objects.filter(pk=match.pk).update(
        quiet_prompted_at=timezone.now() - timedelta(days=70),
        last_activity_at=timezone.now() - timedelta(days=61),
    )
    assert services.matches_prompt_quiet() == 1


def test_deleting_a_mentors_account_closes_their_matches_and_tells_each_mentee(seeker):
    mentor = listed_mentor(capacity=3)
    other = UserFactory(preferred_language="en", display_name="Sam")
    active_match(mentor, seeker)
    services.match_request(user=other, mentor=mentor, goal="Help")
    send_due()
    mail.outbox.clear()

    account_delete(user=mentor.user)
    send_due()

    assert not Match.objects.exists() and not MentorProfile.objects.exists()
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == sorted(
        [
            (seeker.email, "Su mentoría ha terminado"),
            (other.email, "Your mentoring match has ended"),
        ]
    )
    assert "cerró su cuenta" in next(m.body for m in mail.outbox if m.to == [seeker.email])


def test_deleting_a_mentees_account_frees_the_mentors_seat(mentor, seeker):
    active_match(mentor, seeker)
    account_delete(user=seeker)
    assert seats(mentor) == 0
    send_due()
    assert mail.outbox[-1].to == [mentor.user.email]


def test_a_persons_download_has_their_matches_feedback_and_reports(mentor, seeker):
    match = active_match(mentor, seeker)
    services.match_contact_set(user=seeker, match=match, share_email=True, phone="312 555 0199")
    services.match_report(user=seeker, match=match, who="user:1", reason="money", details="$")
    entries = {entry.name: rows for entry, rows in export(seeker)}
    assert entries["mentorship_matches"][0]["shared"].endswith(", 312 555 0199")
    assert entries["mentorship_reports"][0]["details"] == "$"


def test_a_proposal_reminds_only_the_side_that_has_not_accepted(mentor, seeker):
    match = services.match_propose(actor=CuratorFactory(), mentor=mentor, mentee=seeker,
                                   goal="Oficio")  # fmt: skip
    services.match_accept(user=seeker, match=match)
    send_due()
    mail.outbox.clear()
    Delivery.objects.filter(key__startswith="match-answer-reminder").update(due_at=timezone.now())
    send_due()
    assert [m.to for m in mail.outbox] == [[mentor.user.email]]


def listed(mentor) -> bool:
    return MentorSearchEntry.objects.filter(pk=mentor.pk).exists()


def test_a_mentor_who_fills_up_leaves_the_list_and_comes_back_when_a_seat_frees(mentor, seeker):
    assert listed(mentor)
    match = active_match(mentor, seeker)  # the only seat
    assert not listed(mentor)
    services.match_complete(user=seeker, match=match)
    assert listed(mentor)


def test_staff_pausing_a_reported_mentor_takes_them_off_the_list(mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Licencia")
    report = services.match_report(
        user=seeker, match=match, who=f"user:{seeker.pk}", reason="money", details="Me pidió $200"
    )
    services.match_report_handle(
        actor=CuratorFactory(), report=report, pause_match=False, pause_mentor=True,
        resume_match=False, resolve=True, note="Paused while we talk to him",
    )  # fmt: skip
    assert MentorProfile.objects.get(pk=mentor.pk).pause == "staff"
    assert not listed(mentor)
