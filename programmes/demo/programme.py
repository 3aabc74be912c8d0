"""Demo content: the programme of seed 000, as its home page shows it."""

import json
from pathlib import Path

from ..models import Approach, Indicator, Outcome, Programme

DATA_DIR = Path(__file__).resolve().parent


def load_demo_programme(*, password: str, stdout=None) -> Programme:
    data = json.loads((DATA_DIR / "programme.json").read_text(encoding="utf-8"))
    programme, created = Programme.objects.get_or_create(
        name=data["name"],
        defaults={
            "objective": data["objective"],
            "goal_quantitative": data["goal_quantitative"],
            "goal_qualitative": data["goal_qualitative"],
            "on_home_page": not Programme.objects.home().exists(),
        },
    )
    if not created:
        return programme  # staff may have edited it since: leave their work alone
    Indicator.objects.bulk_create(
        Indicator(programme=programme, position=n, description=text)
        for n, text in enumerate(data["indicators"], start=1)
    )
    Approach.objects.bulk_create(
        Approach(programme=programme, position=n, text=text)
        for n, text in enumerate(data["approaches"], start=1)
    )
    Outcome.objects.bulk_create(
        Outcome(programme=programme, path=[int(p) for p in number.split(".")], text=text)
        for number, text in data["outcomes"]
    )
    return programme
