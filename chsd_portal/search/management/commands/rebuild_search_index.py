from django.core.management.base import BaseCommand

from chsd_portal.search.registry import sources
from chsd_portal.search.services.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of every registered source (or of the kinds given)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="only these kinds, e.g. programmes.project")

    def handle(self, *args, kinds, **options):
        known = {source.kind for source in sources()}
        unknown = sorted(set(kinds) - known)
        if unknown:
            self.stderr.write(f"Unknown kinds: {', '.join(unknown)}. Known: {', '.join(sorted(known))}")
            return
        report = rebuild(kinds or None, stdout=self.stdout)
        total = sum(count for count, _seconds in report.values())
        seconds = sum(seconds for _count, seconds in report.values())
        self.stdout.write(f"{total} documents in {seconds:.1f} s")
