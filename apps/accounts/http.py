from django.http import HttpRequest

from apps.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """For type checking only: the request of a page that requires signing in
    (LoginRequiredMixin), whose user is a User, never AnonymousUser."""

    user: User
