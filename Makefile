# rooflab: analytical models of AI accelerators.
#   make            build ./rooflab
#   make test       build and run every test (installs missing packages and
#                   test tools first: scripts/deps.sh ensure, then tools)
#   make bench      engine and storage speed
#   make demo       the claim check, the example sweeps and the report, in out/
#   make deps       install the Debian packages that are missing
#   make test SAN=1 the tests built with AddressSanitizer and UBSan
CC      ?= cc
PKGS    := gsl sqlite3
VERSION := 0.1.0
SAN     ?= 0
BUILD   := build$(if $(filter 1,$(SAN)),-san,)
GITREV  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror
CFLAGS  += -DRL_VERSION='"$(VERSION)"' -DRL_GIT_REV='"$(GITREV)"'
CFLAGS  += -DRL_DATA_DIR='"$(CURDIR)/data"' -DRL_ROOT_DIR='"$(CURDIR)"'
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

DEPS_OK := $(shell sh scripts/deps.sh check >/dev/null 2>&1 && echo 1)
ifeq ($(DEPS_OK),1)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS := $(shell pkg-config --libs cmocka)
endif
LIBS := $(PKG_LIBS) -lm -lpthread

LIB_SRC  := $(wildcard model/*.c) $(filter-out cli/main.c,$(wildcard cli/*.c)) \
            $(wildcard sweeps/*.c) $(wildcard plots/*.c) $(wildcard reports/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard tests/bench*.c)

.PHONY: all test test-run bench bench-run demo demo-run deps clean check-deps FORCE

all: check-deps
	@$(MAKE) --no-print-directory rooflab

check-deps:
	@sh scripts/deps.sh check >/dev/null 2>&1 || { \
	  echo "make: missing packages; run 'make deps' (or make test / make demo, which install them)"; \
	  sh scripts/deps.sh check; exit 1; }

deps:
	@sh scripts/deps.sh ensure

# relinked every time: a SAN=1 build and a plain one share ./rooflab
rooflab: $(BUILD)/librooflab.a $(BUILD)/cli/main.o FORCE
	$(CC) $(LDFLAGS) -o $@ $(BUILD)/cli/main.o $(BUILD)/librooflab.a $(LIBS)

$(BUILD)/librooflab.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/librooflab.a $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(BUILD)/librooflab.a $(CMOCKA_LIBS) $(LIBS) $(LDFLAGS)

test:
	@sh scripts/deps.sh check >/dev/null 2>&1 || sh scripts/deps.sh ensure
	@sh scripts/deps.sh tools
	@$(MAKE) --no-print-directory test-run

test-run: rooflab $(TEST_BIN)
	@sh tests/run.sh $(BUILD)

bench:
	@sh scripts/deps.sh check >/dev/null 2>&1 || sh scripts/deps.sh ensure
	@$(MAKE) --no-print-directory bench-run

bench-run: rooflab $(BUILD)/tests/bench
	@$(BUILD)/tests/bench

$(BUILD)/tests/bench: tests/bench.c $(BUILD)/librooflab.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(BUILD)/librooflab.a $(LIBS) $(LDFLAGS)

demo:
	@sh scripts/deps.sh check >/dev/null 2>&1 || sh scripts/deps.sh ensure
	@$(MAKE) --no-print-directory demo-run

demo-run: rooflab
	@sh scripts/demo.sh

FORCE:

clean:
	rm -rf build build-san rooflab out
