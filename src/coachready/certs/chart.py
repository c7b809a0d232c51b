"""The readiness chart: stacked horizontal bars as inline SVG, made on the
server. Numbers are printed beside each bar and in a table next to the
chart, so nothing is told by colour alone."""

from __future__ import annotations

from typing import Any

from coachready.certs.services.readiness import BAND_LABELS, BANDS

BAND_COLOURS = {
    "ready": "#1e6b34",
    "due_30": "#b35c00",
    "due_60": "#d08a1c",
    "due_90": "#e8c067",
    "not_ready": "#a3161b",
}
ROW_HEIGHT = 28
LABEL_WIDTH = 90
BAR_WIDTH = 420
LEGEND_SPACING = 160



def readiness_bars(summary: list[dict[str, Any]]) -> dict[str, Any]:
    """Geometry for `certs/_chart.svg`: one bar per division, one segment per band."""
    rows = []
    for i, entry in enumerate(summary):
        total = entry["total"] or 1
        x = LABEL_WIDTH
        segments = []
        for band in BANDS:
            count = entry[band]
            if not count:
                continue
            width = round(BAR_WIDTH * count / total, 2)
            segments.append({"x": x, "width": width, "colour": BAND_COLOURS[band], "band": band,
                             "label": BAND_LABELS[band], "count": count})
            x += width
        rows.append({"y": i * ROW_HEIGHT + 4, "text_y": i * ROW_HEIGHT + 20, "division": entry["division"],
                     "total": entry["total"], "ready": entry["ready"], "segments": segments})
    legend_y = len(rows) * ROW_HEIGHT + 12
    # Three legend entries to a line: the band names are too long to sit
    # five abreast on the chart's width.
    legend = [
        {"x": LABEL_WIDTH + (i % 3) * LEGEND_SPACING, "y": legend_y + (i // 3) * 18,
         "text_y": legend_y + (i // 3) * 18 + 10, "colour": BAND_COLOURS[b], "label": BAND_LABELS[b]}
        for i, b in enumerate(BANDS)
    ]
    return {
        "rows": rows,
        "legend": legend,
        "width": LABEL_WIDTH + BAR_WIDTH + 110,
        "height": legend_y + 18 * ((len(BANDS) + 2) // 3) + 6,
        "total_x": LABEL_WIDTH + BAR_WIDTH + 8,
    }
