"""Logs hold no search words, ZIP codes or tokens. A query string carries what people search for
and where they live; some paths carry a secret (an unsubscribe token, a password reset key, an
email confirmation key). ScrubFilter drops the first and masks the second in every record, on
every handler: Django's (portal/settings/base.py, runserver's included) and gunicorn's access
and error logs (gunicorn.conf.py). Plain Python, so gunicorn can load it before Django."""

import logging
import re

# "?" right after a path or URL and before a parameter, up to the end of that URL (a question
# mark that ends a sentence stays).
QUERY_STRING = re.compile(r"(?<=[\w/.~%-])\?[\w%][^\s\"'<>]*")
# The path segment after one of these is a secret.
SECRET_SEGMENT = re.compile(r"(/(?:unsubscribe|confirm-email|key|token)/)[^/\s\"'<>?#]+")


def scrub(text: str) -> str:
    return SECRET_SEGMENT.sub(r"\1<token>", QUERY_STRING.sub("", text))


class ScrubFilter(logging.Filter):
    """Rewrites the record's message (and traceback) without query strings or secret path
    segments; it never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text, so the traceback is written scrubbed too.
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        return True
