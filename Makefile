# Two commands a newcomer needs: `make run` and `make test` (see README.md).
# The distribution's own python3.11 where there is one (Debian, UOS, Kylin: /usr/bin): built with
# PGO and LTO, it starts the console ~15 % faster than a plain source build such as pyenv's
# (BENCHMARKS.md, "start_data_ms — session 11"), and `make dist` bundles its libpython. An
# existing .venv keeps the interpreter it was made with (`rm -rf .venv` to change); PYTHON=… picks.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3.11)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
DEMO_ORDERS ?= 200000

.PHONY: system-deps demo-systems run run-12345 run-110 test lint i18n i18n-update bench exchange-kill dist dist-smoke constraints clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,build]"
	@touch $@

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

i18n: $(QM)

# Re-extract translatable strings from the code into the .ts sources.
i18n-update: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find console -name '*.py') -ts $(TS)

# The demo's two platforms, each its own system (README "make run"): resources/demo/<platform>.toml
# written into the data dir's demo/ folder (@DATA@ replaced: absolute paths), the exchange's
# throwaway CA and certificates made once, and the two databases made once the way a site
# upgrades (docs/upgrade-two-systems.md): demo data for both platforms on one database, then
# `exchange split` moves 110's part onto its own (orders transferred before exist on both).
# Start again from scratch: delete the data dir's demo/ folder.
DEMO_DIR = $$($(BIN)/python -c 'from console.settings import data_dir; print(data_dir() / "demo")')
define demo_config
sed "s|@DATA@|$$dir|g" resources/demo/$(1).toml > "$$dir/$(1).toml"
endef

demo-systems: $(STAMP) i18n
	@dir=$(DEMO_DIR) && mkdir -p -m 700 "$$dir" && $(call demo_config,12345) && \
	$(call demo_config,110) && \
	$(BIN)/python -m console exchange demo-pki "$$dir/pki" && \
	if [ ! -s "$$dir/110.sqlite3" ]; then \
	  $(BIN)/python -m console --config "$$dir/12345.toml" init-db && \
	  $(BIN)/python -m console --config "$$dir/12345.toml" demo-data --orders $(DEMO_ORDERS) --if-empty && \
	  $(BIN)/python -m console --config "$$dir/12345.toml" exchange split \
	    --from "sqlite:///$$dir/12345.sqlite3" --platform 110 --to "sqlite:///$$dir/110.sqlite3" \
	    --to-key "$$dir/110-audit.key"; \
	fi && \
	$(BIN)/python -m console --config "$$dir/12345.toml" init-db && \
	$(BIN)/python -m console --config "$$dir/110.toml" init-db

# Both platforms in one process, each its own system on its own database, the exchange between
# them over loopback HTTPS, one simulated switch: a 12345 seat and a 110 seat side by side. Take a
# call, save the order, F8 it to 110: it travels as a message, the 110 seat signs for it.
run: demo-systems
	dir=$(DEMO_DIR) && $(BIN)/python -m console --config "$$dir/12345.toml" \
	  --pair-config "$$dir/110.toml" --demo-sign-in $(ARGS)

# One platform in its own process, with its own database and exchange endpoint: run both (two
# terminals) and orders cross between them; a call does not (each has its own simulated switch).
run-12345: demo-systems
	dir=$(DEMO_DIR) && $(BIN)/python -m console --config "$$dir/12345.toml" --demo-sign-in $(ARGS)

# Xvfb and a Chinese font for the real-screen test: installed when missing and possible (root
# with apt-get); otherwise that one test is skipped (a failure under CI=true).
SYSTEM_PACKAGES := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 fonts-wqy-microhei
system-deps:
	@if command -v xvfb-run >/dev/null && fc-list :lang=zh 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "make: installing $(SYSTEM_PACKAGES)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "make: Xvfb or a Chinese font is missing and cannot be installed here"; fi

run-110: demo-systems
	dir=$(DEMO_DIR) && $(BIN)/python -m console --config "$$dir/110.toml" --demo-sign-in $(ARGS)

# The suite on PYTEST_WORKERS processes (pytest-xdist): much of it waits on subprocesses,
# PostgreSQL and Qt, so two keep two cores busy. worksteal: each worker runs its half of the
# suite in order (module fixtures built once on each) and the first done takes tests off the
# other's queue. Serially: `make test PYTEST_WORKERS=0`; one file: `make test PYTEST_ARGS=tests/x.py`.
PYTEST_WORKERS ?= 2
test: $(STAMP) i18n system-deps
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check console tests bench db
	$(BIN)/ruff format --check console tests bench db
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# kill -9 each side's exchange serve 200 times during a stream (issue 14); KILL_ARGS="--db postgres"
exchange-kill: $(STAMP)
	$(BIN)/python bench/exchange_kill.py $(KILL_ARGS)

dist: $(STAMP) i18n
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# The frozen console must open its window, create and migrate a fresh database, tick once.
dist-smoke: dist
	tmp=$$(mktemp -d) && QT_QPA_PLATFORM=offscreen dist/linkage-console/linkage-console \
	  --db "sqlite:///$$tmp/smoke.sqlite3" --smoke && rm -rf "$$tmp"

# The workstations' .deb from the frozen bundle (docs/deb.md): /opt/linkage-console, a launcher
# reading /etc/linkage-console/console.toml, desktop entry and icon → dist/linkage-console_<v>_<arch>.deb
.PHONY: deb deb-smoke
deb: dist
	packaging/deb/build.sh

# Install that .deb here (root), start it as installed (--smoke), reinstall keeping an edited
# site config, remove, purge. CI: `make dist-smoke deb-smoke` (one make: the bundle built once).
deb-smoke: deb
	packaging/deb/smoke.sh "$$(ls -t dist/linkage-console_*.deb | head -n 1)"

# Re-pin after changing dependencies in pyproject.toml.
constraints: $(STAMP)
	(echo "# Pinned versions for a reproducible install: pip install -c constraints.txt -e .[dev]"; \
	 echo "# Regenerate with: make constraints"; \
	 $(BIN)/python -m pip freeze --exclude-editable) > constraints.txt

clean:
	rm -rf $(VENV) build dist artifacts resources/i18n/*.qm
