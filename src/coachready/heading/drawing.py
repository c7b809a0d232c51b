"""The restart tool's field drawing: an SVG to the policy's field size, and
the mapping between its pixels and the field's metres.

The drawing is shown at a fixed size in CSS pixels (it fits a 390-pixel
phone screen) so that the coordinates a browser sends for a tap on
`<input type="image">` map straight back to metres without any script.
Home defends the goal line at x = 0, drawn on the left; y = 0 is the top
touchline.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.translation import gettext

from coachready.rules.policy import FieldSize

DRAWING_WIDTH = 340  # CSS pixels, the whole image including the margin
MARGIN_M = 2.5  # metres drawn around the field, room for the goals
GOAL_WIDTH_M = {True: 3.66, False: 7.32}  # small-sided and full-size goals
GOAL_DEPTH_M = 1.5


@dataclass(frozen=True)
class Drawing:
    field: FieldSize

    @property
    def scale(self) -> float:
        """Pixels per metre."""
        return DRAWING_WIDTH / (self.field.length + 2 * MARGIN_M)

    @property
    def width(self) -> int:
        return DRAWING_WIDTH

    @property
    def height(self) -> int:
        return round((self.field.width + 2 * MARGIN_M) * self.scale)

    @property
    def default_title(self) -> str:
        return gettext("Field %(length)s by %(width)s metres") % {
            "length": f"{self.field.length:g}", "width": f"{self.field.width:g}"}

    def to_pixels(self, x: float, y: float) -> tuple[float, float]:
        return ((x + MARGIN_M) * self.scale, (y + MARGIN_M) * self.scale)

    def to_metres(self, px: float, py: float) -> tuple[float, float]:
        """Metres for a tap at pixel (px, py), rounded to 10 cm (a referee's
        tap is not more precise than that)."""
        return (round(px / self.scale - MARGIN_M, 1), round(py / self.scale - MARGIN_M, 1))

    def goal_area_rect(self, side: str) -> tuple[float, float, float, float]:
        """(x, y, w, h) in pixels of the home (left) or away (right) goal area."""
        f = self.field
        x0 = 0.0 if side == "home" else f.length - f.goal_area_depth
        y0 = (f.width - f.goal_area_width) / 2
        px, py = self.to_pixels(x0, y0)
        return (px, py, f.goal_area_depth * self.scale, f.goal_area_width * self.scale)

    def svg(self, *, marker: tuple[float, float] | None = None, offence: tuple[float, float] | None = None,
            shade: str | None = None, title: str = "") -> str:
        """The drawing as an SVG document (or inline element).

        `marker` is the free kick's spot, `offence` the place of the header
        when the kick was moved, `shade` a goal area ("home"/"away") where the
        defenders may take the kick anywhere.
        """
        f, s = self.field, self.scale
        left, top = self.to_pixels(0, 0)
        right, bottom = self.to_pixels(f.length, f.width)
        mid_x = (left + right) / 2
        mid_y = (top + bottom) / 2
        goal_w = GOAL_WIDTH_M[f.length < 80] * s
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" class="heading-field">',
            f"<title>{escape(title or self.default_title)}</title>",
            f'<rect x="0" y="0" width="{self.width}" height="{self.height}" fill="#3f8f4f"/>',
            f'<g fill="none" stroke="#ffffff" stroke-width="2">'
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{right - left:.1f}" height="{bottom - top:.1f}"/>'
            f'<line x1="{mid_x:.1f}" y1="{top:.1f}" x2="{mid_x:.1f}" y2="{bottom:.1f}"/>',
        ]
        for side in ("home", "away"):
            x, y, w, h = self.goal_area_rect(side)
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>')
        parts.append("</g>")
        gd = GOAL_DEPTH_M * s
        parts.append(
            f'<g fill="#ffffff"><rect x="{left - gd:.1f}" y="{mid_y - goal_w / 2:.1f}" width="{gd:.1f}" '
            f'height="{goal_w:.1f}"/><rect x="{right:.1f}" y="{mid_y - goal_w / 2:.1f}" width="{gd:.1f}" '
            f'height="{goal_w:.1f}"/></g>'
        )
        home, away = escape(gettext("Home goal")), escape(gettext("Away goal"))
        parts.append(
            f'<g font-size="11" font-family="sans-serif" fill="#ffffff">'
            f'<text x="{left + 4:.1f}" y="{bottom - 4:.1f}">{home}</text>'
            f'<text x="{right - 4:.1f}" y="{bottom - 4:.1f}" text-anchor="end">{away}</text></g>'
        )
        if shade:
            x, y, w, h = self.goal_area_rect(shade)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#ffbf47" '
                f'fill-opacity="0.7" stroke="#7a4b00" stroke-width="2" class="shade-{shade}"/>'
            )
        if offence:
            ox, oy = self.to_pixels(*offence)
            parts.append(
                f'<circle cx="{ox:.1f}" cy="{oy:.1f}" r="5" fill="none" stroke="#1b2430" '
                f'stroke-width="2" stroke-dasharray="3 2" class="offence"/>'
            )
        if marker:
            mx, my = self.to_pixels(*marker)
            parts.append(
                f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="6" fill="#ffbf47" stroke="#1b2430" '
                f'stroke-width="2" class="spot" data-x="{marker[0]:g}" data-y="{marker[1]:g}"/>'
            )
        parts.append("</svg>")
        return "".join(parts)
