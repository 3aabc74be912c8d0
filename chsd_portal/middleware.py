"""Thai first: the portal is in Thai whatever language the browser asks for; English only for
someone who chose it with the language switch (Django's language cookie)."""

from django.conf import settings
from django.utils import translation


class ThaiFirstLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RejectNulMiddleware:
    """PostgreSQL text cannot hold a NUL character, so a NUL that reaches a query is a 500.
    Forms refuse it field by field (Django's ProhibitNullCharactersValidator); everything else a
    request carries is refused here, before any view, session or sign-in code reads it: a NUL in
    the path is a page that cannot exist (404), one in the query string, a cookie or a header is
    a bad request (400). Both answers are the portal's Thai error pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from . import views

        if "\x00" in request.path_info:
            return views.page_not_found(request)
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return views.bad_request(request)
        for key, value in request.META.items():
            if key.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
                return views.bad_request(request)
        return self.get_response(request)
