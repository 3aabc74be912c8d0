"""Sign in and out, password change and reset, and sign-up, under /accounts/ (names unprefixed,
as django.contrib.auth's templates expect them). Logout is POST only (Django's LogoutView), and
a lockout after AXES_FAILURE_LIMIT failed sign-ins is rendered by AxesMiddleware with
registration/locked_out.html."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import PortalPasswordChangeForm

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("signup/sent/", views.SignUpSentView.as_view(), name="signup_sent"),
    path("signup/confirm/<uidb64>/<token>/", views.SignUpConfirmView.as_view(), name="signup_confirm"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(form_class=PortalPasswordChangeForm),
        name="password_change",
    ),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
]
