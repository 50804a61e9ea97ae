"""Preview benchmark: time from saving a document to the new text in an open browser tab.

    .venv/bin/python bench/serve.py [--documents N] [--repeat N]

Without --documents it uses the bundled content; with it, a generated tree of N
documents (bench/generate.py). Prints a Markdown table row, and the part of each save's
time that was the preview's build, as the preview reported it ("build N: ok (S s)"):
the rest is the watcher, the reload message and the browser loading the page.

"Save to visible" ends when Playwright sees the new text in the open tab. Playwright
looks again only every so often (up to 0.5 s apart, and it starts looking in the
reloaded page late), so a second row says when the reloaded page itself first had the
new text in its layout: a script in the tab looks at every animation frame and tells the
time by the page's clock (the same wall clock as this process's, both on this machine).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import ConsoleMessage, sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from bytecode import compiled  # noqa: E402
from generate import generate  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BUILT = re.compile(r"build (\d+): ok \(([0-9.]+) s\)")  # the preview's report (--lang en)
# In every page the tab loads: at each animation frame until a marker is in the layout
# (innerText leaves out what is not rendered), say the highest marker's number and the
# time, in milliseconds since the epoch.
SEEN_SCRIPT = """(() => {
  const look = () => {
    const found = document.body ? document.body.innerText.match(/mittausmerkki\\d+x/g) : null;
    if (found === null) { requestAnimationFrame(look); return; }
    const last = Math.max(...found.map((m) => parseInt(m.slice(13), 10)));
    console.log("seen " + last + " " + (performance.timeOrigin + performance.now()));
  };
  requestAnimationFrame(look);
})()"""


def build_seconds(said: list[str], build: int) -> float | None:
    for line in list(said):
        found = BUILT.search(line)
        if found and int(found.group(1)) == build:
            return float(found.group(2))
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    compiled()  # as a user's installed soteneg runs: see bench/bytecode.py
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        if args.documents:
            count = generate(root, args.documents, 1)
            doc = next((root / "content/kierrokset").glob("*/uusimaa.md"))
        else:
            shutil.copytree(
                REPO,
                root,
                ignore=shutil.ignore_patterns(".venv", ".git", "_site", "tests", "node_modules"),
            )
            count = len(list((root / "content").rglob("*.md")))
            doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
        url_path = "kierrokset/" + doc.parent.name + "/uusimaa/"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "soteneg",
                "serve",
                "--root",
                str(root),
                "--port",
                str(port),
                "--lang",
                "en",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        assert server.stdout is not None
        said: list[str] = []
        for line in server.stdout:
            said.append(line)
            if "preview at" in line:
                break
        # Read on: a rebuild's report (every warning of a large tree) would fill the
        # pipe and stop the preview's building thread in the middle of a print.
        reader = threading.Thread(target=lambda: said.extend(server.stdout), daemon=True)
        reader.start()
        times: list[float] = []
        builds: list[float] = []
        in_page: list[float] = []  # the same, as the reloaded page saw it (SEEN_SCRIPT)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                page = browser.new_page()
                page.add_init_script(SEEN_SCRIPT)
                seen: dict[int, float] = {}

                def on_console(message: ConsoleMessage) -> None:
                    words = message.text.split()
                    if len(words) == 3 and words[0] == "seen":
                        seen.setdefault(int(words[1]), float(words[2]) / 1000)

                page.on("console", on_console)
                page.goto(f"http://127.0.0.1:{port}/{url_path}")
                page.wait_for_timeout(1000)
                for n in range(args.repeat):
                    marker = f"mittausmerkki{n}x"
                    text = doc.read_text()
                    started, wall = time.perf_counter(), time.time()
                    doc.write_text(text.replace("\n## ", f"\n{marker}\n\n## ", 1))
                    page.wait_for_selector(f"text={marker}", timeout=300_000)
                    times.append(time.perf_counter() - started)
                    page.wait_for_timeout(300)
                    if n in seen:
                        in_page.append(seen[n] - wall)
                    # The report comes after the reload: the first build is number 1.
                    for _ in range(100):
                        seconds = build_seconds(said, n + 2)
                        if seconds is not None:
                            builds.append(seconds)
                            break
                        time.sleep(0.1)
                browser.close()
        finally:
            server.terminate()
            server.wait()
            reader.join(timeout=10)
            if os.environ.get("BENCH_VERBOSE"):
                print("".join(said))
    print(
        f"| preview, save to visible | {count} | {statistics.median(times):.2f} | "
        f"{min(times):.2f} | {max(times):.2f} | {len(times)} |"
    )
    rows = [("the new text in the page's layout (by its clock)", in_page)]
    if len(builds) == len(times):
        rest = [t - b for t, b in zip(times, builds, strict=True)]
        rows += [("its build of the save", builds), ("the rest", rest)]
        if len(in_page) == len(times):
            later = [t - b for t, b in zip(in_page, builds, strict=True)]
            rows.append(("the rest, to the page's layout", later))
    for what, values in rows:
        if len(values) == len(times):
            print(
                f"| preview, {what} | {count} | {statistics.median(values):.2f} | "
                f"{min(values):.2f} | {max(values):.2f} | {len(values)} |"
            )


if __name__ == "__main__":
    main()
