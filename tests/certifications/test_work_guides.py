"""Work-on-your-own guides (apps.certifications, on the shared guide type apps.core.guides):
what the public reads, the credentials a guide names, printing, what staff write and review,
the stale queue, personal data, and the links from pages about a kind of work."""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation

from apps.certifications.guide_setup import WORK_GUIDES, guides_link
from apps.certifications.models import WorkGuide, WorkGuideTopic
from apps.core.guides import guide_type_of, guide_types
from apps.core.models import AuditEntry
from apps.core.personal_data import export
from apps.core.registry import category_links
from apps.core.verification import overdue, overdue_counts
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import CredentialFactory, WorkGuideFactory
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db

ATTACKS = """## Impuestos

<script>alert('script')</script>
<img src="x.png" onerror="alert('onerror')">
[un enlace](javascript:alert('link')) y [el IRS](https://www.irs.gov/)
"""


def test_work_guides_are_a_registered_guide_type():
    assert guide_types["work-guides"] is WORK_GUIDES
    assert guide_type_of(WorkGuide) is WORK_GUIDES
    guide = WorkGuideFactory(slug="taxes")
    with translation.override("en"):
        assert guide.get_absolute_url() == "/en/careers/guides/taxes/"


# Public pages -----------------------------------------------------------------------------


def test_the_list_shows_published_guides_with_the_free_tax_help(client):
    guide = WorkGuideFactory(reviewed_at=timezone.now() - timedelta(days=3))
    hidden = WorkGuideFactory(published=False)

    page = client.get("/es/careers/guides/").content.decode()

    assert guide.title_es in page and hidden.title_es not in page
    assert "Trabajar por su cuenta" in page and "por el personal de Camino" in page
    assert "VITA" in page and "1-800-906-9887" in page
    assert guide.reviewed_by.email not in page


def test_a_guide_is_sanitised_and_says_it_is_not_legal_or_tax_advice(client):
    guide = WorkGuideFactory(body_en=ATTACKS)

    response = client.get(f"/en/careers/guides/{guide.slug}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>" + guide.title_en in page and "<h2>Impuestos</h2>" in page
    for removed in ("<script", "alert(", "onerror", "<img", "javascript:"):
        assert removed not in page.split('<div class="guide__body">')[1], removed
    assert '<a href="https://www.irs.gov/" rel="nofollow noopener">el IRS</a>' in page
    assert "not legal or tax advice" in page
    assert f'href="/en/careers/guides/{guide.slug}/print/"' in page


def test_a_guide_names_its_published_credentials_at_the_end(client):
    shown = CredentialFactory(name_en="Contractor's license",
                              summary_en="To work on your own in construction.")  # fmt: skip
    draft = CredentialFactory(name_en="Draft credential", published=False)
    guide = WorkGuideFactory()
    guide.credentials.set([shown, draft])

    page = client.get(f"/en/careers/guides/{guide.slug}/").content.decode()

    assert "Credentials that lead here" in page
    assert "Contractor&#x27;s license" in page and "To work on your own" in page
    assert "Draft credential" not in page


def test_a_guide_without_credentials_has_no_credentials_section(client):
    guide = WorkGuideFactory()
    page = client.get(f"/en/careers/guides/{guide.slug}/").content.decode()
    assert "Credentials that lead here" not in page


def test_an_unpublished_guide_is_a_404_for_the_public_and_shown_to_staff(client):
    guide = WorkGuideFactory(published=False)

    for url in (f"/es/careers/guides/{guide.slug}/", f"/es/careers/guides/{guide.slug}/print/"):
        assert client.get(url).status_code == 404
    client.force_login(CuratorFactory())
    response = client.get(f"/es/careers/guides/{guide.slug}/")
    assert response.status_code == 200 and "Sin publicar" in response.content.decode()


def test_the_printable_guide_has_its_text_disclaimer_and_help_without_the_links_for_the_screen(
    client,
):
    guide = WorkGuideFactory()
    guide.credentials.set([CredentialFactory(name_es="Licencia de contratista")])

    page = client.get(f"/es/careers/guides/{guide.slug}/print/").content.decode()

    assert "<h2>Cómo pedirlo</h2>" in page and "Licencia de contratista" in page
    assert "no es consejo legal ni de impuestos" in page and "VITA" in page
    assert "Versión para imprimir" not in page
    assert "Todas las guías para trabajar por su cuenta" not in page
    assert f'href="/es/careers/guides/{guide.slug}/"' in page  # back to the guide


# Staff write and review -------------------------------------------------------------------


def form_data(**changes):
    data = {
        "topic": "llc",
        "title_es": "Formar una LLC",
        "title_en": "Forming an LLC",
        "summary_es": "Cómo formar una LLC.",
        "summary_en": "How to form an LLC.",
        "body_es": "## Los pasos\n\nPresente los artículos de organización.",
        "body_en": "## The steps\n\nFile articles of organization.",
        "slug": "forming-an-llc",
        "published": "on",
    }
    return {**data, **changes}


def test_staff_write_a_guide_with_its_credentials(client):
    curator = CuratorFactory()
    license_ = CredentialFactory()
    client.force_login(curator)

    response = client.post(
        "/es/careers/guides/staff/new/", form_data(credentials=[str(license_.pk)])
    )

    guide = WorkGuide.objects.get()
    assert response["Location"] == "/es/careers/guides/forming-an-llc/"
    assert (guide.title_en, guide.reviewed_by, guide.published) == ("Forming an LLC", curator, True)
    assert list(guide.credentials.all()) == [license_]
    assert AuditEntry.objects.filter(object_id=guide.pk, action="create", actor=curator).exists()


def test_staff_edits_reach_the_cached_public_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_TIMEOUT = 300
    guide = WorkGuideFactory(title_es="Antes")
    page = f"/es/careers/guides/{guide.slug}/"
    assert "Antes" in client.get(page).content.decode()
    staff = Client()
    staff.force_login(CuratorFactory())

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/es/careers/guides/staff/{guide.pk}/edit/",
            form_data(slug=guide.slug, title_es="Después", credentials=[]),
        )

    assert "Después" in client.get(page).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title_en": ""}, "title_en", "Este campo es obligatorio."),
        ({"body_es": "x" * 30_000}, "body_es", "tenga menos de 20000 caracteres"),
        ({"slug": "staff"}, "slug", "Esa dirección la usan las páginas de Camino."),
        ({"topic": "immigration_status"}, "topic", "no es una de las opciones"),
        ({"credentials": ["999999"]}, "credentials", "no es una de las opciones"),
        ({"credentials": ["x"]}, "credentials", "no es un valor válido"),
    ],
)
def test_bad_input_is_a_translated_error_and_nothing_typed_is_lost(client, changes, field, message):
    client.force_login(CuratorFactory())

    response = client.post("/es/careers/guides/staff/new/", form_data(**changes))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors and message in str(form.errors[field])
    page = response.content.decode()
    for name in ("title_es", "summary_en", "body_en"):
        assert form_data(**changes)[name][:200] in page
    assert not WorkGuide.objects.exists()


def test_html_typed_by_staff_is_shown_as_text_in_the_list(client):
    WorkGuideFactory(title_es="<b>Negrita</b>", summary_es="<script>alert(1)</script>")
    page = client.get("/es/careers/guides/").content.decode()
    assert "&lt;b&gt;Negrita&lt;/b&gt;" in page and "<script>alert(1)" not in page


def test_published_stale_guides_wait_in_the_stale_queue_for_twelve_months(client):
    stale = WorkGuideFactory(
        title_es="Guía vieja", reviewed_at=timezone.now() - timedelta(days=370)
    )
    WorkGuideFactory(title_es="Guía al día", reviewed_at=timezone.now() - timedelta(days=330))
    WorkGuideFactory(title_es="Guía sin publicar", published=False, reviewed_at=None)
    assert list(overdue(WORK_GUIDES.checked)) == [stale] and stale.is_stale
    client.force_login(CuratorFactory())

    queue = client.get("/es/review/stale/work-guides/").content.decode()
    assert "Guía vieja" in queue and "al día" not in queue and "sin publicar" not in queue
    assert "Guías para trabajar por su cuenta" in queue
    client.post(f"/es/careers/guides/staff/{stale.pk}/review/")

    stale.refresh_from_db()
    assert not stale.is_stale and overdue_counts()["work-guides"] == 0
    assert AuditEntry.objects.filter(object_id=stale.pk, action="still_correct").count() == 1


def test_the_staff_list_shows_the_longest_unreviewed_first(client):
    WorkGuideFactory(title_es="Reciente")
    WorkGuideFactory(title_es="Vieja", reviewed_at=timezone.now() - timedelta(days=400))
    client.force_login(CuratorFactory())

    page = client.get("/es/careers/guides/staff/").content.decode()

    assert page.index("Vieja") < page.index("Reciente")
    assert "Hace más de un año: revísela" in page
    assert 'href="/es/review/stale/work-guides/"' in page


def test_who_last_reviewed_a_guide_is_in_their_download_and_the_guide_stays_when_they_go():
    from apps.accounts.services import account_delete

    guide = WorkGuideFactory()
    exported = {entry.name: rows for entry, rows in export(guide.reviewed_by)}
    assert [row["guide"] for row in exported["work_guides_reviewed"]] == [guide.title]

    account_delete(user=guide.reviewed_by)

    guide.refresh_from_db()
    assert guide.reviewed_by is None and guide.reviewed_at is not None


# Links from pages about a kind of work ----------------------------------------------------


def test_a_page_open_to_all_links_to_the_guides_and_others_do_not():
    link = category_links["work-guides"]
    with translation.override("en"):
        assert link.url("construction", "open") == "/en/careers/guides/"
        assert str(link.label) == "Working on your own with an ITIN: guides"
    with translation.override("es"):
        assert guides_link("food", "open") == "/es/careers/guides/"
    for label in ("ead", "required", "unclear", ""):
        assert link.url("construction", label) == ""


def test_the_pathway_box_links_to_the_guides():
    with translation.override("es"):
        html = render_to_string("certifications/includes/pathway_guides.html")
    assert 'href="/es/careers/guides/"' in html and "ITIN" in html


# Demo -------------------------------------------------------------------------------------


def test_the_demo_has_reviewed_guides_on_every_topic_in_both_languages(client):
    load_demo()

    guides = WorkGuide.objects.filter(published=True)
    assert guides.count() >= 6
    assert {guide.topic for guide in guides} == set(WorkGuideTopic.values)
    for guide in guides:
        assert guide.reviewed_by.email == "staff@example.org" and not guide.is_stale
        for code in ("es", "en"):
            assert getattr(guide, f"body_{code}") and getattr(guide, f"title_{code}")
    text = " ".join(guide.body_en for guide in guides)
    for fact in ("Form W-7", "1099-NEC", "Schedule C", "Schedule SE", "1040-ES", "Form SS-4",
                 "Secretary of State", "seller's permit"):  # fmt: skip
        assert fact in text, fact
    assert client.get("/en/careers/guides/working-with-an-itin/").status_code == 200
