"""Claims: taking, releasing, lapsing and assigning items, from the services and from the
queue's form; two staff claiming the same item at once (PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone, translation

from apps.core.models import AuditEntry
from apps.curation.items import item_ref
from apps.curation.models import Claim
from apps.curation.queue_services import ClaimHeld, claim_assign, claim_release, claim_take
from tests.accounts.factories import CuratorFactory, LeadCuratorFactory, UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def pending_job():
    return JobFactory(status="pending", published_at=None, submitted_at=timezone.now())


@pytest.fixture
def curator():
    return CuratorFactory()


def test_a_claim_is_held_until_it_lapses(curator, settings):
    settings.CURATION_CLAIM_MINUTES = 30
    colleague, job = CuratorFactory(), pending_job()
    claim = claim_take(actor=curator, item=job)
    assert timedelta(minutes=29) < claim.expires_at - timezone.now() <= timedelta(minutes=30)
    with pytest.raises(ClaimHeld) as held:
        claim_take(actor=colleague, item=job)
    assert held.value.claim.claimed_by == curator

    Claim.objects.update(expires_at=timezone.now() - timedelta(seconds=1))  # it lapsed
    assert claim_take(actor=colleague, item=job).claimed_by == colleague
    assert Claim.objects.count() == 1
    assert AuditEntry.objects.filter(action="claim").count() == 2


def test_only_the_holder_or_a_lead_releases_a_claim(curator):
    colleague, lead, job = CuratorFactory(), LeadCuratorFactory(), pending_job()
    claim_take(actor=curator, item=job)
    with pytest.raises(PermissionDenied):
        claim_release(actor=colleague, item=job)
    assert claim_release(actor=curator, item=job)
    claim_take(actor=colleague, item=job)
    assert claim_release(actor=lead, item=job)  # a lead takes a claim back
    assert not Claim.objects.exists()
    assert not claim_release(actor=lead, item=job)  # nothing left to release


def test_only_leads_assign_and_only_to_curators(curator):
    lead, job = LeadCuratorFactory(), pending_job()
    claim_take(actor=curator, item=job)
    with pytest.raises(PermissionDenied):
        claim_assign(actor=curator, item=job, assignee=curator)
    with pytest.raises(ValueError):
        claim_assign(actor=lead, item=job, assignee=UserFactory())
    colleague = CuratorFactory()
    claim = claim_assign(actor=lead, item=job, assignee=colleague)
    assert (claim.claimed_by, claim.assigned_by) == (colleague, lead)
    entry = AuditEntry.objects.get(action="claim assign")
    assert (entry.actor, entry.note) == (lead, colleague.get_short_name())


def test_non_staff_cannot_claim():
    with pytest.raises(PermissionDenied):
        claim_take(actor=UserFactory(), item=pending_job())


def test_claiming_selected_items_from_the_queue(client, curator):
    colleague = CuratorFactory()
    jobs = [pending_job() for _ in range(3)]
    claim_take(actor=colleague, item=jobs[2])
    client.force_login(curator)
    response = client.post(
        "/en/curation/claims/take/",
        {"item": [item_ref(job) for job in jobs], "filters": "kind=jobs.job"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/en/curation/?kind=jobs.job"
    page = response.content.decode()
    assert "Claimed: 2." in page
    assert f"{colleague.get_short_name()} is already working on" in page
    holders = dict(Claim.objects.values_list("object_id", "claimed_by"))
    assert holders == {jobs[0].pk: curator.pk, jobs[1].pk: curator.pk, jobs[2].pk: colleague.pk}

    client.post("/en/curation/claims/release/", {"item": [item_ref(job) for job in jobs]})
    assert list(Claim.objects.values_list("claimed_by", flat=True)) == [colleague.pk]


@pytest.mark.parametrize(
    "ref", ["jobs.job:999999", "accounts.user:1", "jobs.jobreport:1", "nothing", "jobs.job:0"]
)
def test_anything_posted_that_is_not_an_item_of_the_queue_is_a_404(client, curator, ref):
    client.force_login(curator)
    response = client.post("/en/curation/claims/take/", {"item": [item_ref(pending_job()), ref]})
    assert response.status_code == 404
    assert not Claim.objects.exists()


def test_nothing_selected_or_no_colleague_chosen_says_so_and_keeps_the_selection(client):
    lead, job = LeadCuratorFactory(), pending_job()
    client.force_login(lead)
    response = client.post("/en/curation/claims/take/", {"filters": ""})
    assert "Choose at least one item first." in response.content.decode()
    response = client.post("/en/curation/claims/assign/", {"item": [item_ref(job)], "assignee": ""})
    page = response.content.decode()
    assert "Choose the colleague to assign them to." in page
    assert f'value="{item_ref(job)}" id="item-1" checked' in page
    assert not Claim.objects.exists()


def test_a_lead_assigns_from_the_queue_and_a_curator_may_not(client, curator):
    lead, job = LeadCuratorFactory(), pending_job()
    client.force_login(curator)
    data = {"item": [item_ref(job)], "assignee": str(curator.pk)}
    assert client.post("/en/curation/claims/assign/", data).status_code == 403
    client.force_login(lead)
    assert client.post("/en/curation/claims/assign/", data).status_code == 302
    assert Claim.objects.get().claimed_by == curator
    # the holder sees it as theirs, with who assigned it
    client.force_login(curator)
    page = client.get("/en/curation/?claimant=me").content.decode()
    assert f"assigned by {lead.get_short_name()}" in page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_staff_claiming_the_same_item_at_once_one_wins():
    job = pending_job()
    people = [CuratorFactory(), CuratorFactory()]
    barrier = threading.Barrier(2)
    results = []

    def claim(person):
        try:
            barrier.wait()
            claim_take(actor=person, item=job)
            results.append("claimed")
        except ClaimHeld as held:
            results.append(("told", held.claim.claimed_by_id))
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winner = Claim.objects.get()
    assert sorted(results, key=str) == sorted(["claimed", ("told", winner.claimed_by_id)], key=str)
    assert AuditEntry.objects.filter(action="claim").count() == 1


def test_an_items_page_for_staff_leads_to_its_claim_where_staff_take_and_release_it(
    client, curator
):
    job = JobFactory(status="pending", published_at=None, title_en="Line cook")
    claim_page = f"/en/curation/claims/{item_ref(job)}/"
    client.force_login(curator)
    manage = client.get(job.get_manage_url()).content.decode()
    assert f'/curation/claims/{item_ref(job)}/"' in manage
    page = client.get(claim_page).content.decode()
    assert "Nobody is working on it." in page and 'value="take"' in page

    page = client.post(claim_page, {"action": "take"}, follow=True).content.decode()
    assert "You are working on it." in page and 'value="release"' in page
    assert Claim.objects.get().claimed_by == curator

    # a colleague sees who holds it and cannot take it; a lead may take it back
    colleague = CuratorFactory(display_name="Rosa")
    client.force_login(colleague)
    page = client.get(claim_page).content.decode()
    assert f"{curator.get_short_name()} is working on it." in page
    assert 'value="take"' not in page and 'value="release"' not in page
    page = client.post(claim_page, {"action": "take"}, follow=True).content.decode()
    assert "is already working on “Line cook”" in page
    assert Claim.objects.get().claimed_by == curator
    client.force_login(LeadCuratorFactory())
    client.post(claim_page, {"action": "release"})
    assert not Claim.objects.exists()
    with translation.override("es"):
        client.force_login(curator)
        page = client.get(f"/es/curation/claims/{item_ref(job)}/").content.decode()
    assert "Nadie está trabajando en esto." in page
