"""The public site's content languages as Wagtail locales.

Sites installed while LANGUAGE_CODE was "en-us" have their pages in an
"en-us" locale, which is no content language any more: it becomes "en",
keeping its pages. Then every language of settings.LANGUAGES gets a locale,
so editors can translate into it.
"""

from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if not Locale.objects.filter(language_code="en").exists():
        Locale.objects.filter(language_code="en-us").update(language_code="en")
    for code in codes:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):

    dependencies = [
        ("site", "0003_home_job_description_and_licence"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
