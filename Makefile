# rooflab: analytical models of AI accelerators.
#   make            build ./rooflab
#   make test       build and run every test (installs missing packages and
#                   test tools first: scripts/deps.sh ensure, then tools)
#   make bench      engine and storage speed, validate on a 100,000-row file,
#                   what claim --samples 0 opens and costs
#   make demo       the claim check, the example sweeps and the report, in out/
#   make deps       install the Debian packages that are missing
#   make install PREFIX=DIR  PREFIX/bin/rooflab, reading PREFIX/share/rooflab
#   make test SAN=1 the tests built with AddressSanitizer and UBSan
CC      ?= cc
PKGS    := gsl sqlite3
VERSION := 0.1.0
SAN     ?= 0
BUILD   := build$(if $(filter 1,$(SAN)),-san,)
# HEAD's short hash, "-dirty-SUM" added for an uncommitted tree (SUM: of
# the difference), "unknown" without git (scripts/gitrev.sh)
GITREV  := $(shell sh scripts/gitrev.sh 2>/dev/null || echo unknown)

CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror
# the git revision is not a flag of every object but a header that only
# the files including config/version.h read, rewritten only when HEAD has
# moved or the uncommitted difference changed (the rule below): they are
# rebuilt then, and only then
GITREV_H := $(CURDIR)/$(BUILD)/gitrev.h
CFLAGS  += -DRL_VERSION='"$(VERSION)"' -DRL_GIT_REV_H='"$(GITREV_H)"'
CFLAGS  += -DRL_DATA_DIR='"$(CURDIR)/data"' -DRL_ROOT_DIR='"$(CURDIR)"'
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined,float-cast-overflow
endif

DEPS_OK := $(shell sh scripts/deps.sh check >/dev/null 2>&1 && echo 1)
ifeq ($(DEPS_OK),1)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS := $(shell pkg-config --libs cmocka)
endif
LIBS := $(PKG_LIBS) -lm -lpthread

# One static library per layer, each folder importing only the ones below it:
# cli -> reports, plots -> claim, sweeps -> config -> model.  Every .c of a
# layer's folder is in its library; cli/main.c is the program.
LAYERS   := reports plots claim sweeps config model
LAYER_LIBS := $(LAYERS:%=$(BUILD)/lib%.a)
# sources compiled within another's translation unit, not on their own:
# model/eval.c includes model/engine.c (serving inline in rl_eval_cached)
UNITY_PARTS := model/engine.c
CLI_OBJ  := $(patsubst %.c,$(BUILD)/%.o,$(filter-out cli/main.c,$(wildcard cli/*.c)))
ALL_OBJ  := $(patsubst %.c,$(BUILD)/%.o,$(filter-out $(UNITY_PARTS),$(foreach l,$(LAYERS) cli,$(wildcard $(l)/*.c))))
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
# tests that include nothing but model/ link model alone: no SQLite
MODEL_TESTS := $(basename $(notdir $(shell grep -L '\.\./\(config\|claim\|sweeps\|plots\|reports\|cli\)/' $(TEST_SRC) /dev/null 2>/dev/null)))
GSL_LIBS := $(if $(DEPS_OK),$(shell pkg-config --libs gsl))
# tools the command-line tests run (tests/tools/*.c); pngstat needs zlib
# failalloc.so: the allocator shim of cli_failalloc.sh (LD_PRELOAD)
TOOLS    := $(BUILD)/tools/mkplotdb $(if $(wildcard /usr/include/zlib.h),$(BUILD)/tools/pngstat) \
            $(BUILD)/tools/failalloc.so
DEP_FILES := $(ALL_OBJ:.o=.d) $(TEST_BIN:=.d) $(BUILD)/tests/bench.d $(TOOLS:=.d)

.PHONY: all tools test test-run bench bench-run demo demo-run deps clean check-deps install FORCE

all: check-deps
	@$(MAKE) --no-print-directory rooflab

check-deps:
	@sh scripts/deps.sh check >/dev/null 2>&1 || { \
	  echo "make: missing packages; run 'make deps' (or make test / make demo, which install them)"; \
	  sh scripts/deps.sh check; exit 1; }

deps:
	@sh scripts/deps.sh ensure

# relinked every time: a SAN=1 build and a plain one share ./rooflab
rooflab: $(BUILD)/cli/main.o $(CLI_OBJ) $(LAYER_LIBS) FORCE
	$(CC) $(LDFLAGS) -o $@ $(BUILD)/cli/main.o $(CLI_OBJ) $(LAYER_LIBS) $(LIBS)

# lib<layer>.a from every object of that folder (but UNITY_PARTS')
define layer_lib
$(BUILD)/lib$(1).a: $(patsubst %.c,$(BUILD)/%.o,$(filter-out $(UNITY_PARTS),$(wildcard $(1)/*.c)))
	@rm -f $$@
	ar rcs $$@ $$^
endef
$(foreach l,$(LAYERS),$(eval $(call layer_lib,$(l))))

# RL_GIT_REV for config/version.h: written when it differs from the
# revision there, so that its time moves only with HEAD or the tree's
# uncommitted difference (make re-reads the time after the recipe; the
# objects' .d files name this header)
$(GITREV_H): FORCE
	@mkdir -p $(dir $@)
	@printf '#define RL_GIT_REV "%s"\n' '$(GITREV)' >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# -MMD: each object depends on the headers it includes (build/**/*.d);
# the revision header is there before the first compile
$(BUILD)/%.o: %.c | $(GITREV_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LAYER_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP $(PKG_CFLAGS) -o $@ $< \
	  $(if $(filter $*,$(MODEL_TESTS)),$(BUILD)/libmodel.a $(CMOCKA_LIBS) $(GSL_LIBS) -lm -lpthread,$(LAYER_LIBS) $(CMOCKA_LIBS) $(LIBS)) $(LDFLAGS)

# test_statsoom fails libmodel's malloc at will (its __wrap_malloc)
$(BUILD)/tests/test_statsoom: LDFLAGS += -Wl,--wrap=malloc
# test_cellbest fails plots/cellbest.c's realloc past a size (its
# __wrap_realloc)
$(BUILD)/tests/test_cellbest: LDFLAGS += -Wl,--wrap=realloc

$(BUILD)/tools/mkplotdb: tests/tools/mkplotdb.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS) -lm $(LDFLAGS)

$(BUILD)/tools/pngstat: tests/tools/pngstat.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -o $@ $< -lz $(LDFLAGS)

# a shared object the dynamic loader puts before the C library; built
# without the sanitizers (cli_failalloc.sh skips a SAN=1 build, whose
# allocator is ASan's)
$(BUILD)/tools/failalloc.so: tests/failalloc.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -g -Wall -Wextra -Werror -fPIC -shared -MMD -MP -MF $@.d -o $@ $<

tools: $(TOOLS)

test:
	@sh scripts/deps.sh check >/dev/null 2>&1 || sh scripts/deps.sh ensure
	@sh scripts/deps.sh tools
	@$(MAKE) --no-print-directory test-run

test-run: rooflab $(TEST_BIN) $(TOOLS)
	@sh tests/run.sh $(BUILD)

bench:
	@sh scripts/deps.sh check >/dev/null 2>&1 || sh scripts/deps.sh ensure
	@$(MAKE) --no-print-directory bench-run

bench-run: rooflab $(BUILD)/tests/bench
	@$(BUILD)/tests/bench
	@sh scripts/bench-validate.sh 100000
	@sh scripts/bench-claim.sh

$(BUILD)/tests/bench: tests/bench.c $(LAYER_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP $(PKG_CFLAGS) -o $@ $< $(LAYER_LIBS) $(LIBS) $(LDFLAGS)

demo:
	@sh scripts/deps.sh check >/dev/null 2>&1 || sh scripts/deps.sh ensure
	@$(MAKE) --no-print-directory demo-run

demo-run: rooflab
	@sh scripts/demo.sh

# make install [PREFIX=/usr/local] [DESTDIR=]: the program as
# PREFIX/bin/rooflab and the data (presets, measurements, profiles and
# their sources) as PREFIX/share/rooflab/data, replacing an earlier copy
# there, where the installed program reads it (config/presets.c compiled
# again with that RL_DATA_DIR, linked ahead of libconfig.a's; ROOFLAB_DATA
# still overrides it), and the example sweep specs in
# PREFIX/share/rooflab/sweeps with their README.md (the spec and database
# format `rooflab sweep --help` points to).  From this build's objects: ./rooflab is
# neither relinked nor moved.  PREFIX: an absolute path of plain
# characters (it is written into the program as a C string); DESTDIR,
# where given, plain characters too.
PREFIX  ?= /usr/local
DESTDIR ?=
INST_SHARE := $(PREFIX)/share/rooflab

# PREFIX and DESTDIR reach the check through the environment, never as
# shell code
install: export RL_INSTALL_PREFIX := $(PREFIX)
install: export RL_INSTALL_DESTDIR := $(DESTDIR)
install: $(BUILD)/cli/main.o $(CLI_OBJ) $(LAYER_LIBS)
	@case "$$RL_INSTALL_DESTDIR" in *[!A-Za-z0-9/._+-]*) \
	  echo "make install: DESTDIR may hold letters, digits and / . _ + - only"; exit 2 ;; esac
	@case "$$RL_INSTALL_PREFIX" in \
	  *[!A-Za-z0-9/._+-]*) echo "make install: PREFIX may hold letters, digits and / . _ + - only"; exit 2 ;; \
	  /*) ;; \
	  *) echo "make install: PREFIX must be an absolute path (PREFIX=/usr/local, PREFIX=\$$HOME/.local)"; exit 2 ;; \
	esac
	@mkdir -p $(BUILD)/install
	$(CC) $(CFLAGS) -URL_DATA_DIR -DRL_DATA_DIR='"$(INST_SHARE)/data"' $(PKG_CFLAGS) -c -o $(BUILD)/install/presets.o config/presets.c
	$(CC) $(LDFLAGS) -o $(BUILD)/install/rooflab $(BUILD)/cli/main.o $(CLI_OBJ) $(BUILD)/install/presets.o $(LAYER_LIBS) $(LIBS)
	install -d '$(DESTDIR)$(PREFIX)/bin' '$(DESTDIR)$(INST_SHARE)/sweeps'
	install -m 755 $(BUILD)/install/rooflab '$(DESTDIR)$(PREFIX)/bin/rooflab'
	rm -rf '$(DESTDIR)$(INST_SHARE)/data'
	cp -R data '$(DESTDIR)$(INST_SHARE)/data'
	install -m 644 sweeps/*.ini sweeps/README.md '$(DESTDIR)$(INST_SHARE)/sweeps'

FORCE:

clean:
	rm -rf build build-san rooflab out

-include $(DEP_FILES)
