# budgetdoc — see README.md. Every target works from a fresh clone.
GO      ?= go
BIN     ?= bin/budgetdoc
SAMPLES := $(wildcard samples/*.pdf samples/*.doc samples/*.docx samples/*.html samples/*.json samples/*.txt samples/*.xlsx)

.PHONY: build test test-warehouse run bench bench-text bench-corpus coverage-govwide bench-hostile bench-typos lexicon fixtures lint lint-tools fuzz clean

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/budgetdoc

# The README's test command: unit tests, reader tests on committed fixtures,
# and the corpus tests when ../shared is present.
test:
	$(GO) test -count=1 ./...
	@$(MAKE) --no-print-directory test-warehouse

# DuckDB over the batch output (corpus/duckdbtest, a module of its own so that
# DuckDB stays out of the main build): Parquet and CSV-through-datapackage.json
# against documents.jsonl. Skipped, with a message, when DuckDB's modules
# cannot be fetched; the test itself skips without cgo.
test-warehouse:
	@cd corpus/duckdbtest && if $(GO) list -test -deps . >/dev/null 2>&1; then \
	  $(GO) vet ./... && $(GO) test -count=1 ./...; \
	else echo "test-warehouse: skipped: the DuckDB modules cannot be fetched (cd corpus/duckdbtest && go list -test -deps .)"; fi

# The main job on the sample documents bundled in samples/: every document
# into out/samples/ (documents.jsonl and CSV tables, with findings), then the
# draft-check report of the samples.
run: build
	@rm -rf out/samples
	$(BIN) batch --progress log --out out/samples $(SAMPLES)
	@echo
	@# exit code 1 only says that findings were reported
	$(BIN) check $(SAMPLES) || [ $$? -eq 1 ]
	@echo
	@echo "wrote out/samples/: documents.jsonl (the full JSON per document) and CSV tables:"
	@ls out/samples

# Go benchmarks of every package, then the end-to-end text benchmark against
# pdftotext over the corpus (needs ../shared and poppler-utils).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./scripts/bench-text.sh

bench-text: build
	./scripts/bench-text.sh

# Batch over all corpus PDFs at 2 workers against pdftotext -layout with 2
# processes, peak RSS, and docs/s and pages/s over the corpus copied x10
# (needs ../shared and poppler-utils).
bench-corpus: build
	./scripts/bench-corpus.sh

# The numbers printed on the govwide table pages (pdftotext -layout as the
# oracle) that are cells of labelled table rows, and cells holding two
# numbers (needs ../shared and poppler-utils; about a minute). Add
# BUDGETDOC_COVERAGE_PAGES=1 to list the pages that lose numbers.
coverage-govwide:
	BUDGETDOC_COVERAGE=1 $(GO) test -count=1 -v -run '^TestGovwideCoverage$$' ./extract/tables

# The spelling check on ECSpell's 公文写作 (odw) training split: sentence- and
# character-level detection and correction P/R/F1, on the whole split, on the
# 80% the confusion pairs were derived from and on the held-out 20% (needs
# ../shared).
ECSPELL ?= ../shared/lexicons/ecspell_odw.train.tsv
bench-typos:
	$(GO) run ./nlp/spell/cmd/typobench $(ECSPELL)

# Rebuild the embedded classification lexicon from the corpora (or from a
# larger crawl: make lexicon LEXICON_INPUTS=crawl/).
LEXICON_INPUTS ?= ../shared/corpus/real ../shared/corpus/govwide
lexicon: build
	$(BIN) lexicon -o lexicon/data/lexicon.tsv $(LEXICON_INPUTS) || [ $$? -eq 1 ]
# The hostile-input suite at the sizes of issue 18 (a 200 MB text, a DOCX
# whose XML is 240 MB, …) on the built binary: every case must end within
# its --timeout + 2 s, with a one-line message naming the cause, in under
# 1 GiB of memory; then the stages after reading on a line doubling from 1
# to 8 MB (time per byte must stay within ±20%). `make test` runs the same
# suite in-process at sizes just over each limit.
bench-hostile: build
	BUDGETDOC_HOSTILE_BIN=$(abspath $(BIN)) $(GO) test -count=1 -v -run '^TestHostile' ./cmd/budgetdoc
	$(GO) test -run '^$$' -bench LongLine -benchtime 1x ./internal/hostile

# Regenerate the committed test fixtures (needs LibreOffice, Chromium, qpdf,
# poppler-utils and CJK fonts: see scripts/fixtures/README.md).
fixtures:
	@for s in scripts/fixtures/*.sh; do echo "== $$s"; bash "$$s" || exit 1; done

# staticcheck comes from the module proxy at a pinned version (2026.2.2
# understands Go 1.26); `go run` builds it once into the build cache.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# Packages whose staticcheck findings are being fixed on another branch:
# empty this list once `$(GO) run $(STATICCHECK) ./...` is clean on them.
STATICCHECK_PENDING :=

# Fetch and build the lint tools (CI runs it before lint, so that a fetch
# failure is not mistaken for a finding).
lint-tools:
	$(GO) run $(STATICCHECK) -version

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) $$($(GO) list ./... | grep -vxF -e '' $(foreach p,$(STATICCHECK_PENDING),-e $$($(GO) list -m)/$(p)))

# Short fuzzing of every fuzz target (FUZZTIME each).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin out
