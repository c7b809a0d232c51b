from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "coachready.site"
    label = "site"
