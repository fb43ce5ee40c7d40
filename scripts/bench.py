"""Speed on loopback, in one bounded run: `make bench` (a few minutes; LIGHTHOUSE=1 adds ~1).

1. Times the static export of the whole site in every enabled language.
2. Prints each page's HTML + CSS gzip size against the 14 KB budget (scripts/budget.py).
3. Serves the app under gunicorn (2 workers), a hello-world Flask app under the same gunicorn
   settings, and the export under nginx next to the same files served raw by the same nginx
   (asked for by their file names, so no address lookup: the most nginx can do with those bytes);
   loads each with wrk (10 s, 50 connections; each pair twice, A B B A) over a fixed set of
   pages; prints requests/s, p50 and p99 latency and the ratios app / hello-world and export /
   raw nginx.
4. With LIGHTHOUSE=1: Lighthouse 12 (mobile) on a start, a stage, a question and a result page:
   the four scores and the Largest Contentful Paint.

Targets are printed next to the figures, never asserted: absolute numbers depend on the machine,
so compare the ratios of one run. Everything listens on 127.0.0.1 only and every step has a time
limit. wrk and nginx-light come from Debian and are installed when missing (as root).
"""

import io
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import budget  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
LOAD_SECONDS = 10
CONNECTIONS = 50
# The fixed set of pages every server is loaded with: the start page, the map, stages, help.
PAGES = [
    "/en/",
    "/en/journey",
    "/en/stages/child-protection-enquiry",
    "/en/stages/initial-conference",
    "/en/stages/child-protection-plan",
    "/en/rights",
    "/en/contacts",
    "/en/words",
]
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / (
    f"journey-app-lighthouse-{LIGHTHOUSE_VERSION}"
)
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --no-first-run --disable-sync "
    "--host-resolver-rules='MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'"
)
HELLO_APP = """from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, World!"
"""
NGINX_CONF = """daemon off;
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  open_file_cache max=10000 inactive=60s;
  open_file_cache_errors on;
  client_body_temp_path {tmp}/client_body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  # the export, as the nginx example in the README serves it
  server {{
    listen 127.0.0.1:{export_port};
    root {site};
    location / {{ try_files $uri/index.html $uri =404; }}
    error_page 404 /404.html;
  }}
  # the same files by their file names, with no address lookup
  server {{
    listen 127.0.0.1:{raw_port};
    root {site};
  }}
}}
"""
WRK_PAGES = """local paths = {{{paths}}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""


def main():
    nginx = ensure_tools()
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp, ExitStack() as servers:
        tmp = Path(tmp)
        tmp.chmod(0o755)  # nginx's workers run as another user when started as root
        site = tmp / "site"
        export_seconds, export_summary = time_export(site)

        heading("Page sizes: HTML + CSS, gzip (target: each page <= 14 KB)")
        _, page_sizes = page_budget()

        heading(f"Load: wrk, {LOAD_SECONDS} s, {CONNECTIONS} connections, 2 threads, loopback")
        app_port, hello_port, export_port, raw_port = free_ports(4)
        servers.enter_context(gunicorn(["--bind", f"127.0.0.1:{app_port}"], tmp / "app.log"))
        (tmp / "hello_app.py").write_text(HELLO_APP)
        servers.enter_context(
            gunicorn(
                ["--bind", f"127.0.0.1:{hello_port}", "--chdir", str(tmp), "hello_app:app"],
                tmp / "hello.log",
            )
        )
        servers.enter_context(run_nginx(nginx, tmp, site, export_port, raw_port))
        wait_until_up(f"http://127.0.0.1:{app_port}/en/", tmp / "app.log")
        wait_until_up(f"http://127.0.0.1:{hello_port}/", tmp / "hello.log")
        wait_until_up(f"http://127.0.0.1:{export_port}/en/", tmp / "nginx-error.log")
        wait_until_up(f"http://127.0.0.1:{raw_port}/en/index.html", tmp / "nginx-error.log")
        for base in (f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{export_port}"):
            for page in PAGES:  # every page answers, and the app has kept each one
                wait_until_up(base + page)

        script = wrk_script(tmp / "pages.lua", PAGES)
        files = [page.rstrip("/") + "/index.html" for page in PAGES]
        file_script = wrk_script(tmp / "files.lua", files)
        app_url, hello_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{hello_port}/"
        export_url, raw_url = f"http://127.0.0.1:{export_port}", f"http://127.0.0.1:{raw_port}"
        results = {
            **compare(
                ("app", lambda: wrk(app_url, script)),
                ("hello-world", lambda: wrk(hello_url)),
            ),
            **compare(
                ("export (nginx)", lambda: wrk(export_url, script)),
                ("raw files (nginx)", lambda: wrk(raw_url, file_script)),
            ),
            "app, compressed": wrk(app_url, script, ["-H", "Accept-Encoding: br, gzip"]),
        }
        print(f"{'server':18} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}  errors")
        for name, result in results.items():
            print(
                f"{name:18} {result['rps']:10.0f} {result['p50']:8.2f} {result['p99']:8.2f}  "
                f"{result['errors'] or '-'}"
            )
        print(
            "(each pair is run twice, A B B A, and averaged, so a change in the machine's load\n"
            " falls on both alike; pages: " + ", ".join(PAGES) + ";\n"
            " 'app, compressed' asks for brotli as phones do)"
        )

        lighthouse = {}
        if os.environ.get("LIGHTHOUSE") == "1":
            heading("Lighthouse 12, mobile (target: 100 in every category)")
            lighthouse = run_lighthouse(f"http://127.0.0.1:{app_port}", tmp)

    app_ratio = results["app"]["rps"] / results["hello-world"]["rps"]
    export_ratio = results["export (nginx)"]["rps"] / results["raw files (nginx)"]["rps"]
    heading("Targets")
    target("app / hello-world throughput", f"{app_ratio:.0%}", ">= 80%", app_ratio >= 0.8)
    target("export / raw nginx throughput", f"{export_ratio:.0%}", ">= 90%", export_ratio >= 0.9)
    for kind, (url, size) in page_sizes.items():
        target(
            f"largest {kind}",
            f"{size / 1024:.1f} KB HTML + CSS gzip ({url})",
            "<= 14 KB",
            size <= budget.LIMIT,
        )
    target(
        "static export, whole site",
        f"{export_seconds:.1f} s ({export_summary})",
        "< 60 s",
        export_seconds < 60,
    )
    if lighthouse:
        lowest = min(min(scores.values()) for scores in lighthouse.values())
        target("Lighthouse, lowest score", f"{lowest}", "100", lowest == 100)


def heading(text):
    print(f"\n== {text}", flush=True)


def target(name, figure, goal, met):
    print(f"{name:32} {figure:38} target {goal:8} {'met' if met else 'NOT MET'}")


def ensure_tools():
    """wrk and nginx from Debian; returns the nginx binary."""
    missing = [
        package
        for package, binary in (("wrk", "wrk"), ("nginx-light", "nginx"))
        if not (shutil.which(binary) or Path(f"/usr/sbin/{binary}").exists())
    ]
    if missing:
        if os.geteuid() != 0:
            sys.exit(f"Please install with your package manager: {' '.join(missing)}")
        print(f"Installing {' '.join(missing)} from Debian ...", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True, timeout=300)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            timeout=600,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
    return shutil.which("nginx") or "/usr/sbin/nginx"


def time_export(site):
    heading("Static export of the whole site, every enabled language (target: < 60 s)")
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", "journey_app", "export", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "JOURNEY_CONFIG": "production"},
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"The export failed:\n{done.stderr}")
    print(done.stdout.rstrip())
    print(f"{seconds:.1f} s in all, with Python and the app starting")
    summary = re.search(r"Exported (\d+) pages and (\d+) downloads in (\d+) language", done.stdout)
    return seconds, f"{summary[1]} pages, {summary[2]} PDFs, {summary[3]} languages"


def page_budget():
    """scripts/budget.py's table, printed; returns its exit status and the largest reading page
    and the largest document to print, each as (address, bytes)."""
    logging.getLogger("journey_app.requests").disabled = True  # a line per page
    table = io.StringIO()
    with redirect_stdout(table):
        status = budget.main()
    print(table.getvalue().rstrip())
    rows = re.findall(r"^(\S.*?)\s+\d+\s+\d+\s+(\d+)\b", table.getvalue(), re.MULTILINE)
    largest = {}
    for kind, rows_of_kind in (
        ("page", [row for row in rows if not budget.DOCUMENT.match(row[0])]),
        ("print document", [row for row in rows if budget.DOCUMENT.match(row[0])]),
    ):
        url, total = max(rows_of_kind, key=lambda row: int(row[1]))
        largest[kind] = (url, int(total))
    return status, largest


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


@contextmanager
def gunicorn(arguments, log):
    """gunicorn with the production settings (gunicorn.conf.py) and 2 workers."""
    with open(log, "w") as output:
        process = subprocess.Popen(
            [GUNICORN, "--config", str(ROOT / "gunicorn.conf.py"), "--workers", "2", *arguments],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "JOURNEY_CONFIG": "production"},
        )
        try:
            yield process
        finally:
            stop(process)


@contextmanager
def run_nginx(nginx, tmp, site, export_port, raw_port):
    conf = tmp / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(tmp=tmp, site=site, export_port=export_port, raw_port=raw_port)
    )
    process = subprocess.Popen(
        [nginx, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "nginx-error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        stop(process)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def wait_until_up(url, log=None, seconds=120):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError as error:
            problem = error
        if time.monotonic() > deadline:
            server_log = log.read_text()[-2000:] if log and log.exists() else ""
            sys.exit(f"{url} did not answer 200 within {seconds} s: {problem}\n{server_log}")
        time.sleep(0.2)


def compare(first, second):
    """Two wrk runs each, in the order A B B A, averaged: {name: figures}."""
    runs = {first[0]: [], second[0]: []}
    for name, run in (first, second, second, first):
        runs[name].append(run())
    return {
        name: {
            "rps": sum(r["rps"] for r in results) / 2,
            "p50": sum(r["p50"] for r in results) / 2,
            "p99": sum(r["p99"] for r in results) / 2,
            "errors": ", ".join(r["errors"] for r in results if r["errors"]),
        }
        for name, results in runs.items()
    }


def wrk_script(path, paths):
    path.write_text(WRK_PAGES.format(paths=", ".join(f'"{p}"' for p in paths)))
    return path


def wrk(url, script=None, extra=()):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{LOAD_SECONDS}s", "--latency", *extra]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=LOAD_SECONDS + 30, check=True
    ).stdout
    errors = []
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors.append(f"{match[1]} non-2xx")
    if match := re.search(r"Socket errors: (.*)", output):
        errors.append(f"socket errors: {match[1]}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": _milliseconds(re.search(r"\s50%\s+([\d.]+\w+)", output)[1]),
        "p99": _milliseconds(re.search(r"\s99%\s+([\d.]+\w+)", output)[1]),
        "errors": ", ".join(errors),
    }


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def question_page():
    """The first "Where am I?" question: the first GET address of the questions' blueprint."""
    from journey_app import create_app

    app = create_app({"TESTING": True})
    rules = sorted(
        rule.rule.replace("<lang>", "en")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("questions.") and "GET" in rule.methods
    )
    return rules[0] if rules else None


def run_lighthouse(base, tmp):
    lighthouse = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR} ...", flush=True)
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(LIGHTHOUSE_DIR),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
            timeout=900,
        )
    # the result page is reached by answering the questions, so it is measured as a user flow
    flow_script = LIGHTHOUSE_DIR / "lighthouse_result.mjs"
    shutil.copy(ROOT / "scripts" / "lighthouse_result.mjs", flow_script)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    question = question_page()
    pages = {
        "start": "/en/",
        "stage": "/en/stages/initial-conference",
        "question": question,
        "result": question and question + " (answered)",
    }
    categories = ("performance", "accessibility", "best-practices", "seo")
    print(f"{'page':10} {'address':42} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'LCP':>8}")
    scores = {}
    for name, path in pages.items():
        if path is None:
            print(f"{name:10} (the app has no questions)")
            continue
        report = tmp / f"lighthouse-{name}.json"
        if name == "result":
            command = ["node", str(flow_script), chromium, base + question, str(report)]
        else:
            command = [
                str(lighthouse),
                base + path,
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(categories)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ]
        subprocess.run(
            command, check=True, timeout=300, env={**os.environ, "CHROME_PATH": chromium}
        )
        data = json.loads(report.read_text())
        scores[name] = {c: round(data["categories"][c]["score"] * 100) for c in categories}
        lcp = data["audits"]["largest-contentful-paint"]["numericValue"]
        print(
            f"{name:10} {path:42} "
            + " ".join(f"{scores[name][c]:5}" for c in categories)
            + f" {lcp / 1000:7.2f}s"
        )
    return scores


if __name__ == "__main__":
    main()
