"""Demo data: the sample files as Region 60's RCA would bring them in — the
volunteers, their records and the training site's report imported, and the
licence/grade export uploaded and waiting on its preview page."""

from __future__ import annotations

from importlib import resources

from coachready.core.demo import DemoContext
from coachready.imports.batches import create_batch
from coachready.imports.services import import_file


def _sample(name: str) -> bytes:
    return resources.files("coachready.imports").joinpath("samples", name).read_bytes()


def load(ctx: DemoContext) -> None:
    rca = ctx.personas["rca"].user
    for name in ("volunteers.csv", "records.csv", "training-report.csv"):
        result = import_file(_sample(name), name, ctx.region, rca, undated_on=ctx.anchor)
        if not result.committed:
            raise RuntimeError(f"The demo sample {name} did not import: {result.report_lines()}")
    create_batch(_sample("licence-grade-export.csv"), "licence-grade-export.csv", ctx.region, rca,
                 undated_on=ctx.anchor)
