#!/usr/bin/env bash
# perf-chart.sh [SIZES...] -- time pkpm and Marp CLI on the same slide texts, from 1 to 200
# slides, and draw docs/performance.png from the timings (kept in docs/performance.csv).
#
# For each size N: pkpm cold (no dist/), pkpm warm (built before, nothing changed) and Marp
# CLI exporting JPEGs through headless Chromium. pkpm gets the N slides as posts of ten content
# slides each (it adds a cover and a closing slide per post, so it draws more images than Marp).
# Marp runs when MARP names its binary, or it was installed in the cache folder below
# (`npm ci` of @marp-team/marp-cli 4); without it the chart shows pkpm alone.
# Each figure is the median of RUNS runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 25 50 100 200)
bin=$(mktemp -d)/pkpm
go build -o "$bin" ./cmd/pkpm
marp=${MARP:-${XDG_CACHE_HOME:-$HOME/.cache}/pkpm-bench/marp/node_modules/.bin/marp}
[ -x "$marp" ] || marp=""
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

texts=(
  "Masker adalah pelindung pertama dari percikan yang dapat membawa virus. Gunakan masker yang menutupi hidung, mulut, dan dagu dengan rapat. Ganti masker kain setiap empat jam atau ketika sudah lembap, dan buang masker sekali pakai ke tempat sampah tertutup."
  "Cuci tangan dengan sabun dan air mengalir selama dua puluh detik, terutama sebelum makan dan sepulang dari tempat umum. Gosok sela-sela jari, punggung tangan, dan ujung kuku sampai bersih."
  "Jaga jarak satu sampai dua meter dari orang lain di pasar, sekolah, dan kendaraan umum. Atur posisi duduk berselang, ikuti tanda antrean, dan sapa kerabat dengan lambaian tangan saja."
)
slide() { # slide I: heading, text, three bullets
  printf '## %d. Protokol kesehatan\n\n%s\n\n- Pakai masker\n- Cuci tangan\n- Jaga jarak\n' "$1" "${texts[$(($1 % 3))]}"
}
project() { # project N DIR: pkpm posts and a Marp deck holding the same N slides
  local n=$1 dir=$2 i
  mkdir -p "$dir/posts"
  {
    printf -- '---\nmarp: true\ntheme: carousel\n---\n'
    for ((i = 1; i <= n; i++)); do
      [ "$i" -gt 1 ] && printf '\n---\n'
      printf '\n'
      slide "$i"
    done
  } >"$dir/deck.md"
  for ((i = 1; i <= n; i++)); do
    local f
    f=$(printf '%s/posts/bagian-%03d.md' "$dir" $(((i - 1) / 10 + 1)))
    if [ -f "$f" ]; then
      printf '\n---\n\n' >>"$f"
    else
      printf -- '---\ntitle: Protokol Kesehatan Bagian %d\n---\n\n' $(((i - 1) / 10 + 1)) >"$f"
    fi
    slide "$i" >>"$f"
  done
}
seconds() { # seconds COMMAND...: wall time of the command, in seconds
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
runs=${RUNS:-3}
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
cold() { (cd "$1" && rm -rf dist && "$bin" build --quiet); }
warm() { (cd "$1" && "$bin" build --quiet); }
marpit() { CHROME_PATH=$(command -v chromium) TMPDIR="$1/tmp" "$marp" --no-stdin --theme-set scripts/marp-carousel.css --images jpeg -o "$1/out/deck.jpeg" "$1/deck.md"; }

csv=docs/performance.csv
echo "slides,pkpm_cold,pkpm_warm,marp" >"$csv"
for n in "${sizes[@]}"; do
  d=$work/p$n
  project "$n" "$d"
  mkdir -p "$d/tmp" "$d/out"
  c=() w=() m=()
  for ((r = 0; r < runs; r++)); do
    c+=("$(seconds cold "$d")")
    w+=("$(seconds warm "$d")")
    [ -n "$marp" ] && m+=("$(seconds marpit "$d")")
  done
  mm=""
  [ -n "$marp" ] && mm=$(median "${m[@]}")
  printf '%d,%.3f,%.3f,%s\n' "$n" "$(median "${c[@]}")" "$(median "${w[@]}")" "$mm" | tee -a "$csv"
done
go run ./scripts/perfchart "$csv" docs/performance.png
echo "wrote docs/performance.png"
