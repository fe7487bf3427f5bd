# Two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
DEMO_ORDERS ?= 200000

.PHONY: system-deps run run-12345 run-110 test lint i18n i18n-update bench exchange-kill dist dist-smoke constraints clean

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

# Both sides in one process: a 12345 seat and a 110 seat, side by side, on one database and one
# simulated switch. Take a call, save the order, F8 it to 110 and watch the 110 seat sign for it.
run: $(STAMP) i18n
	$(BIN)/python -m console init-db
	$(BIN)/python -m console demo-data --orders $(DEMO_ORDERS) --if-empty
	$(BIN)/python -m console --pair --demo-sign-in $(ARGS)

# One 12345 seat, as a workstation runs it.
run-12345: $(STAMP) i18n
	$(BIN)/python -m console init-db
	$(BIN)/python -m console demo-data --orders $(DEMO_ORDERS) --if-empty
	$(BIN)/python -m console --demo-sign-in $(ARGS)

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

# A 110 alarm-operator seat in its own process, on the same database as `make run-12345`: the
# order transferred with F8 arrives in its 待签收 queue (the call stays in the other process's
# simulated switch, which a simulated 110 agent answers).
run-110: $(STAMP) i18n
	$(BIN)/python -m console init-db
	$(BIN)/python -m console demo-data --orders $(DEMO_ORDERS) --if-empty
	$(BIN)/python -m console --platform 110 --seat J-01 --demo-sign-in $(ARGS)

test: $(STAMP) i18n system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

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

# Re-pin after changing dependencies in pyproject.toml.
constraints: $(STAMP)
	(echo "# Pinned versions for a reproducible install: pip install -c constraints.txt -e .[dev]"; \
	 echo "# Regenerate with: make constraints"; \
	 $(BIN)/python -m pip freeze --exclude-editable) > constraints.txt

clean:
	rm -rf $(VENV) build dist artifacts resources/i18n/*.qm
