#!/usr/bin/env bash
# Checks .goreleaser.yaml and makes a snapshot release into dist-release/
# (git-ignored) without publishing anything: every archive of every
# system, and the checksums. Then lists the archives and runs the Linux
# binary of this machine's architecture, which must report the stamped
# version.
#
# goreleaser comes from the Go module proxy at a pinned version; the first
# run downloads and compiles it (a few minutes), later runs use Go's cache.
set -euo pipefail
cd "$(dirname "$0")/.."

GORELEASER=github.com/goreleaser/goreleaser/v2@v2.15.1
goreleaser() { go run "$GORELEASER" "$@"; }

goreleaser check
goreleaser release --snapshot --clean

echo
echo "archives in dist-release/:"
(cd dist-release && ls -l -- *.tar.gz *.zip checksums.txt)
echo
(cd dist-release && sha256sum --check --quiet checksums.txt) && echo "checksums.txt matches every archive"

arch=$(go env GOARCH)
bin=$(ls -d dist-release/pkpm_linux_"$arch"*/pkpm | head -n 1)
echo
echo "$bin version:"
"$bin" version
"$bin" version --format json
