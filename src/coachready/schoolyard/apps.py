from django.apps import AppConfig


class SchoolyardConfig(AppConfig):
    name = "coachready.schoolyard"
    label = "schoolyard"
