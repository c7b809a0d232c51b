"""The volunteer (interest) form offers every division of the region's
policy, School Yard in words; the inbox names the division the same way."""

from __future__ import annotations

from django.urls import reverse

from coachready.site.models import InterestNote
from tests.site.test_volunteer import GOOD


def test_the_interest_form_offers_school_yard_by_name(client, site60):
    html = client.get("/volunteer/").content.decode()
    assert '<option value="schoolyard">School Yard</option>' in html
    assert '<option value="10U">10U</option>' in html
    assert ">schoolyard<" not in html


def test_a_school_yard_volunteer_reads_as_school_yard_in_the_inbox(client, login, world, site60):
    client.post("/volunteer/", {**GOOD, "division": "schoolyard"})
    item = InterestNote.objects.get()
    assert item.division == "schoolyard"
    page = login(world.rca).get(reverse("site:inbox_interest", args=[60, item.pk])).content.decode()
    assert "<dd>School Yard</dd>" in page
