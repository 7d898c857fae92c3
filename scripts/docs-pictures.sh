#!/usr/bin/env bash
# Makes the pictures in docs/templates/ with pkpm itself: the sample deck
# of every built-in template, as `pkpm templates show` renders it, and the
# cover of docs/shapes/bentuk.yaml, the template shapes example.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o /tmp/pkpm-docs ./cmd/pkpm
out=$(mktemp -d)
mkdir -p docs/templates
for t in edukasi kegiatan umkm pengumuman; do
  /tmp/pkpm-docs templates show "$t" --out "$out"
  cp "$out/templates/$t/overview.jpg" "docs/templates/$t.jpg"
done
# The shapes example: a project holding docs/shapes/bentuk.yaml.
proj=$(mktemp -d)
mkdir -p "$proj/templates"
cp docs/shapes/bentuk.yaml "$proj/templates/"
(cd "$proj" && /tmp/pkpm-docs templates show bentuk --out "$out")
cp "$out/templates/bentuk/01-cover.jpg" docs/templates/shapes.jpg
rm -rf "$out" "$proj"
