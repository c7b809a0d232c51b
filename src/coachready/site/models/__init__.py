from coachready.site.models.inbox import ContactMessage, InterestNote
from coachready.site.models.pages import (
    CoachRequirementsPage,
    ContactPage,
    HeadingRulesPage,
    HomePage,
    SchoolYardPage,
    StandardPage,
    TrainingCalendarPage,
)
from coachready.site.models.regionsite import RegionSite

__all__ = [
    "CoachRequirementsPage",
    "ContactMessage",
    "ContactPage",
    "HeadingRulesPage",
    "HomePage",
    "InterestNote",
    "RegionSite",
    "SchoolYardPage",
    "StandardPage",
    "TrainingCalendarPage",
]
