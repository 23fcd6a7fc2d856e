"""The notario fraud warning, in plain Spanish and English: who may give immigration advice,
what a notary may not do, the warning signs, and where to report, as plain links."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db

REPORT_LINKS = (
    'href="https://www.naag.org/find-my-ag/"',
    'href="https://reportfraud.ftc.gov/"',
    'href="https://www.justice.gov/eoir/fraud-and-abuse-prevention-program"',
    'href="https://www.justice.gov/eoir/recognition-accreditation-roster-reports"',
)


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("es", ["Evite el fraude de los notarios", "Quién puede ayudarle legalmente",
                "Lo que un notario público no puede hacer", "Señales de alerta",
                "Le piden efectivo", "Le prometen resultados",
                "Se quedan con sus documentos originales", "contactos especiales",
                "Le dicen que mienta", "El fiscal general de su estado"]),
        ("en", ["Avoid notario fraud", "Who may legally help you",
                "What a notary public may not do", "Warning signs", "They ask for cash",
                "They promise results", "They keep your original documents",
                "special contacts", "They tell you to lie", "Your state attorney general"]),
    ],
)  # fmt: skip
def test_the_warning_page_in_each_language(client, language, phrases):
    response = client.get(f"/{language}/legal/notarios/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page
    for phrase in phrases:
        assert phrase in page, phrase
    for link in REPORT_LINKS:
        assert link in page
    assert "<script" not in page  # nothing loaded from elsewhere, works without JavaScript


def test_the_short_warning_links_to_the_full_page():
    with translation.override("es"):
        html = render_to_string("legal/includes/notario_warning.html")

    assert 'href="/es/legal/notarios/"' in html
    assert "Cuidado con los “notarios”" in html
    assert html.count("<p>") == 3  # short: three lines and the link
