#!/usr/bin/env bash
# bench-sheet.sh [RUNS [BINARY]] -- time `pkpm preview --sheet` of a 26-slide post against a cold
# `pkpm build` of that post alone, to the millisecond with bash's `time` (/usr/bin/time gives
# hundredths of a second: 0.07 against 0.13 or 0.14 read as 0.54 or 0.50), and print the medians
# and their ratio.
#
# The post joins the sections of four example posts (the last section left out: 26 slides).
# The runs alternate (build, sheet, build, sheet, ...) so that a machine whose load changes
# weighs on both alike. Each build starts with no dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkpm=${2:-$work/pkpm}
[ $# -ge 2 ] || go build -o "$pkpm" ./cmd/pkpm
proj=$work/project
mkdir -p "$proj/posts" "$proj/assets"
cp pkpm.yaml calendar.yaml "$proj/"
cp assets/logo.png "$proj/assets/"
cp -r templates "$proj/" && rm -f "$proj"/templates/*.go
body() { awk 'f>=2 {print} /^---$/ && f<2 {f++}' "posts/$1.md"; }
{
  awk '/^---$/ {n++} n<2 {print}' posts/protokol-3m-5m.md | sed 's/^title: .*/title: Panduan Lengkap Protokol Kesehatan/'
  echo ---
  for p in protokol-3m-5m gejala-covid-19 cuci-tangan-6-langkah cara-memakai-masker; do
    [ "$p" = protokol-3m-5m ] || printf '\n---\n'
    body "$p"
  done
} >"$work/long.md"
# Leave out the last section.
last=$(grep -n '^---$' "$work/long.md" | tail -1 | cut -d: -f1)
head -n $((last - 1)) "$work/long.md" >"$proj/posts/panduan-lengkap.md"

cd "$proj"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: >"$work/build" && : >"$work/sheet"
TIMEFORMAT=%3R
for ((i = 1; i <= runs; i++)); do
  rm -rf dist
  { time "$pkpm" build --quiet posts/panduan-lengkap.md 2>/dev/null; } 2>>"$work/build"
  { time "$pkpm" preview --quiet --sheet posts/panduan-lengkap.md 2>/dev/null; } 2>>"$work/sheet"
done
slides=$(ls dist/slides/panduan-lengkap/*.jpg | wc -l)
b=$(median <"$work/build")
s=$(median <"$work/sheet")
echo "$slides slides, median of $runs runs (load: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "pkpm build (cold):    $b s   [$(sort -n "$work/build" | tr '\n' ' ')]"
echo "pkpm preview --sheet: $s s   [$(sort -n "$work/sheet" | tr '\n' ' ')]"
awk -v s="$s" -v b="$b" 'BEGIN {printf "sheet / build:        %.2f\n", s / b}'
