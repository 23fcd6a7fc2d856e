import re

from django.apps import apps

# Camino must never be able to store these (ARCHITECTURE.md, "domain facts"). Names are
# compared as _word_word_ so that "ssn" does not match inside "classname".
FORBIDDEN = re.compile(
    r"immigration|citizenship|_ssn_|social_security|_a_?number_|alien_|_itin_|"
    r"country_of_birth|birth_?country|place_of_birth|birthplace|nationality"
)


def normalise(text: str) -> str:
    return "_" + re.sub(r"[^a-z0-9]+", "_", text.lower()) + "_"


def field_texts(field) -> list[str]:
    texts = [
        field.name,
        getattr(field, "column", None) or "",
        str(getattr(field, "verbose_name", "")),
    ]
    return [normalise(text) for text in texts if text]


def forbidden(text: str) -> bool:
    return bool(FORBIDDEN.search(normalise(text)))


def test_no_model_has_a_field_for_status_ssn_a_number_or_birth_country():
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if any(FORBIDDEN.search(text) for text in field_texts(field))
    ]
    assert offenders == []


def test_the_scan_recognises_forbidden_names():
    # Guards the guard: the pattern must catch the ways such a field could be named...
    for name in ["immigration_status", "ssn", "SSN", "social_security_number", "a_number",
                 "anumber", "A-Number", "alien_number", "country_of_birth", "birth_country",
                 "Country of birth", "nationality", "itin"]:  # fmt: skip
        assert forbidden(name), name
    # ...and leave ordinary fields alone.
    for name in ["email", "display_name", "classname", "phone_number", "preferred_language",
                 "date_joined", "password", "business_name"]:  # fmt: skip
        assert not forbidden(name), name
