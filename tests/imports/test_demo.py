"""The demo data of the imports app loads on the demo region."""

import random

import pytest

from coachready.core.demo import ANCHOR, DemoContext
from coachready.imports import demo
from coachready.imports.models import ImportBatch

pytestmark = pytest.mark.django_db


def test_demo_imports_the_samples_and_leaves_one_upload_to_review(world):
    ctx = DemoContext(world.section, world.area, world.region, world.other_region, [],
                      {"rca": world.rca}, None, random.Random(60), ANCHOR)
    demo.load(ctx)
    statuses = dict(ImportBatch.objects.values_list("filename", "status"))
    assert statuses == {"volunteers.csv": "committed", "records.csv": "committed",
                        "training-report.csv": "committed", "licence-grade-export.csv": "preview"}
    summary = ImportBatch.objects.get(status="preview").summary
    assert summary["counts"]["error"] == 0 and summary["counts"]["create"] > 0
