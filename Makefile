# SPDX-License-Identifier: Apache-2.0
# lovc: compiler for the lov rule language, its runtime and its tests.
#
#   make            build build/lovc and build/liblov.a
#   make test       unit, golden and end-to-end tests, the fuzz run and a sample of the
#                   differential tests (make difftest SECONDS=N for a long run)
#   make test SANITIZE=1   the same under AddressSanitizer + UBSan (in build/sanitize/)
#   make demo       the bundled example
#
#   make install PREFIX=/usr DESTDIR=...   copy lovc, liblov.a, the runtime headers,
#                   lov.pc, the manual pages and the bash completion (nothing else)
#   make uninstall  remove exactly those (the same PREFIX, DESTDIR, ...)
#
# Missing Debian packages are installed by tools/ensure-deps (as root), which
# 'make', 'make test' and 'make deps' run; 'make install' never does.

# The version is written once, in runtime/core/lov_version.h.
VERSION   := $(shell sed -n 's/^#define LOV_VERSION "\(.*\)"$$/\1/p' runtime/core/lov_version.h)
CC        ?= cc
# Where 'make install' puts things (under DESTDIR, for packaging).
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR    ?= $(PREFIX)/share/man
DOCDIR    ?= $(PREFIX)/share/doc/lovc
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

BUILD     ?= build
ifeq ($(SANITIZE),1)
override BUILD := $(BUILD)/sanitize
SANFLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
SANFLAGS  :=
endif

WARN      := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wundef -Wwrite-strings \
             -Wmissing-prototypes -Wstrict-prototypes
CSTD      := -std=c11 -D_POSIX_C_SOURCE=200809L
OPT       ?= -O2 -g
# Sources name their headers by folder ("front/ast.h", "support/diag.h");
# generated parsers and scanners sit in the same folders under $(BUILD).
INCLUDES  = -Iruntime -Icompiler -I$(BUILD)/runtime -I$(BUILD)/compiler
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) $(INCLUDES)
LDFLAGS_ALL = $(SANFLAGS)

# Generated sources (bison, flex) are warning-clean only with a smaller set.
GEN_WARN  := -Wall -Wextra -Wpedantic -Werror -Wno-unused-function -Wno-sign-compare

# liblov: the public core (runtime/core), the support every part of lovc
# uses (runtime/support) and the scenario runner (runtime/suites).
RUNTIME_GEN := $(BUILD)/runtime/suites/scn_parser.c $(BUILD)/runtime/suites/scn_lexer.c
RUNTIME_SRC := $(wildcard runtime/*/*.c)
RUNTIME_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(RUNTIME_SRC)) $(RUNTIME_GEN:.c=.o)

# The compiler's passes, folder by folder (compiler/README.md); main.c is the driver.
COMPILER_GEN := $(BUILD)/compiler/front/parser.c $(BUILD)/compiler/front/lexer.c
COMPILER_SRC := $(wildcard compiler/*/*.c)
COMPILER_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(COMPILER_SRC)) $(COMPILER_GEN:.c=.o)

HEADERS   := $(wildcard runtime/*/*.h compiler/*/*.h)
GEN_HEADERS := $(RUNTIME_GEN:.c=.h) $(COMPILER_GEN:.c=.h)

UNIT_SRC  := $(wildcard tests/unit/*.c)
UNIT_OBJ  := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%.o,$(UNIT_SRC))

# Modules that 'lovc test' compiles are cached here during the tests, not in ~/.cache.
export LOVC_CACHE ?= $(abspath $(BUILD))/cache

CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

.PHONY: all deps test unit golden fuzz demo bench clean install uninstall man lsp
all: deps $(BUILD)/lovc $(BUILD)/liblov.a man

deps:
	@tools/ensure-deps

# ---- generated scanners and parsers --------------------------------------
$(BUILD)/%/scn_parser.c $(BUILD)/%/scn_parser.h: %/scn_parser.y
	@mkdir -p $(@D)
	@echo "  BISON   $<"
	@bison -Wall -Werror --header=$(@D)/scn_parser.h -o $(@D)/scn_parser.c $<

$(BUILD)/%/scn_lexer.c $(BUILD)/%/scn_lexer.h: %/scn_lexer.l $(BUILD)/%/scn_parser.h
	@echo "  FLEX    $<"
	@flex --header-file=$(@D)/scn_lexer.h -o $(@D)/scn_lexer.c $<

$(BUILD)/%/parser.c $(BUILD)/%/parser.h: %/parser.y
	@mkdir -p $(@D)
	@echo "  BISON   $<"
	@bison -Wall -Werror --header=$(@D)/parser.h -o $(@D)/parser.c $<

$(BUILD)/%/lexer.c $(BUILD)/%/lexer.h: %/lexer.l $(BUILD)/%/parser.h
	@echo "  FLEX    $<"
	@flex --header-file=$(@D)/lexer.h -o $(@D)/lexer.c $<

$(RUNTIME_GEN:.c=.o) $(COMPILER_GEN:.c=.o): %.o: %.c $(GEN_HEADERS) $(HEADERS)
	@echo "  CC      $<"
	@$(CC) $(CSTD) $(GEN_WARN) $(OPT) $(SANFLAGS) $(INCLUDES) -c $< -o $@

# ---- liblov, the compiler and lovc ----------------------------------------
$(BUILD)/%.o: %.c $(HEADERS) $(GEN_HEADERS)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/liblov.a: $(RUNTIME_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BUILD)/liblovc.a: $(COMPILER_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BUILD)/lovc: $(BUILD)/compiler/main.o $(BUILD)/liblovc.a $(BUILD)/liblov.a
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS_ALL) -o $@ $^ -lffi -lz3 -lnettle -ldl -lpthread -ljansson -lcsv

# ---- tests ---------------------------------------------------------------
$(BUILD)/tests/unit/%.o: tests/unit/%.c $(wildcard tests/unit/*.h) $(HEADERS) $(GEN_HEADERS)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) $(CHECK_CFLAGS) -c $< -o $@

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/liblovc.a $(BUILD)/liblov.a
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS_ALL) -o $@ $^ $(CHECK_LIBS) -lffi -lz3 -lnettle -ldl -lpthread -ljansson -lcsv

test: all unit golden fuzz e2e scenarios verify generated layout packaging review-check caseload editors lsp
# Run once, in the plain 'make test': the libFuzzer harnesses (sanitized builds of
# their own), and the safety corpus and the difftest, which test what the rules
# mean (the sanitizers change nothing there) and would take .ci/run past its
# 12 minutes; the sanitizer build runs the rest.
ifneq ($(SANITIZE),1)
test: safety difftest fuzz-libfuzzer
endif

# Check stops a test after CK_DEFAULT_TIMEOUT seconds (4 by default): a guard
# against hangs, not a speed goal, so a busy machine gets a minute.
unit: deps $(BUILD)/unit-tests
	CK_DEFAULT_TIMEOUT=$${CK_DEFAULT_TIMEOUT:-60} $(BUILD)/unit-tests

golden: deps $(BUILD)/lovc
	@tests/golden/run $(BUILD)/lovc
	@tests/golden/coverage
	@tests/golden/law-texts $(BUILD)/lovc

fuzz: deps $(BUILD)/lovc $(BUILD)/tests/fuzz/mutate
	@tests/fuzz/run $(BUILD)/lovc $(BUILD)/tests/fuzz/mutate

# End-to-end: every .lov under examples/ and rules/ compiled with lovc, the C
# built with gcc and clang -Werror (and ASan/UBSan), run through the generic
# smoke driver and its tests/e2e/<module>_test.c; then examples/vendor/.
.PHONY: e2e
e2e: deps $(BUILD)/lovc
	@tests/e2e/run $(BUILD)/lovc

# The legal-safety checks and lovc verify on rules/ and examples/legacy/, and
# a refuted assertion's counterexample run by lovc test.
.PHONY: verify
verify: deps $(BUILD)/lovc
	@tests/verify/run $(BUILD)/lovc

# The legal-safety checks judged on meaning: flawed modules and their lawful twins (tests/safety/).
.PHONY: safety
safety: deps $(BUILD)/lovc
	@tests/safety/run $(BUILD)/lovc

# The generated C of every module, compared byte for byte with tests/generated/expected/.
.PHONY: generated
generated: deps $(BUILD)/lovc
	@tests/generated/run $(BUILD)/lovc

# What a vendor or packager relies on: the version guard of generated C, no
# absolute path in it (tests/packaging/run).
.PHONY: packaging
packaging: deps $(BUILD)/lovc $(BUILD)/liblov.a man
	@tests/packaging/run $(BUILD)/lovc

# lovc run and lovc diff on small caseloads with exact outputs, -j1 against -j4,
# and a million cases in flat memory (tests/run/run).
.PHONY: caseload
caseload: deps $(BUILD)/lovc
	@$(if $(filter 1,$(SANITIZE)),RUN_MILLION=0) tests/run/run $(BUILD)/lovc

# The editor support (editors/): the TextMate grammar tokenized as VS Code does, by
# vscode-textmate and vscode-oniguruma, which 'make editors-deps' fetches with npm
# into $(BUILD)/editors (the test says it skips when npm is missing); the Vim syntax.
EDITOR_MODULES := $(BUILD)/editors/node_modules
.PHONY: editors editors-deps
editors-deps:
	@if ! command -v npm >/dev/null 2>&1; then \
	    echo "editors-deps: npm is not installed (apt-get install npm); the grammar test will skip"; \
	elif [ ! -d $(EDITOR_MODULES)/vscode-textmate ] || [ ! -d $(EDITOR_MODULES)/vscode-oniguruma ]; then \
	    mkdir -p $(BUILD)/editors && echo "  NPM     vscode-textmate vscode-oniguruma" && \
	    npm install --silent --no-save --no-audit --no-fund --prefix $(BUILD)/editors \
	        vscode-textmate@9.3.2 vscode-oniguruma@2.0.1; \
	fi
editors: editors-deps
	@tests/editors/run $(EDITOR_MODULES)

# lovc lsp, driven over a pipe by a scripted editor (tests/lsp/client.py).
.PHONY: lsp
lsp: deps $(BUILD)/lovc
	@tests/lsp/run $(BUILD)/lovc

# The layout's rules: includes run one way down the pipeline (tests/layout/run).
.PHONY: layout
layout: deps $(BUILD)/lovc
	@tests/layout/run $(BUILD)

# The tester's guide's suites, run, and its quoted outputs checked against them.
.PHONY: scenarios
scenarios: deps $(BUILD)/lovc
	@tests/scenarios/run $(BUILD)/lovc

# The review of examples/review/: a municipality's caseload 2018-2020 (written by its
# generator from a fixed seed) decided by the 2022 case-system logic and by the law, and
# the repayment list (examples/review/README.md). review-check compares that list with
# the one the generator worked out from the law (tests/review/run).
REVIEW := $(BUILD)/review
$(REVIEW)/generate_caseload: examples/review/generate_caseload.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(LDFLAGS_ALL)

$(REVIEW)/sager.jsonl: $(REVIEW)/generate_caseload
	@$< $@ $(REVIEW)/forventet.csv

.PHONY: review review-check
review: deps $(BUILD)/lovc $(REVIEW)/sager.jsonl
	@examples/review/run $(BUILD)/lovc $(REVIEW)

review-check: deps $(BUILD)/lovc
	@tests/review/run $(BUILD)/lovc

# Differential tests (tests/diff/run): generated modules compiled with gcc and
# clang -Werror against the reference interpreter, and every suite on both
# engines. In make test a fixed sample; 'make difftest SECONDS=N' runs
# generated modules from a random seed for N seconds (SEED=S to repeat one).
DIFF_TOOLS := $(BUILD)/tests/diff/gen $(BUILD)/tests/diff/emit $(BUILD)/tests/diff/ext.so
.PHONY: difftest
# Under the sanitizers lovc is slower: half the sample.
difftest: deps $(BUILD)/lovc $(DIFF_TOOLS)
	@$(if $(filter 1,$(SANITIZE)),DIFF_MODULES=$${DIFF_MODULES:-2}) nice -n 10 tests/diff/run $(BUILD)/lovc $(BUILD)/tests/diff $(SECONDS)

$(BUILD)/tests/diff/gen: tests/diff/gen.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(LDFLAGS_ALL)

$(BUILD)/tests/diff/emit: tests/diff/emit.c $(BUILD)/liblovc.a $(BUILD)/liblov.a
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDFLAGS_ALL) -lffi -lz3 -lnettle -ldl -ljansson

$(BUILD)/tests/diff/ext.so: tests/diff/ext.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) -std=c11 -Wall -Wextra -Wpedantic -Werror -shared -fPIC -Iruntime/core -o $@ $<

# The fuzzer's input generator (a test tool, not part of lovc).
$(BUILD)/tests/fuzz/mutate: tests/fuzz/mutate.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(LDFLAGS_ALL)

# ---- libFuzzer harnesses (tests/fuzz/README.md) ----------------------------
# liblov and the compiler built again with clang, coverage for libFuzzer, ASan
# and UBSan, in $(LF_BUILD); each harness is linked with -fsanitize=fuzzer.
# The evaluator harness is linked once with the generated C of each module
# under rules/. 'make fuzz-libfuzzer' runs each for FUZZ_SECONDS (all at once,
# FUZZ_JOBS at a time); 'make fuzz-long SECONDS=N' runs each N seconds and
# keeps the new inputs in build/libfuzzer/work/ (with FUZZ_MERGE=1 it then
# minimises them into the committed corpus; tests/fuzz/libfuzzer/run).
LF_BUILD  := build/libfuzzer
LF_CC     := clang
LF_SAN    := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LF_LINK   := -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LF_CFLAGS  = $(CSTD) $(WARN) -O1 -g $(LF_SAN) -Iruntime -Icompiler -I$(LF_BUILD)/runtime -I$(LF_BUILD)/compiler
LF_RULES  := $(sort $(wildcard rules/*/*.lov))
LF_EVAL   := $(patsubst rules/%.lov,$(LF_BUILD)/eval/%/fuzz,$(LF_RULES))
LF_HARNESSES := $(LF_BUILD)/frontend/fuzz $(LF_BUILD)/suite/fuzz $(LF_BUILD)/suite-externals/fuzz $(LF_EVAL)
FUZZ_SECONDS ?= 60


.PHONY: fuzz-libfuzzer fuzz-long fuzz-harnesses
# The instrumented libraries, by a make of their own in $(LF_BUILD); a harness
# is rebuilt when a source of them changes.
LF_LIB_SRC := $(RUNTIME_SRC) $(COMPILER_SRC) $(HEADERS) $(wildcard runtime/*/*.[yl] compiler/*/*.[yl])
$(LF_BUILD)/libs.stamp: $(LF_LIB_SRC)
	@$(MAKE) --no-print-directory $(if $(findstring jobserver,$(MAKEFLAGS)),,-j2) BUILD=$(LF_BUILD) \
	    CC=$(LF_CC) OPT='-O1 -g' SANFLAGS='$(LF_SAN)' $(LF_BUILD)/liblov.a $(LF_BUILD)/liblovc.a
	@touch $@

$(LF_BUILD)/frontend/fuzz: tests/fuzz/libfuzzer/frontend.c $(LF_BUILD)/libs.stamp
	@mkdir -p $(@D)
	@echo "  FUZZ    $@"
	@$(LF_CC) $(LF_CFLAGS) $(LF_LINK) -o $@ $< $(LF_BUILD)/liblovc.a $(LF_BUILD)/liblov.a -lffi -lz3 -lnettle -ldl

# The suite harnesses run suites on one module's generated C, linked in: 'suite' on
# the 225-hour rules, 'suite-externals' on a module with an external function.
define LF_SUITE_RECIPE
	@rm -rf $(@D)/gen && mkdir -p $(@D)/gen
	@$(BUILD)/lovc build $(word 2,$^) -o $(@D)/gen
	@echo "  FUZZ    $@"
	@c=$$(ls $(@D)/gen/*.c) && name=$$(basename "$$c" .c) && \
	$(LF_CC) $(LF_CFLAGS) -Iruntime/core -I$(@D)/gen -DFUZZ_MODULE="$$name" -DFUZZ_HEADER="\"$$name.h\"" \
	    $(LF_LINK) -o $@ tests/fuzz/libfuzzer/suite.c "$$c" $(LF_BUILD)/liblov.a -lffi -lnettle -ldl
endef
$(LF_BUILD)/suite/fuzz: tests/fuzz/libfuzzer/suite.c rules/kontanthjaelp/225_timer.lov $(BUILD)/lovc \
                        $(LF_BUILD)/libs.stamp
	$(LF_SUITE_RECIPE)
$(LF_BUILD)/suite-externals/fuzz: tests/fuzz/libfuzzer/suite.c examples/partshoering/nedsaettelse.lov \
                                  $(BUILD)/lovc $(LF_BUILD)/libs.stamp
	$(LF_SUITE_RECIPE)

# One evaluator harness per rule file: rules/X/Y.lov -> $(LF_BUILD)/eval/X/Y/fuzz.
# The text forms of dates, amounts and decimals (runtime/core) print a case (LOV_FUZZ_PRINT).
LF_TEXT   := runtime/core/date_text.c runtime/core/decimal_text.c runtime/core/money_text.c
$(LF_BUILD)/eval/%/fuzz: rules/%.lov tests/fuzz/libfuzzer/evaluate.c $(BUILD)/lovc $(wildcard runtime/core/*.h) \
                         $(LF_TEXT)
	@rm -rf $(@D)/gen && mkdir -p $(@D)/gen
	@$(BUILD)/lovc build $< -o $(@D)/gen
	@echo "  FUZZ    $@"
	@c=$$(ls $(@D)/gen/*.c) && name=$$(basename "$$c" .c) && \
	$(LF_CC) $(CSTD) $(WARN) -O1 -g $(LF_LINK) -Iruntime/core -I$(@D)/gen -DFUZZ_MODULE="$$name" \
	    -DFUZZ_HEADER="\"$$name.h\"" -o $@ tests/fuzz/libfuzzer/evaluate.c "$$c" $(LF_TEXT)

fuzz-harnesses: $(LF_HARNESSES)

fuzz-libfuzzer: deps $(BUILD)/lovc fuzz-harnesses
	@tests/fuzz/libfuzzer/run $(FUZZ_SECONDS) $(LF_BUILD) $(LF_HARNESSES)

fuzz-long: deps $(BUILD)/lovc fuzz-harnesses
	@FUZZ_KEEP=1 tests/fuzz/libfuzzer/run $(or $(SECONDS),1800) $(LF_BUILD) $(LF_HARNESSES)

demo: all $(REVIEW)/sager.jsonl
	@tools/demo $(BUILD)/lovc

# The generated 225-hour evaluator against a hand-written one (bench/); then
# lovc test on a generated suite of 10,000 scenarios (bench/scenarios); lovc check on
# 1,000 definitions over a chain and on rules/ (bench/safety-scale); lovc doc on
# 10,000 and 40,000 definitions and lovc verify on 400,000 inputs (bench/doc-verify-scale); the rule of
# bench/peers/SPEC.md as generated C against naive and branch-free hand-written C
# (bench/peers/run); the compiler's scaling to 100,000 definitions (bench/scale).
# lovc run and lovc diff over 1,000,000 cases beside cat of the files (bench/caseload).
bench: all
	@mkdir -p $(BUILD)/bench
	@$(BUILD)/lovc build bench/timer225.lov -o $(BUILD)/bench
	@$(CC) -std=c11 -O2 -Iruntime/core -I$(BUILD)/bench bench/bench.c bench/handwritten.c \
	    $(BUILD)/bench/bench_225.c -o $(BUILD)/bench/bench
	@$(BUILD)/bench/bench
	@$(CC) -std=c11 -O2 -Iruntime/core -I$(BUILD)/bench bench/gen_scenarios.c bench/handwritten.c \
	    -o $(BUILD)/bench/gen_scenarios
	@bench/scenarios $(BUILD)/lovc $(BUILD)/bench/gen_scenarios $(BUILD)/bench
	@bench/safety-scale $(BUILD)/lovc $(BUILD)/bench
	@bench/doc-verify-scale $(BUILD)/lovc $(BUILD)/bench
	@bench/peers/run $(BUILD)/lovc $(BUILD)/bench/peers
	@bench/scale $(BUILD)/lovc $(BUILD)/bench/scale
	@bench/caseload $(BUILD)/lovc $(BUILD)/bench/caseload

# ---- manual pages (scdoc) -------------------------------------------------
MAN_PAGES := $(BUILD)/man/lovc.1 $(BUILD)/man/lov.5
man: $(MAN_PAGES)
$(BUILD)/man/%: docs/man/%.scd
	@mkdir -p $(@D)
	@echo "  SCDOC   $<"
	@scdoc <$< >$@.tmp && mv $@.tmp $@

# ---- install and uninstall: copies only ('make deps' installs packages) ----
# Every file installed is listed once, in INSTALLED, so that uninstall removes
# exactly those.
INSTALL   ?= install
CORE_HEADERS := $(sort $(wildcard runtime/core/lov*.h))
INSTALLED := $(BINDIR)/lovc $(LIBDIR)/liblov.a $(LIBDIR)/pkgconfig/lov.pc \
             $(patsubst runtime/core/%,$(INCLUDEDIR)/lov/%,$(CORE_HEADERS)) \
             $(MANDIR)/man1/lovc.1 $(MANDIR)/man5/lov.5 $(BASHCOMPDIR)/lovc \
             $(DOCDIR)/LICENSE $(DOCDIR)/CHANGELOG.md

install: $(BUILD)/lovc $(BUILD)/liblov.a $(MAN_PAGES)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/lov \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 755 $(BUILD)/lovc $(DESTDIR)$(BINDIR)/lovc
	$(INSTALL) -m 644 $(BUILD)/liblov.a $(DESTDIR)$(LIBDIR)/liblov.a
	$(INSTALL) -m 644 $(CORE_HEADERS) $(DESTDIR)$(INCLUDEDIR)/lov/    # the public runtime: what generated C includes
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' tools/lov.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/lov.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/lov.pc
	$(INSTALL) -m 644 $(BUILD)/man/lovc.1 $(DESTDIR)$(MANDIR)/man1/lovc.1
	$(INSTALL) -m 644 $(BUILD)/man/lov.5 $(DESTDIR)$(MANDIR)/man5/lov.5
	$(INSTALL) -m 644 tools/completion/lovc.bash $(DESTDIR)$(BASHCOMPDIR)/lovc
	$(INSTALL) -m 644 LICENSE CHANGELOG.md $(DESTDIR)$(DOCDIR)/

# The files installed, and the folders that are lovc's own (when empty).
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/lov $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf build
