"""One-click unsubscribe: a signed token names the person and the topic, so the link in an
email works without signing in, and cannot be forged or pointed at someone else. It carries
the time it was made and stops working after a year: an old email forwarded or left in a
shared inbox does not keep working for ever."""

from datetime import timedelta

from django.core import signing

# A new salt since tokens carry their date: the older ones, which have none, are refused.
SALT = "camino.notifications.unsubscribe.dated"
MAX_AGE = timedelta(days=365)


def make_token(*, user_id: int, topic: str) -> str:
    """ "<user id>:<topic>:<date>:<signature>": short, and cheap to make for every email of a
    batch."""
    return signing.TimestampSigner(salt=SALT).sign(f"{user_id}:{topic}")


def read_token(token: str) -> tuple[int, str] | None:
    """The person and topic, or None for a forged, damaged or expired token."""
    try:
        user_id, topic = signing.TimestampSigner(salt=SALT).unsign(token, MAX_AGE).split(":")
        return int(user_id), topic
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return None
