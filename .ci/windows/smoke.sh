#!/usr/bin/env bash
# Smoke test of the Windows build under wine: the CLI exe makes the demo,
# its summary, letters and reports, which are read back, and moves the demo
# to a throwaway PostgreSQL server (.ci/with-postgres); the GUI exe starts
# under Xvfb, is photographed into docs/screenshots/windows.png and must be
# alive and panic-free. Called by `make windows-smoke` after `make windows`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
dist="$root/dist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A wine prefix kept between runs (wineboot takes ~20 s the first time).
export WINEPREFIX="${WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/mektepkezhol-wine}"
export WINEDEBUG=-all WINEARCH=win64
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	mkdir -p "$WINEPREFIX"
	wineboot -i >/dev/null 2>&1 || true
fi
# A wine start now and then fails on its own (a wineserver still shutting
# down): start from a fresh wineserver, and try a failed CLI run once more.
restart_wine() { wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true; }
restart_wine
# Go >= 1.24 needs ProcessPrng from bcryptprimitives.dll, which wine lacks.
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" .ci/windows/bcryptprimitives.c -ladvapi32
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
export WINEDLLOVERRIDES="bcryptprimitives=n,b"

cli() {
	local try out
	for try in 1 2; do
		if out=$(wine "$dist/mektepkezhol-cli.exe" --db "$(winepath -w "$work/smoke.db")" "$@"); then
			printf '%s\n' "$out"
			return 0
		fi
		echo "windows-smoke: wine run $try of mektepkezhol-cli $1 failed" >&2
		restart_wine
	done
	return 1
}
fail() { echo "windows-smoke: FAIL: $*" >&2; exit 1; }

echo "== CLI under wine"
cli demo
cli summary --campaign 2019 --json > "$work/summary.json"
grep -q '"sponsors": 1[0-9][0-9]' "$work/summary.json" || fail "summary has no 100+ sponsors: $(head -c 300 "$work/summary.json")"
cli letters --campaign 2019 --lang kk --out "$(winepath -w "$work/letters.pdf")"
# (grep reads a file, not a pipe: with pipefail an early grep -q exit fails the pipe)
pdftotext "$work/letters.pdf" "$work/letters.txt"
grep -q "АЛҒЫС ХАТ" "$work/letters.txt" || fail "letters PDF has no «АЛҒЫС ХАТ»"
echo "letters: $(pdfinfo "$work/letters.pdf" | sed -n 's/^Pages: *//p') pages"
cli report --campaign 2019 --format pdf --lang kk --out "$(winepath -w "$work/report.pdf")"
pdftotext "$work/report.pdf" "$work/report.txt"
grep -q "Мектепке жол" "$work/report.txt" || fail "report PDF has no campaign name"
cli report --campaign 2019 --format xlsx --lang ru --out "$(winepath -w "$work/report.xlsx")"
go run ./.ci/windows/checkxlsx.go "$work/report.xlsx" "$work/summary.json"

echo "== CLI under wine on a PostgreSQL server: the office's file migrated, its figures checked on both sides"
export -f cli restart_wine fail
export dist work
bash .ci/with-postgres bash -c '
	set -euo pipefail
	url="$MEKTEPKEZHOL_TEST_PG&search_path=windows_office"
	cli migrate --from "$(winepath -w "$work/smoke.db")" --to "$url"
	cli whoami --db "$url" --json > "$work/whoami.json"
	grep -q "\"backend\": \"postgresql\"" "$work/whoami.json" || fail "whoami on the server: $(cat "$work/whoami.json")"
	cli summary --db "$url" --campaign 2019'

echo "== installer under wine: install, data in %APPDATA%, upgrade in place, uninstall keeps the data"
setup=$(ls "$dist"/MektepkezholSetup-*.exe | head -1)
local_app=$(winepath -u "$(wine cmd /c echo %LOCALAPPDATA% | tr -d '\r')")
roaming=$(winepath -u "$(wine cmd /c echo %APPDATA% | tr -d '\r')")
prog="$local_app/Programs/MektepkeZhol"
desktop=$(winepath -u "$(wine cmd /c echo %USERPROFILE% | tr -d '\r')")/Desktop
wine "$setup" /S
[ -f "$prog/mektepkezhol.exe" ] && [ -f "$prog/mektepkezhol-cli.exe" ] || fail "installer did not put the exes in $prog"
ls "$roaming/Microsoft/Windows/Start Menu/Programs/Мектепке жол/Мектепке жол.lnk" >/dev/null || fail "no Start-menu shortcut «Мектепке жол»"
rm -rf "$roaming/MektepkeZhol"
wine "$prog/mektepkezhol-cli.exe" demo >/dev/null   # the default database: %APPDATA%\MektepkeZhol
[ -f "$roaming/MektepkeZhol/mektepkezhol.db" ] || fail "the default database is not in %APPDATA%\\MektepkeZhol"
wine "$setup" /S                                    # upgrade in place
wine "$prog/mektepkezhol-cli.exe" summary --campaign 2019 >/dev/null || fail "data lost by the upgrade"
wine "$prog/uninstall.exe" /S "_?=$(winepath -w "$prog")"
[ ! -f "$prog/mektepkezhol.exe" ] || fail "uninstaller left the program"
[ -f "$roaming/MektepkeZhol/mektepkezhol.db" ] || fail "uninstaller deleted the database"
rm -rf "$roaming/MektepkeZhol" "$prog" "$desktop/Мектепке жол.lnk"
echo "installer: ok"

echo "== GUI under wine + Xvfb"
mkdir -p docs/screenshots
# The CLI runs left a wineserver without a display: a GUI started under it
# cannot create its windows («Failed to create helper window»).
restart_wine
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
	wine "$1" --db "$(winepath -w "$2/smoke.db")" > "$2/gui.log" 2>&1 &
	pid=$!
	sleep 25
	import -window root "$3"
	if ! kill -0 $pid 2>/dev/null; then echo "GUI exited early" >> "$2/gui.log"; exit 1; fi
	wineserver -k || true
' _ "$dist/mektepkezhol.exe" "$work" "docs/screenshots/windows.png" || { cat "$work/gui.log"; fail "GUI did not stay up"; }
if grep -Eq 'panic|fatal error' "$work/gui.log"; then cat "$work/gui.log"; fail "GUI wrote a panic"; fi
echo "windows-smoke: ok (screenshot docs/screenshots/windows.png)"
