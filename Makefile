# Мектепке жол — build, run and test. `make run` and `make test` install the
# Debian packages they need when they are missing.

GO       ?= go
DB       ?=
# Fyne (cgo, OpenGL, X11) needs these to build, and to test the ui package.
# libc6-dev is only a recommendation of gcc, and --no-install-recommends skips
# it: without it cgo finds no stdint.h.
SYS_PKGS  = gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
# The tests read PDFs back with pdftotext and pdffonts, check a 3,000-letter
# PDF with qpdf, open the xlsx workbook in LibreOffice, and run the store's
# tests against a throwaway PostgreSQL server too.
TEST_PKGS = poppler-utils qpdf libreoffice-calc-nogui postgresql
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build gui run screenshots test vet bench reliability cli windows windows-smoke

all: build

# deps installs the system packages that are missing (apt-get update first).
deps:
	@missing=$$(for p in $(SYS_PKGS) $(EXTRA_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps:
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(TEST_PKGS)"

build: deps
	$(GO) build -o bin/ ./cmd/...

cli:
	$(GO) build -o bin/ ./cmd/mektepkezhol-cli

gui: deps
	$(GO) build -o bin/ ./cmd/mektepkezhol

# run starts the GUI; a database that does not exist yet is first filled
# with the demo campaign, so a fresh machine shows a populated window.
run: gui
	./bin/mektepkezhol --demo $(if $(DB),--db $(DB))

# screenshots renders every screen of the GUI on a fresh demo database in a
# real window under Xvfb, in kk and ru, into docs/screenshots/<lang>-<screen>.png.
SHOT_PKGS = xvfb xauth imagemagick
screenshots: gui
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(SHOT_PKGS)"
	rm -f bin/screenshots.db bin/screenshots.db-wal bin/screenshots.db-shm docs/screenshots/kk-*.png docs/screenshots/ru-*.png
	mkdir -p docs/screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" sh -c './bin/mektepkezhol --db bin/screenshots.db --demo \
		--tour docs/screenshots | while read -r shot; do import -window root "docs/screenshots/$$shot.png"; done'
	@ls docs/screenshots

vet:
	$(GO) vet ./...

# The replay runs (MEKTEPKEZHOL_TX_REPLAY=1) run every write transaction's
# closure twice, the first rolled back as a server's refusal is: a closure
# that collects into state outside itself fails them.
REPLAY_PKGS = ./data/... ./cmd/internal/office/ ./cmd/mektepkezhol-cli/

test: test-deps vet
	$(GO) test ./...
	MEKTEPKEZHOL_KILLS=10 $(GO) test -race ./data/...
	bash .ci/with-postgres $(GO) test -count=1 ./...
	MEKTEPKEZHOL_TX_REPLAY=1 $(GO) test -count=1 $(REPLAY_PKGS)
	MEKTEPKEZHOL_TX_REPLAY=1 bash .ci/with-postgres $(GO) test -count=1 $(REPLAY_PKGS)

# bench prints one table: the Go benchmarks and the end-to-end timings on
# generated data, each next to its target (and LibreOffice's baseline when
# LibreOffice is installed); ten clerks saving at once on a throwaway
# PostgreSQL server with fsync on, and on one SQLite file.
bench: test-deps
	PG_DURABLE=1 bash .ci/with-postgres $(GO) run ./cmd/benchtable

# reliability runs the long forms of the fault tests: two writer processes
# for 30 s, 100 kill -9s of a writer, a full disk; the first two again on a
# throwaway PostgreSQL server with fsync on; generated csv and xlsx lists of
# 100,000 children (the default bound) imported under /usr/bin/time (peak
# memory), with summary answering and a restore refused while one runs, and
# of a million children, refused whole within the same memory.
reliability: test-deps
	MEKTEPKEZHOL_WRITERS_SECONDS=30 MEKTEPKEZHOL_KILLS=100 $(GO) test -count=1 -v \
		-run 'TestConcurrentWriterProcesses|TestKilledWriter|TestDiskFull' ./data/
	MEKTEPKEZHOL_BIG_ROWS=100000 $(GO) test -count=1 -v -timeout 60m -run TestBigListImport ./cmd/mektepkezhol-cli/
	MEKTEPKEZHOL_BIG_ROWS=1000000 $(GO) test -count=1 -v -timeout 60m -run TestBigListImport ./cmd/mektepkezhol-cli/
	PG_DURABLE=1 MEKTEPKEZHOL_WRITERS_SECONDS=30 MEKTEPKEZHOL_KILLS=100 bash .ci/with-postgres $(GO) test -count=1 -v \
		-run 'TestConcurrentWriterProcesses|TestKilledWriter' ./data/

# windows cross-builds dist/: the GUI exe (Fyne's packager, metadata from
# FyneApp.toml), the CLI exe beside it and the NSIS per-user installer.
WIN_PKGS = gcc-mingw-w64-x86-64 nsis imagemagick
windows:
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(WIN_PKGS)"
	bash .ci/windows/build.sh

# windows-smoke runs the Windows build under wine: the CLI's demo, summary,
# letters and reports read back, the GUI alive under Xvfb with a screenshot.
SMOKE_PKGS = $(WIN_PKGS) wine wine64 xvfb xauth poppler-utils postgresql
windows-smoke: windows
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(SMOKE_PKGS)"
	bash .ci/windows/smoke.sh

