"""Know-your-rights guides: what the public reads (published only, sanitised, with when Camino
staff last reviewed it), and how staff write and review them."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from apps.core.markdown import markdown_html
from apps.core.models import AuditEntry
from apps.core.verification import overdue, overdue_counts
from apps.legal.guide_setup import GUIDES_CHECKED
from apps.legal.models import Guide
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import GuideFactory

pytestmark = pytest.mark.django_db

ATTACKS = """## Derechos

<script>alert('script')</script>
<img src="x.png" onerror="alert('onerror')">
<iframe src="https://evil.example.org/"></iframe>
<p style="position:fixed" onclick="alert('click')">Texto</p>
<style>body { display: none }</style>
[un enlace](javascript:alert('link')) y [otro](https://www.dol.gov/agencies/whd)
"""


# Sanitising -------------------------------------------------------------------------------


def test_markdown_keeps_headings_lists_emphasis_and_links():
    html = markdown_html("# Título\n\n- **uno**\n- *dos*\n\n[DOL](https://www.dol.gov/)")

    assert "<h2>Título</h2>" in html  # the page's title is its only h1
    assert "<li><strong>uno</strong></li>" in html and "<li><em>dos</em></li>" in html
    assert '<a href="https://www.dol.gov/" rel="nofollow noopener">DOL</a>' in html


def test_scripts_handlers_styles_iframes_images_and_javascript_links_are_removed():
    html = markdown_html(ATTACKS)

    for removed in ("<script", "alert(", "onerror", "onclick", "<iframe", "evil.example",
                    "style", "display: none", "<img", "javascript:"):  # fmt: skip
        assert removed not in html, removed
    assert "<p>Texto</p>" in html
    assert '<a href="https://www.dol.gov/agencies/whd" rel="nofollow noopener">otro</a>' in html


def test_a_link_cannot_choose_its_own_rel_or_target():
    html = markdown_html('<a href="https://x.example.org/" rel="opener" target="_blank">x</a>')

    assert html == ('<p><a href="https://x.example.org/" rel="nofollow noopener">x</a></p>')


# Public pages -----------------------------------------------------------------------------


def test_the_list_shows_published_guides_with_their_review_date(client):
    guide = GuideFactory(reviewed_at=timezone.now() - timedelta(days=3))
    hidden = GuideFactory(published=False)

    response = client.get("/en/legal/guides/")

    page = response.content.decode()
    assert guide.title_en in page and hidden.title_en not in page
    assert "Last reviewed on " in page and "by Camino staff" in page
    assert guide.reviewed_by.email not in page
    assert 'href="/en/legal/help/"' in page  # the guided entry


def test_a_guide_shows_its_sanitised_text_and_who_reviewed_it_without_their_email(client):
    guide = GuideFactory(body_es=ATTACKS, reviewed_at=timezone.now() - timedelta(days=10))

    response = client.get(f"/es/legal/guides/{guide.slug}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>" + guide.title_es in page
    assert "alert(" not in page and "<iframe" not in page and "onerror" not in page
    assert "por el personal de Camino" in page
    assert guide.reviewed_by.email not in page and guide.reviewed_by.display_name not in page
    assert "no es consejo legal" in page


def test_an_unpublished_guide_is_a_404_for_the_public_and_shown_to_staff(client):
    guide = GuideFactory(published=False)

    assert client.get(f"/es/legal/guides/{guide.slug}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/es/legal/guides/{guide.slug}/").status_code == 404
    client.force_login(CuratorFactory())
    response = client.get(f"/es/legal/guides/{guide.slug}/")
    assert response.status_code == 200
    assert "Sin publicar" in response.content.decode()


def test_guides_print_without_navigation_and_with_the_address_of_each_link(client):
    guide = GuideFactory()
    page = client.get(f"/en/legal/guides/{guide.slug}/").content.decode()
    assert 'href="/static/css/camino.css"' in page

    css = Path(finders.find("css/camino.css")).read_text()
    printing = css[css.index("@media print") :]
    assert ".site-header, .site-footer" in printing and "display: none" in printing
    assert 'content: " (" attr(href) ")"' in printing
    # What the print stylesheet hides on a guide: the links for the screen and staff tools.
    assert 'class="guide-links no-print"' in page


# Staff write and review -------------------------------------------------------------------


def form_data(**changes):
    data = {
        "topic": "itin",
        "title_es": "Lo básico del ITIN",
        "title_en": "ITIN basics",
        "summary_es": "Qué es el ITIN.",
        "summary_en": "What the ITIN is.",
        "body_es": "## Qué es\n\nUn número del IRS. <script>alert(1)</script>",
        "body_en": "## What it is\n\nA number from the IRS.",
        "slug": "itin-basics",
        "published": "on",
    }
    return {**data, **changes}


def test_staff_preview_both_languages_without_saving(client):
    client.force_login(CuratorFactory())

    response = client.post("/es/legal/guides/staff/new/", {**form_data(), "preview": "1"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Qué es</h2>" in page and "<h2>What it is</h2>" in page
    assert "alert(1)</script>" not in page.split("<form")[0]  # the preview is sanitised
    assert not Guide.objects.exists()


def test_staff_write_a_guide_which_counts_as_reviewed_by_them(client):
    curator = CuratorFactory()
    client.force_login(curator)

    response = client.post("/es/legal/guides/staff/new/", form_data())

    guide = Guide.objects.get()
    assert response.status_code == 302 and response["Location"] == "/es/legal/guides/itin-basics/"
    assert (guide.title_en, guide.reviewed_by, guide.published) == ("ITIN basics", curator, True)
    assert AuditEntry.objects.filter(object_id=guide.pk, action="create", actor=curator).exists()


def test_staff_edits_reach_the_cached_public_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_TIMEOUT = 300
    guide = GuideFactory(title_es="Antes")
    page = f"/es/legal/guides/{guide.slug}/"
    assert "Antes" in client.get(page).content.decode()
    curator = CuratorFactory()
    staff = Client()
    staff.force_login(curator)

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/es/legal/guides/staff/{guide.pk}/edit/",
            form_data(slug=guide.slug, title_es="Después"),
        )

    assert "Después" in client.get(page).content.decode()
    assert AuditEntry.objects.filter(object_id=guide.pk, action="edit", actor=curator).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"body_es": ""}, "body_es", "Este campo es obligatorio."),
        ({"body_en": "x" * (1024 * 1024)}, "body_en", "tenga menos de 20000 caracteres"),
        ({"slug": "staff"}, "slug", "Esa dirección la usan las páginas de Camino."),
        ({"slug": "no spaces!"}, "slug", "slug"),
    ],
)
def test_bad_input_is_a_translated_error_and_nothing_typed_is_lost(client, changes, field, message):
    client.force_login(CuratorFactory())
    data = form_data(**changes)

    response = client.post("/es/legal/guides/staff/new/", data)

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors and message in str(form.errors[field])
    page = response.content.decode()
    for name, value in data.items():  # everything typed is shown back, to fix and send again
        assert escape(value) in page, name
    assert not Guide.objects.exists()


def test_staff_mark_a_stale_guide_as_reviewed(client):
    guide = GuideFactory(reviewed_at=timezone.now() - timedelta(days=400))
    assert guide.is_stale and list(overdue(GUIDES_CHECKED)) == [guide]
    curator = CuratorFactory()
    client.force_login(curator)
    staff_page = client.get("/es/legal/guides/staff/").content.decode()
    assert "Hace más de un año: revísela" in staff_page

    response = client.post(f"/es/legal/guides/staff/{guide.pk}/review/")

    guide.refresh_from_db()
    assert response["Location"] == "/es/legal/guides/staff/"
    assert not guide.is_stale and guide.reviewed_by == curator
    assert not overdue(GUIDES_CHECKED).exists()
    assert AuditEntry.objects.filter(object_id=guide.pk, action="still_correct").count() == 1


def test_only_staff_may_write_or_review(client):
    guide = GuideFactory(reviewed_at=timezone.now() - timedelta(days=400))
    client.force_login(UserFactory())

    assert client.post("/es/legal/guides/staff/new/", form_data()).status_code == 403
    assert client.post(f"/es/legal/guides/staff/{guide.pk}/review/").status_code == 403
    guide.refresh_from_db()
    assert guide.is_stale and not Guide.objects.exclude(pk=guide.pk).exists()


def test_a_reviewer_who_deletes_their_account_leaves_the_guide_in_place():
    from apps.accounts.services import account_delete

    guide = GuideFactory()
    account_delete(user=guide.reviewed_by)

    guide.refresh_from_db()
    assert guide.reviewed_by is None and guide.reviewed_at is not None


def test_published_stale_guides_wait_in_the_shared_stale_queue(client, settings):
    settings.LEGAL_GUIDE_STALE_AFTER_MONTHS = 6
    stale = GuideFactory(title_es="Guía vieja", reviewed_at=timezone.now() - timedelta(days=200))
    GuideFactory(title_es="Guía sin publicar", published=False, reviewed_at=None)
    GuideFactory(title_es="Guía al día", reviewed_at=timezone.now() - timedelta(days=100))
    client.force_login(CuratorFactory())
    assert overdue_counts()["legal-guides"] == 1

    queue = client.get("/es/review/stale/legal-guides/").content.decode()
    assert "Guía vieja" in queue and "sin publicar" not in queue and "al día" not in queue
    client.post(f"/es/review/stale/legal-guides/{stale.pk}/", {"note": "Teléfonos del DOL"})

    stale.refresh_from_db()
    assert not stale.is_stale and overdue_counts()["legal-guides"] == 0
    note = AuditEntry.objects.get(object_id=stale.pk, action="still_correct").note
    assert note == "Teléfonos del DOL"


def test_the_staff_summary_counts_guides_to_check_again(django_capture_on_commit_callbacks):
    from django.core import mail

    from apps.notifications.summary import staff_summaries_queue

    curator = CuratorFactory(preferred_language="es")
    GuideFactory(reviewed_at=timezone.now() - timedelta(days=400), reviewed_by=curator)

    with django_capture_on_commit_callbacks(execute=True):
        staff_summaries_queue(now=timezone.now())

    (message,) = mail.outbox
    assert "* Guías sobre sus derechos: 1" in message.body


def test_a_guide_has_a_printable_page_with_its_disclaimer_and_without_navigation(client):
    guide = GuideFactory()
    page = client.get(f"/es/legal/guides/{guide.slug}/").content.decode()
    assert f'href="/es/legal/guides/{guide.slug}/print/"' in page

    printable = client.get(f"/es/legal/guides/{guide.slug}/print/").content.decode()

    assert "<h1>" + guide.title_es in printable and "<h2>Le deben pagar</h2>" in printable
    assert "no es consejo legal" in printable
    assert 'class="guide-links no-print"' not in printable  # the legal help links stay off
    assert f'href="/es/legal/guides/{guide.slug}/"' in printable  # back to the guide
