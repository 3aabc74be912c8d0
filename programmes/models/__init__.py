from .programme import Activity, Approach, Framework, Indicator, IndicatorMeasurement, Outcome, Programme
from .project import (
    BudgetPeriod,
    ProblemSituation,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
    WarningReview,
)

__all__ = [
    "Activity",
    "Approach",
    "BudgetPeriod",
    "Framework",
    "Indicator",
    "IndicatorMeasurement",
    "Outcome",
    "ProblemSituation",
    "Programme",
    "Project",
    "ProjectLocation",
    "ProjectObjective",
    "TargetGroup",
    "WarningReview",
]
