"""One-click unsubscribe: a signed token names the person and the topic, so the link in an
email works without signing in, and cannot be forged or pointed at someone else."""

from django.core import signing

SALT = "camino.notifications.unsubscribe"


def make_token(*, user_id: int, topic: str) -> str:
    """ "<user id>:<topic>:<signature>": short, and cheap to make for every email of a batch."""
    return signing.Signer(salt=SALT).sign(f"{user_id}:{topic}")


def read_token(token: str) -> tuple[int, str] | None:
    try:
        user_id, topic = signing.Signer(salt=SALT).unsign(token).split(":")
        return int(user_id), topic
    except (signing.BadSignature, ValueError):
        return None
