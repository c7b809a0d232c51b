from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "coachready.training"
    label = "training"
