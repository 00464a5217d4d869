# lovc: compiler for the lov rule language, its runtime and its tests.
#
#   make            build build/lovc and build/liblov.a
#   make test       unit, golden and end-to-end tests, and the fuzz run
#   make test SANITIZE=1   the same under AddressSanitizer + UBSan (in build/sanitize/)
#   make demo       the bundled example
#
# Missing Debian packages are installed by tools/ensure-deps (as root).

VERSION   := 0.1.0
CC        ?= cc
PREFIX    ?= /usr/local
DESTDIR   ?=

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
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -Iruntime -Icompiler -I$(BUILD) \
             -DLOVC_VERSION='"$(VERSION)"'
LDFLAGS_ALL = $(SANFLAGS)

# Generated sources (bison, flex) are warning-clean only with a smaller set.
GEN_WARN  := -Wall -Wextra -Wpedantic -Werror -Wno-unused-function -Wno-sign-compare

RUNTIME_SRC := $(wildcard runtime/*.c)
RUNTIME_OBJ := $(patsubst runtime/%.c,$(BUILD)/runtime/%.o,$(RUNTIME_SRC)) \
               $(BUILD)/runtime/scn_parser.o $(BUILD)/runtime/scn_lexer.o

COMPILER_SRC := $(filter-out compiler/main.c,$(wildcard compiler/*.c))
COMPILER_OBJ := $(patsubst compiler/%.c,$(BUILD)/compiler/%.o,$(COMPILER_SRC)) \
                $(BUILD)/compiler/parser.o $(BUILD)/compiler/lexer.o

UNIT_SRC  := $(wildcard tests/unit/*.c)
UNIT_OBJ  := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%.o,$(UNIT_SRC))

# Modules that 'lovc test' compiles are cached here during the tests, not in ~/.cache.
export LOVC_CACHE ?= $(abspath $(BUILD))/cache

CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

.PHONY: all deps test unit golden fuzz demo bench clean install
all: deps $(BUILD)/lovc $(BUILD)/liblov.a

deps:
	@tools/ensure-deps

# ---- runtime -------------------------------------------------------------
$(BUILD)/runtime/scn_parser.c $(BUILD)/runtime/scn_parser.h: runtime/scn_parser.y | $(BUILD)/runtime
	@echo "  BISON   $<"
	@bison -Wall -Werror --header=$(BUILD)/runtime/scn_parser.h -o $(BUILD)/runtime/scn_parser.c $<

$(BUILD)/runtime/scn_lexer.c $(BUILD)/runtime/scn_lexer.h: runtime/scn_lexer.l $(BUILD)/runtime/scn_parser.h
	@echo "  FLEX    $<"
	@flex --header-file=$(BUILD)/runtime/scn_lexer.h -o $(BUILD)/runtime/scn_lexer.c $<

$(BUILD)/runtime/scn_parser.o $(BUILD)/runtime/scn_lexer.o: %.o: %.c $(BUILD)/runtime/scn_lexer.h $(wildcard runtime/*.h)
	@echo "  CC      $<"
	@$(CC) $(CSTD) $(GEN_WARN) $(OPT) $(SANFLAGS) -Iruntime -I$(BUILD)/runtime -c $< -o $@

$(BUILD)/runtime/%.o: runtime/%.c $(wildcard runtime/*.h) $(BUILD)/runtime/scn_parser.h $(BUILD)/runtime/scn_lexer.h | $(BUILD)/runtime
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -I$(BUILD)/runtime -c $< -o $@

$(BUILD)/liblov.a: $(RUNTIME_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

# ---- compiler ------------------------------------------------------------
$(BUILD)/compiler/parser.c $(BUILD)/compiler/parser.h: compiler/parser.y | $(BUILD)/compiler
	@echo "  BISON   $<"
	@bison -Wall -Werror --header=$(BUILD)/compiler/parser.h -o $(BUILD)/compiler/parser.c $<

$(BUILD)/compiler/lexer.c $(BUILD)/compiler/lexer.h: compiler/lexer.l $(BUILD)/compiler/parser.h
	@echo "  FLEX    $<"
	@flex --header-file=$(BUILD)/compiler/lexer.h -o $(BUILD)/compiler/lexer.c $<

$(BUILD)/compiler/parser.o: $(BUILD)/compiler/parser.c $(BUILD)/compiler/lexer.h $(wildcard compiler/*.h)
	@echo "  CC      $<"
	@$(CC) $(CSTD) $(GEN_WARN) $(OPT) $(SANFLAGS) -Iruntime -Icompiler -I$(BUILD)/compiler -c $< -o $@

$(BUILD)/compiler/lexer.o: $(BUILD)/compiler/lexer.c $(wildcard compiler/*.h)
	@echo "  CC      $<"
	@$(CC) $(CSTD) $(GEN_WARN) $(OPT) $(SANFLAGS) -Iruntime -Icompiler -I$(BUILD)/compiler -c $< -o $@

$(BUILD)/compiler/%.o: compiler/%.c $(wildcard compiler/*.h runtime/*.h) $(BUILD)/compiler/parser.h $(BUILD)/compiler/lexer.h
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -I$(BUILD)/compiler -c $< -o $@

$(BUILD)/liblovc.a: $(COMPILER_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BUILD)/lovc: $(BUILD)/compiler/main.o $(BUILD)/liblovc.a $(BUILD)/liblov.a
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS_ALL) -o $@ $^ -lffi -lz3 -ldl

# ---- tests ---------------------------------------------------------------
$(BUILD)/tests/unit/%.o: tests/unit/%.c $(wildcard tests/unit/*.h compiler/*.h runtime/*.h) $(BUILD)/compiler/parser.h $(BUILD)/compiler/lexer.h | $(BUILD)/tests/unit
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -I$(BUILD)/compiler $(CHECK_CFLAGS) -c $< -o $@

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/liblovc.a $(BUILD)/liblov.a
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS_ALL) -o $@ $^ $(CHECK_LIBS) -lffi -lz3 -ldl

test: all unit golden fuzz e2e scenarios verify

unit: deps $(BUILD)/unit-tests
	$(BUILD)/unit-tests

golden: deps $(BUILD)/lovc
	@tests/golden/run $(BUILD)/lovc
	@tests/golden/coverage

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

# The tester's guide's suites, run, and its quoted outputs checked against them.
.PHONY: scenarios
scenarios: deps $(BUILD)/lovc
	@tests/scenarios/run $(BUILD)/lovc

# The fuzzer's input generator (a test tool, not part of lovc).
$(BUILD)/tests/fuzz/mutate: tests/fuzz/mutate.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(LDFLAGS_ALL)

demo: all
	@tools/demo $(BUILD)/lovc

# The generated 225-hour evaluator against a hand-written one (bench/); then
# lovc test on a generated suite of 10,000 scenarios (bench/scenarios).
bench: all
	@mkdir -p $(BUILD)/bench
	@$(BUILD)/lovc build bench/timer225.lov -o $(BUILD)/bench
	@$(CC) -std=c11 -O2 -Iruntime -I$(BUILD)/bench bench/bench.c bench/handwritten.c \
	    $(BUILD)/bench/bench_225.c -o $(BUILD)/bench/bench
	@$(BUILD)/bench/bench
	@$(CC) -std=c11 -O2 -Iruntime -I$(BUILD)/bench bench/gen_scenarios.c bench/handwritten.c \
	    -o $(BUILD)/bench/gen_scenarios
	@bench/scenarios $(BUILD)/lovc $(BUILD)/bench/gen_scenarios $(BUILD)/bench

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/lov
	install -m 755 $(BUILD)/lovc $(DESTDIR)$(PREFIX)/bin/lovc
	install -m 644 $(BUILD)/liblov.a $(DESTDIR)$(PREFIX)/lib/liblov.a
	install -m 644 runtime/lov*.h $(DESTDIR)$(PREFIX)/include/lov/    # the public runtime: what generated C includes
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' tools/lov.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/lov.pc

$(BUILD)/runtime $(BUILD)/compiler $(BUILD)/tests/unit:
	@mkdir -p $@

clean:
	rm -rf build
