"""Person.search_key: a stored, indexed search key, backfilled for every
volunteer already on file (in batches, so a national database does not hold
every row in memory)."""

from django.db import migrations, models

BATCH = 2000


def backfill(apps, schema_editor):
    from coachready.org.search import search_key

    Person = apps.get_model("org", "Person")
    last = 0
    while True:
        batch = list(
            Person.objects.filter(pk__gt=last).order_by("pk")
            .only("pk", "first_name", "last_name", "preferred_name", "volunteer_id", "email")[:BATCH]
        )
        if not batch:
            return
        for person in batch:
            person.search_key = search_key(person.first_name, person.last_name, person.preferred_name,
                                           person.volunteer_id, person.email)
        Person.objects.bulk_update(batch, ["search_key"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("org", "0002_region_message_retention_days")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_key",
            field=models.CharField(blank=True, editable=False, max_length=400),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["home_region", "search_key"], name="person_region_search"),
        ),
    ]
