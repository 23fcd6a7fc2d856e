"""Saving a job search, and changing a saved one: a search with a filter to fix is not saved
without it, the same filters are saved once, and each search's name and frequency can be
changed on the saved searches page."""

import re
from html import escape

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from apps.jobs.models import SavedSearch
from apps.jobs.services import SearchAlreadySaved, saved_search_create, saved_search_like
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def save_form_query(page) -> str:
    """The filters the job list's "save this search" form sends, as the browser sends them."""
    html = page.content.decode()
    return re.search(r'name="query" value="([^"]*)"', html)[1].replace("&amp;", "&")


@pytest.mark.parametrize(
    ("language", "told", "problem"),
    [
        ("en", "This search was not saved: fix the filters marked on the page",
         "Near ZIP code: We do not know the ZIP code 7703. Check it and try again."),
        ("es", "Esta búsqueda no se guardó: corrija los filtros señalados en la página",
         "Cerca del código postal: No conocemos el código postal 7703. Revíselo e inténtelo de "
         "nuevo."),
    ],
)  # fmt: skip
def test_a_search_with_a_mistyped_zip_is_not_saved_and_keeps_what_was_typed(
    client, language, told, problem
):
    """Before, the save form left the ZIP code out and saved "q=cook&radius=10": alerts about
    every cook job in the country."""
    client.force_login(UserFactory())
    page = client.get(f"/{language}/jobs/?q=cook&zip=7703&radius=10")
    assert save_form_query(page) == "q=cook&radius=10&zip=7703"
    assert problem in page.content.decode()  # said under the results, before anyone saves

    response = client.post(
        f"/{language}/jobs/searches/new/",
        {"name": "Cook Houston", "frequency": "weekly", "query": save_form_query(page)},
    )

    assert not SavedSearch.objects.exists()
    assert response["Location"] == f"/{language}/jobs/?q=cook&radius=10&zip=7703#save-search"
    landed = client.get(response["Location"]).content.decode()
    assert told in landed
    assert problem in landed
    assert 'name="name" value="Cook Houston"' in landed
    assert re.search(r'value="weekly"[^>]* checked', landed)
    # Shown once: the page after it offers a clean form again.
    again = client.get(response["Location"]).content.decode()
    assert 'value="Cook Houston"' not in again


@pytest.mark.parametrize(
    "query",
    ["zip=7703", "authorization=gone", "min_pay=abc", "zip=77036&radius=900", "q=" + "x" * 201],
)
def test_a_search_whose_filters_cannot_all_be_used_is_not_saved(client, query):
    """Before, "zip=7703" was saved with no filter at all: an email for every new job."""
    client.force_login(UserFactory())
    client.post("/en/jobs/searches/new/", {"name": "Mine", "frequency": "daily", "query": query})
    assert not SavedSearch.objects.exists()


def test_a_wrong_sort_order_does_not_stop_saving(client):
    """The order is not part of a saved search."""
    user = UserFactory()
    client.force_login(user)
    page = client.get("/en/jobs/?q=cook&sort=sideways")
    assert "first fix these filters" not in page.content.decode()
    client.post(
        "/en/jobs/searches/new/",
        {"name": "Cook", "frequency": "daily", "query": save_form_query(page)},
    )
    assert SavedSearch.objects.get(user=user).query == "q=cook"


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", 'You already saved this search as "Cook Houston".'),
        ("es", 'Ya guardó esta búsqueda como "Cook Houston".'),
    ],
)
def test_the_same_filters_saved_again_are_kept_once_and_the_person_told_under_which_name(
    client, language, told
):
    """Before, saving "Cook Houston" twice made two searches, and each alert came twice."""
    user = UserFactory()
    client.force_login(user)
    url = f"/{language}/jobs/searches/new/"
    client.post(url, {"name": "Cook Houston", "frequency": "daily", "query": "q=cook&zip=77036"})

    response = client.post(
        url,
        {"name": "Other", "frequency": "weekly", "query": "zip=77036&radius=25&q=cook"},
        follow=True,
    )

    search = SavedSearch.objects.get(user=user)
    assert (search.name, search.frequency) == ("Cook Houston", "daily")
    assert response.redirect_chain[-1][0] == f"/{language}/jobs/searches/"
    assert escape(told) in response.content.decode()


def test_filters_given_in_another_order_are_the_same_search(client):
    user = UserFactory()
    client.force_login(user)
    for query in [
        "authorization=open&authorization=ead&type=full_time",
        "type=full_time&authorization=ead&authorization=open&authorization=ead",
    ]:
        client.post("/en/jobs/searches/new/", {"name": "EAD", "frequency": "daily", "query": query})
    assert list(SavedSearch.objects.values_list("query", flat=True)) == [
        "authorization=ead&authorization=open&type=full_time"
    ]


def test_other_people_may_save_the_same_search(client):
    for email in ["ana@example.org", "luis@example.org"]:
        client.force_login(UserFactory(email=email))
        client.post("/en/jobs/searches/new/", {"name": "Cook", "frequency": "daily",
                                               "query": "q=cook"})  # fmt: skip
    assert SavedSearch.objects.count() == 2


def test_the_database_keeps_a_persons_filters_once():
    user = UserFactory()
    SavedSearch.objects.create(user=user, name="Cook", query="q=cook")
    with pytest.raises(IntegrityError):
        SavedSearch.objects.create(user=user, name="Cook again", query="q=cook")


def test_two_saves_at_once_keep_one_search(monkeypatch):
    """The other request (a double click) saves the same search between this one's check
    and its insert: the insert is refused, and the person told it is already saved."""
    user = UserFactory()
    checks = []

    def other_request_first(person, query):
        checks.append(query)
        if len(checks) == 1:  # this request's check: nothing yet; then the other one saves
            SavedSearch.objects.create(user=person, name="First", query=query)
            return None
        return saved_search_like(person, query)

    monkeypatch.setattr("apps.jobs.services.saved_search_like", other_request_first)
    with pytest.raises(SearchAlreadySaved) as already:
        saved_search_create(user=user, search=SavedSearch(name="Second", query="q=cook"))
    assert already.value.search.name == "First"
    assert SavedSearch.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "told", "how_often"),
    [
        ("en", 'Changes saved. We will email you new jobs for "Cooking" every week.',
         "Every week"),
        ("es", 'Cambios guardados. Le enviaremos por correo los empleos nuevos de "Cooking" '
         "cada semana.", "Cada semana"),
    ],
)  # fmt: skip
def test_a_saved_search_gets_a_new_name_and_frequency_on_the_saved_searches_page(
    client, language, told, how_often
):
    """Before, the page only offered to delete a search, though the preferences page said
    how often alerts come is set for each one."""
    user = UserFactory()
    search = SavedSearch.objects.create(user=user, name="Cook", query="q=cook", frequency="daily")
    client.force_login(user)
    page = client.get(f"/{language}/jobs/searches/").content.decode()
    assert f'action="/{language}/jobs/searches/{search.pk}/edit/"' in page
    assert f'id="search-{search.pk}-name"' in page

    response = client.post(
        f"/{language}/jobs/searches/{search.pk}/edit/",
        {"name": "Cooking", "frequency": "weekly"},
        follow=True,
    )

    search.refresh_from_db()
    assert (search.name, search.frequency, search.query) == ("Cooking", "weekly", "q=cook")
    assert response.redirect_chain[-1][0] == f"/{language}/jobs/searches/"
    html = response.content.decode()
    assert escape(told) in html
    assert how_often in html


@pytest.mark.parametrize(
    ("language", "told", "required"),
    [
        ("en", "The changes were not saved.", "This field is required."),
        ("es", "Los cambios no se guardaron.", "Este campo es obligatorio."),
    ],
)
def test_a_change_without_a_name_is_explained_and_keeps_what_was_chosen(
    client, language, told, required
):
    user = UserFactory()
    search = SavedSearch.objects.create(user=user, name="Cook", query="q=cook", frequency="daily")
    other = SavedSearch.objects.create(user=user, name="Driver", query="q=driver")
    client.force_login(user)

    response = client.post(
        f"/{language}/jobs/searches/{search.pk}/edit/", {"name": " ", "frequency": "weekly"}
    )

    assert response.status_code == 200
    search.refresh_from_db()
    assert (search.name, search.frequency) == ("Cook", "daily")
    html = response.content.decode()
    assert told in html and required in html
    assert re.search(rf'id="search-{search.pk}-frequency_1"[^>]* checked', html)
    assert f'id="search-{other.pk}-name"' in html  # the other searches are still listed


def test_another_persons_search_cannot_be_changed(client):
    search = SavedSearch.objects.create(user=UserFactory(), name="Mía", query="q=x")
    client.force_login(UserFactory())
    response = client.post(
        f"/es/jobs/searches/{search.pk}/edit/", {"name": "Robada", "frequency": "weekly"}
    )
    assert response.status_code == 404
    search.refresh_from_db()
    assert (search.name, search.frequency) == ("Mía", "daily")


@pytest.mark.parametrize("pk", ["abc", "-1", "1.0"])
def test_changing_a_search_whose_id_is_not_one_is_a_404(client, pk):
    client.force_login(UserFactory())
    response = client.post(f"/es/jobs/searches/{pk}/edit/", {"name": "x", "frequency": "daily"})
    assert response.status_code == 404


def test_the_saved_searches_page_shown_again_after_a_mistake_runs_a_fixed_number_of_queries(
    client,
):
    """As the page itself (tests/test_query_counts.py): each search's form costs no query."""
    user = UserFactory()
    client.force_login(user)
    counts = []
    for total in (2, 30):
        while SavedSearch.objects.filter(user=user).count() < total:
            number = SavedSearch.objects.count()
            SavedSearch.objects.create(user=user, name=f"Cook {number}", query=f"q=cook{number}")
        search = SavedSearch.objects.filter(user=user).first()
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                f"/en/jobs/searches/{search.pk}/edit/", {"name": "", "frequency": "daily"}
            )
        assert response.status_code == 200
        assert response.content.decode().count('class="card saved-search"') == total
        counts.append(len(queries))
    assert counts[0] == counts[1]
