from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chsd_portal import demo


class Command(BaseCommand):
    help = "Load the demo programme, projects and accounts (idempotent). Never on production."

    def handle(self, *args, **options):
        if getattr(settings, "IS_PRODUCTION", False):
            raise CommandError(
                "load_demo refuses to run under production settings: demo accounts share a published password."
            )
        password = settings.DEMO_PASSWORD
        for loader in demo.loaders():
            with transaction.atomic():
                loader.load(password=password, stdout=self.stdout)
            self.stdout.write(f"demo: {loader.name} ready")
