#!/usr/bin/env bash
# End-to-end speed of `budgetdoc text` against `pdftotext -layout` over all
# corpus PDFs, both with 2 files in parallel, in the same run; plus the
# process start time with a warm compile cache and the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/real}
bin=bin/budgetdoc
[ -x "$bin" ] || go build -trimpath -o "$bin" ./cmd/budgetdoc
command -v pdftotext >/dev/null || { echo "bench-text: pdftotext not installed (apt-get install poppler-utils)"; exit 0; }
[ -d "$corpus" ] || { echo "bench-text: no corpus at $corpus"; exit 0; }
# Largest first; the two budgetdoc processes below take alternate files of
# this list, so each gets about half the bytes.
ls -S "$corpus"/*.pdf > /tmp/budgetdoc-bench-files
awk 'NR % 2 == 1' /tmp/budgetdoc-bench-files > /tmp/budgetdoc-bench-a
awk 'NR % 2 == 0' /tmp/budgetdoc-bench-files > /tmp/budgetdoc-bench-b
n=$(wc -l < /tmp/budgetdoc-bench-files)
# Warm the wazero compilation cache once.
"$bin" text "$(head -1 /tmp/budgetdoc-bench-files)" > /dev/null

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
t0=$(now); xargs -P2 -I{} pdftotext -layout {} /dev/null < /tmp/budgetdoc-bench-files 2>/dev/null; t1=$(now)
# budgetdoc reads many files in one process (as batch mode does); two
# processes share the files. One process per file is measured too: it pays
# the PDF engine's start-up (instantiating PDFium) for every file.
for half in a b; do xargs sh -c "\"$bin\" text \"\$@\" > /dev/null" _ < /tmp/budgetdoc-bench-$half & done; wait; t2=$(now)
xargs -P2 -I{} sh -c "\"$bin\" text {} > /dev/null" < /tmp/budgetdoc-bench-files; t3=$(now)
theirs=$(calc "$t1 - $t0"); ours=$(calc "$t2 - $t1"); perfile=$(calc "$t3 - $t2")
printf 'files: %d PDFs, 2 in parallel\npdftotext -layout (a process per file): %.2f s\nbudgetdoc text (2 processes):          %.2f s  ratio %.2fx (target <= 1.5x)\nbudgetdoc text (a process per file):   %.2f s  ratio %.2fx\n' \
  "$n" "$theirs" "$ours" "$(calc "$ours / $theirs")" "$perfile" "$(calc "$perfile / $theirs")"

small=$(ls -S "$corpus"/*.pdf | tail -1)
t0=$(now); "$bin" text "$small" > /dev/null; t1=$(now)
printf 'start + read of the smallest PDF (%s): %.3f s (target start <= 0.3 s)\n' "$(basename "$small")" "$(calc "$t1 - $t0")"
big=$(ls -S "$corpus"/*.pdf | head -1)
/usr/bin/time -f 'peak RSS on the largest PDF (%C): %M KiB (target <= 150 MB)' "$bin" text "$big" > /dev/null
