"""The guided entry: each plain question lands on the directory with filters the directory
knows (ServiceCode), and the page asks nothing and keeps nothing."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from apps.legal.guided import QUESTIONS
from apps.legal.vocabulary import ServiceCode

pytestmark = pytest.mark.django_db


def test_every_question_filters_on_known_services_only():
    assert len({question.key for question in QUESTIONS}) == len(QUESTIONS) >= 9
    for question in QUESTIONS:
        filters = parse_qs(question.query, strict_parsing=True)
        assert set(filters) == {"service"}, question.key
        assert set(filters["service"]) <= set(ServiceCode.values), question.key


@pytest.mark.parametrize(
    ("key", "service"),
    [
        ("not_paid", "wage_theft"),
        ("hurt", "workplace_injury"),
        ("court_date", "removal_defense"),
        ("detained", "detained"),
        ("daca", "daca_renewal"),
        ("work_permit", "work_permit"),
        ("eviction", "tenant_rights"),
        ("taxes", "itin_taxes"),
        ("not_sure", "consultation"),
    ],
)
def test_each_question_lands_on_the_service_that_answers_it(key, service):
    question = next(question for question in QUESTIONS if question.key == key)
    assert question.query == f"service={service}"


def test_the_page_links_each_question_to_the_filtered_directory(client):
    response = client.get("/es/legal/help/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "No me pagaron por mi trabajo" in page
    directory = reverse("legal:directory")
    for question in QUESTIONS:
        url = question.url
        assert urlsplit(url).path == directory and f'href="{url}"' in page.replace("&amp;", "&")
        # The directory's own form reads these filters back without an error.
        assert client.get(url).status_code == 200
    # Nothing to fill in: the answers are links, never stored.
    assert "<form" not in page.split("<main")[1].split("</main>")[0].replace(
        'class="language-switcher"', ""
    )
    assert 'href="/es/legal/notarios/"' in page
