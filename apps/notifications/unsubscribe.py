"""One-click unsubscribe: a signed token names the person and the topic, so the link in an
email works without signing in, and cannot be forged or pointed at someone else."""

from django.core import signing

SALT = "camino.notifications.unsubscribe"


def make_token(*, user_id: int, topic: str) -> str:
    return signing.dumps({"user": user_id, "topic": topic}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=SALT)
        return int(data["user"]), str(data["topic"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
