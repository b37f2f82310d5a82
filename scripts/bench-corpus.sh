#!/usr/bin/env bash
# Batch throughput over the corpus PDFs: `budgetdoc batch` at 2 workers
# against `pdftotext -layout` with 2 processes over the same files, in the
# same run; peak RSS of the batch; then docs/s and pages/s over the corpus
# copied ten times (the copies are duplicates by hash: processed once, so
# only the unique documents count as work).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/real}
bin=bin/budgetdoc
[ -x "$bin" ] || go build -trimpath -o "$bin" ./cmd/budgetdoc
command -v pdftotext >/dev/null || { echo "bench-corpus: pdftotext not installed (apt-get install poppler-utils)"; exit 0; }
[ -d "$corpus" ] || { echo "bench-corpus: no corpus at $corpus"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$corpus"/*.pdf > "$tmp/files"
n=$(wc -l < "$tmp/files")
pages=$(xargs -I{} pdfinfo {} < "$tmp/files" 2>/dev/null | awk '/^Pages:/ { s += $2 } END { print s }')
# Warm the wazero compilation cache and the segmenter's dictionary directory.
"$bin" batch --out "$tmp/warm.sqlite" --progress none "$(head -1 "$tmp/files")" > /dev/null 2>&1 || true

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
# Wall time is the target; CPU time (user + system, of the process and its
# children) is printed beside it because it hardly depends on what else the
# machine is running.
cpu() { awk '{ print $1 + $2 }' "$1"; }
t0=$(now); /usr/bin/time -f '%U %S' -o "$tmp/cpu-theirs" xargs -P2 -I{} pdftotext -layout {} /dev/null < "$tmp/files" 2>/dev/null; t1=$(now)
/usr/bin/time -f '%U %S %M' -o "$tmp/rss" "$bin" batch --out "$tmp/once.sqlite" --workers 2 --progress none - < "$tmp/files" 2> "$tmp/once.log" || true
t2=$(now)
theirs=$(calc "$t1 - $t0"); ours=$(calc "$t2 - $t1")
cpu_theirs=$(cpu "$tmp/cpu-theirs"); cpu_ours=$(cpu "$tmp/rss")
printf 'files: %d PDFs, %s pages, 2 in parallel\n' "$n" "$pages"
printf 'pdftotext -layout (2 processes):  %.2f s  (CPU %.2f s)\n' "$theirs" "$cpu_theirs"
printf 'budgetdoc batch --workers 2:      %.2f s  (CPU %.2f s)  ratio %.2fx (target <= 2.0x), CPU ratio %.2fx\n' \
  "$ours" "$cpu_ours" "$(calc "$ours / $theirs")" "$(calc "$cpu_ours / $cpu_theirs")"
printf 'peak RSS of the batch: %d MB (target <= 300 MB)\n' "$(( $(awk '{ print $3 }' "$tmp/rss") / 1024 ))"
grep -E 'ok,|failed in' "$tmp/once.log" || true

mkdir -p "$tmp/x10"
for i in $(seq 1 10); do mkdir -p "$tmp/x10/$i"; cp "$corpus"/*.pdf "$tmp/x10/$i/"; done
t0=$(now)
/usr/bin/time -f '%M' -o "$tmp/rss10" "$bin" batch --out "$tmp/x10.sqlite" --workers 2 --progress none "$tmp/x10" 2> "$tmp/x10.log" || true
t1=$(now)
secs=$(calc "$t1 - $t0")
printf 'corpus x10: %d files, %d unique, %.2f s wall: %.2f docs/s, %.1f pages/s (unique documents only), peak RSS %d MB\n' \
  "$((n * 10))" "$n" "$secs" "$(calc "$n / $secs")" "$(calc "$pages / $secs")" "$(( $(cat "$tmp/rss10") / 1024 ))"
grep -E 'unique|ok,' "$tmp/x10.log" || true

# Throughput at scale: the ten copies made distinct (a PDF comment appended
# after %%EOF changes the hash, not the content), so all 10x are processed;
# the per-process start-up (PDF engine, segmenter dictionary) is then a small
# part of the run. Against pdftotext over the same files.
rm -rf "$tmp/x10"
mkdir -p "$tmp/d10"
for i in $(seq 1 10); do
  while read -r f; do
    b=$(basename "$f" .pdf)
    { cat "$f"; printf '\n%% copy %d\n' "$i"; } > "$tmp/d10/${b}_$i.pdf"
  done < "$tmp/files"
done
ls "$tmp"/d10/*.pdf > "$tmp/files10"
t0=$(now); xargs -P2 -I{} pdftotext -layout {} /dev/null < "$tmp/files10" 2>/dev/null; t1=$(now)
/usr/bin/time -f '%M' -o "$tmp/rssd" "$bin" batch --out "$tmp/d10.sqlite" --workers 2 --progress none - < "$tmp/files10" 2> "$tmp/d10.log" || true
t2=$(now)
theirs=$(calc "$t1 - $t0"); ours=$(calc "$t2 - $t1")
printf 'corpus x10 distinct: %d documents, %d pages: pdftotext %.2f s, budgetdoc batch %.2f s, ratio %.2fx; %.2f docs/s, %.1f pages/s, peak RSS %d MB\n' \
  "$((n * 10))" "$((pages * 10))" "$theirs" "$ours" "$(calc "$ours / $theirs")" "$(calc "$n * 10 / $ours")" "$(calc "$pages * 10 / $ours")" "$(( $(cat "$tmp/rssd") / 1024 ))"
