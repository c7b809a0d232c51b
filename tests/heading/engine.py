"""What `coachready heading` prints for a request, parsed back."""

from __future__ import annotations

import json
from typing import Any

from coachready.rules.contract import respond


def cli_heading(request: dict[str, Any]) -> dict[str, Any]:
    return json.loads(respond("heading", request))
