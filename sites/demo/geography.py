"""The geography reference data, loaded first: the demo's sites and projects point at it."""

from ..services.geography import geography_load


def load_geography_for_demo(*, password=None, stdout=None):
    result = geography_load()
    if stdout is not None:
        stdout.write(result.summary())
