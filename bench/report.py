"""What every benchmark reports about its run: the host it ran on, and the exact command to rerun it."""

import os
import platform
import shlex
import subprocess
import sys
import warnings
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SETTINGS_VARIABLES = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX_PREFIX")


def host():
    """Commit, CPU, memory and Python: enough to tell two runs' machines apart."""
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor())
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_kib = next((int(line.split()[1]) for line in meminfo if line.startswith("MemTotal")), 0)
    git = subprocess.run(
        ["git", "-C", str(BENCH_DIR.parent), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "commit": git or "unknown",
        "cpu": f"{os.cpu_count()} × {cpu}",
        "memory_gib": round(memory_kib / 2**20, 1),
        "python": platform.python_version(),
    }


def rerun_command(script, argv):
    env = " ".join(f"{name}={shlex.quote(os.environ[name])}" for name in SETTINGS_VARIABLES if os.environ.get(name))
    return f"{env} .venv/bin/python bench/{script} {' '.join(shlex.quote(arg) for arg in argv)}".strip()


def setup_django_for_pages():
    """The project importable and Django set up as the page benchmarks want it: DEBUG off (template
    debugging would weigh on page times), warnings only in the log, no collected static files needed."""
    sys.path.insert(0, str(BENCH_DIR.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise, without collectstatic

    import django

    django.setup()


def child_pids(pid):
    """The ids of a process's children (a gunicorn master's workers), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(pid):
            found.append(int(stat.parent.name))
    return sorted(found)


def stop_process(process, grace_seconds=30):
    """Stop a server the benchmark started: TERM (gunicorn finishes its requests), KILL if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
