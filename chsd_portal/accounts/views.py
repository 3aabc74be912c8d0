from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from .. import landing
from .forms import LoginForm, PortalPasswordResetForm, PortalSetPasswordForm, SignUpForm
from .services import account_unlock, member_activate, member_sign_up


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_redirect_url(self):
        """Never "next" back to the login page itself (the header's sign-in link, followed from this
        page, asks for that), which would send a signed-in user round in a loop."""
        url = super().get_redirect_url()
        return "" if url and urlsplit(url).path == self.request.path else url

    def get_default_redirect_url(self):
        """With no "next", each role's own starting page (chsd_portal.landing)."""
        return landing.landing_url_for(self.request.user)


class SignUpView(FormView):
    template_name = "registration/signup.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("/")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        member_sign_up(form=form, scheme=self.request.scheme, domain=self.request.get_host())
        return redirect("signup_sent")


class SignUpSentView(TemplateView):
    """The same page whether the address was new or already had an account."""

    template_name = "registration/signup_sent.html"


class SignUpConfirmView(View):
    """The link in the sign-up e-mail opens the account and signs its owner in, once."""

    def get(self, request, uidb64, token):
        user = member_activate(uidb64=uidb64, token=token)
        if user is None:
            return render(request, "registration/signup_confirm_invalid.html", status=400)
        login(request, user, backend="chsd_portal.backends.RoleAwareModelBackend")
        messages.success(
            request, _("Welcome! Your member account is ready: you can now ask and answer questions.")
        )
        return redirect("/")


def reset_link_lifetime() -> dict:
    """How long a reset link works, for the e-mail and the "sent" page: whole days, else hours."""
    seconds = settings.PASSWORD_RESET_TIMEOUT
    if seconds % 86400 == 0:
        return {"valid_days": seconds // 86400}
    return {"valid_hours": max(1, round(seconds / 3600))}


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PortalPasswordResetForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.extra_email_context = reset_link_lifetime()


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **reset_link_lifetime()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password from the e-mailed link also ends a sign-in lockout, so the lockout
    page can offer "reset your password" as a way back in."""

    form_class = PortalSetPasswordForm

    def form_valid(self, form):
        response = super().form_valid(form)
        account_unlock(username=form.user.get_username())
        return response
