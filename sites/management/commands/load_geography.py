from django.core.management.base import BaseCommand

from sites.services.geography import geography_load


class Command(BaseCommand):
    help = (
        "Load Thailand's 77 provinces, 928 districts and 7,436 sub-districts (GeoThai) with approximate "
        "sub-district centroids. Idempotent; returns at once when everything is already loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Upsert every row even when the counts say all is loaded."
        )

    def handle(self, *args, force=False, **options):
        result = geography_load(force=force)
        self.stdout.write(result.summary())
