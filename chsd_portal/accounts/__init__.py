"""Accounts: sign in and out, sign up as a community member, password change and reset.

forms.py     sign-in, sign-up and password forms with Thai messages
services.py  member sign-up, account unlock
views.py     the account pages; urls.py their routes under /accounts/
demo.py      one demo account per role
"""
