"""The workstation .deb (packaging/deb/build.sh, docs/deb.md), built around a stand-in bundle.

A stand-in instead of the frozen console keeps this test to seconds: the package's shape is
checked here (fields, files, owners, the conffile, the desktop entry, the site config, the
launcher's choice of config); the real bundle is installed, started and removed on this machine
by ``make deb-smoke`` (packaging/deb/smoke.sh), which CI runs after ``make dist-smoke``.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from PySide6.QtSvg import QSvgRenderer

from console.config import load_settings

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging" / "deb"
SITE = "/etc/linkage-console/console.toml"
BUNDLE = "/opt/linkage-console/linkage-console"


def _need_dpkg_deb() -> None:
    if shutil.which("dpkg-deb") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI builds the workstation .deb: dpkg-deb is missing")
        pytest.skip("dpkg-deb is not installed (not a Debian-based system)")


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _need_dpkg_deb()
    work = tmp_path_factory.mktemp("deb")
    bundle = work / "linkage-console"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "data.txt").write_text("stand-in\n")
    exe = bundle / "linkage-console"
    exe.write_text("#!/bin/sh\necho stand-in\n")
    exe.chmod(0o700)  # the build makes it readable and runnable by all
    done = subprocess.run(
        [str(PACKAGING / "build.sh"), str(bundle), str(work / "out")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return Path(done.stdout.strip())


def _dpkg_deb(*args: str) -> str:
    return subprocess.run(
        ["dpkg-deb", *args], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_the_package_is_named_and_versioned_from_pyproject(deb: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert deb.name == f"linkage-console_{version}_{arch}.deb"
    assert _dpkg_deb("-f", str(deb), "Package", "Version", "Architecture").split() == [
        "Package:", "linkage-console", "Version:", version, "Architecture:", arch,
    ]  # fmt: skip
    depends = _dpkg_deb("-f", str(deb), "Depends")
    needed = ("libc6 (>= ", "libxcb1", "libgl1", "libegl1", "fontconfig", "fonts-wqy-microhei |")
    assert all(name in depends for name in needed), depends
    description = _dpkg_deb("-f", str(deb), "Description")
    assert "联动坐席台" in description and "linkage seat console" in description


def test_it_installs_the_bundle_in_opt_a_launcher_an_entry_an_icon_and_a_site_config(
    deb: Path,
) -> None:
    listing = {}
    for line in _dpkg_deb("-c", str(deb)).splitlines():
        mode, owner, *_, path = line.split()
        listing[path.removeprefix(".")] = (mode, owner)
    assert listing["/"] == ("drwxr-xr-x", "root/root")
    assert listing[BUNDLE] == ("-rwxr-xr-x", "root/root")
    assert listing["/opt/linkage-console/_internal/data.txt"] == ("-rw-r--r--", "root/root")
    assert listing["/usr/bin/linkage-console"] == ("-rwxr-xr-x", "root/root")
    for path in (
        SITE,
        "/usr/share/applications/linkage-console.desktop",
        "/usr/share/icons/hicolor/scalable/apps/linkage-console.svg",
    ):
        assert listing[path] == ("-rw-r--r--", "root/root"), path
    assert {owner for _, owner in listing.values()} == {"root/root"}
    assert _dpkg_deb("-I", str(deb), "conffiles").split() == [SITE]


def test_the_site_config_is_the_example_with_a_site_header_and_valid(
    deb: Path, tmp_path: Path
) -> None:
    _dpkg_deb("-x", str(deb), str(tmp_path))
    site = tmp_path / SITE.lstrip("/")
    example = (ROOT / "resources" / "console.example.toml").read_text(encoding="utf-8")
    text = site.read_text(encoding="utf-8")
    assert text.endswith(example) and "conffile" in text[: -len(example)]
    settings = load_settings({}, {}, site)
    assert settings.platform == "12345"


def test_the_desktop_entry_starts_the_launcher_with_the_icon(deb: Path, tmp_path: Path) -> None:
    _dpkg_deb("-x", str(deb), str(tmp_path))
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(tmp_path / "usr/share/applications/linkage-console.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "12345⇄110 联动坐席台"
    assert section["Name[en]"] == "12345⇄110 Linkage Console"
    assert (tmp_path / "usr/bin" / section["Exec"]).is_file()
    assert (tmp_path / f"usr/share/icons/hicolor/scalable/apps/{section['Icon']}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        path = str(tmp_path / "usr/share/applications/linkage-console.desktop")
        done = subprocess.run(["desktop-file-validate", path], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout, done.stdout


def test_the_icon_draws(qapp: object) -> None:
    assert QSvgRenderer(str(ROOT / "resources" / "icons" / "linkage-console.svg")).isValid()


@pytest.mark.parametrize(
    ("site_config", "args", "expected"),
    [
        (True, ["--smoke"], ["--config", "SITE", "--smoke"]),
        (True, ["config", "check"], ["--config", "SITE", "config", "check"]),
        (True, ["--config", "/x.toml", "--smoke"], ["--config", "/x.toml", "--smoke"]),
        (True, ["--config=/x.toml"], ["--config=/x.toml"]),
        (False, ["--smoke"], ["--smoke"]),
    ],
)
def test_the_launcher_passes_the_site_config_unless_one_is_given(
    tmp_path: Path, site_config: bool, args: list[str], expected: list[str]
) -> None:
    """The launcher's own text, its two fixed paths (its first two assignments) pointed into a
    temporary folder."""
    site, bundle = tmp_path / "console.toml", tmp_path / "bundle"
    if site_config:
        site.write_text("")
    bundle.write_text('#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n')
    bundle.chmod(0o755)
    launcher = (PACKAGING / "linkage-console").read_text()
    fixed = (f"bundle={BUNDLE}\n", f"site_config={SITE}\n")
    assert all(launcher.count(line) == 1 for line in fixed)
    script = tmp_path / "launcher"
    script.write_text(
        launcher.replace(fixed[0], f"bundle={bundle}\n").replace(fixed[1], f"site_config={site}\n")
    )
    done = subprocess.run(
        ["sh", str(script), *args], capture_output=True, text=True, check=True, timeout=30
    )
    assert done.stdout.splitlines() == [str(site) if a == "SITE" else a for a in expected]
