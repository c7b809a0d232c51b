"""Validate the pages the test suite rendered with the Nu HTML Checker.

`python tests/check_html.py FOLDER` runs vnu.jar (the npm package vnu-jar,
installed by `make test-install` where npm exists) with the machine's Java
over every page tests/html_capture.py kept, and prints each error with the
request that rendered the page. Exit 0 when every page is valid, 1 when
any is not, 0 with a plain "skipped" line when Java or the checker is
missing (a machine with only Python and make).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _request_of(page: Path) -> str:
    with page.open(encoding="utf-8", errors="replace") as fh:
        first = fh.readline().strip()
    return first.removeprefix("<!--").removesuffix("-->").strip()


def main(folder: str) -> int:
    pages = sorted(Path(folder).glob("*.html"))
    java = shutil.which("java")
    if not pages:
        print(f"HTML check: no pages were captured in {folder}.")
        return 1
    if java is None or not VNU.exists():
        print(f"HTML check skipped: needs Java and {VNU.relative_to(ROOT)} (npm install vnu-jar).")
        return 0
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, pages)],
        capture_output=True, text=True, timeout=900,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    # The same template error shows on every page that renders it: say it
    # once, with the requests that rendered it.
    by_page: dict[str, list[dict]] = {}
    distinct: dict[tuple[str, str], list[str]] = {}
    for message in messages:
        page = Path(message.get("url", "").removeprefix("file:"))
        by_page.setdefault(str(page), []).append(message)
        extract = (message.get("extract") or "").replace("\n", " ")[:160]
        requests = distinct.setdefault((message["message"], extract), [])
        request = _request_of(page) if page.exists() else page.name
        if request not in requests:
            requests.append(request)
    for (text, extract), requests in distinct.items():
        shown = ", ".join(requests[:3]) + (f" and {len(requests) - 3} more" if len(requests) > 3 else "")
        print(f"\n{text}\n    {extract}\n    on {shown}")
    failed = len(by_page)
    print(f"\nNu HTML Checker: {len(pages)} pages, {len(messages)} errors.")
    print(f"html: {len(pages) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
