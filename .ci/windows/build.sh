#!/usr/bin/env bash
# Cross-builds the Windows release into dist/: the GUI exe through Fyne's
# packager (icon, version and name from the top-level FyneApp.toml), the CLI
# exe beside it, and the NSIS installer. Called by `make windows`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
dist="$root/dist"
mkdir -p "$dist"

# The top-level FyneApp.toml is the one that counts: its values are passed
# to `fyne package` as flags, so no second copy can drift from it.
meta() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
name=$(meta Name); id=$(meta ID); version=$(meta Version); build=$(meta Build); icon=$(meta Icon)
echo "packaging $name $version (build $build) for Windows"

fyne="$(go env GOPATH)/bin/fyne"
[ -x "$fyne" ] || go install fyne.io/tools/cmd/fyne@v1.7.4

export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
start=$(date +%s)
(cd cmd/mektepkezhol && "$fyne" package -os windows --release --name "$name" --app-id "$id" \
	--app-version "$version" --app-build "$build" --icon "$root/$icon")
mv "cmd/mektepkezhol/$name.exe" "$dist/mektepkezhol.exe"
go build -trimpath -ldflags "-s -w" -o "$dist/mektepkezhol-cli.exe" ./cmd/mektepkezhol-cli
echo "exes built in $(( $(date +%s) - start )) s"

convert "$icon" -define icon:auto-resize=256,64,48,32,16 "$dist/icon.ico"
makensis -V2 -DVERSION="$version" -DDIST="$dist" .ci/windows/installer.nsi
ls -la "$dist"
