# asmstory: the two README commands (README.md, "The two commands").
#   make run    set up, build, analyze examples/
#   make check  set up, build, run the whole test suite (ctest: lit + unit tests)
#   make build  set up and build only; the tool is build/bin/asmstory
#
# Robustness (make check includes fuzz-smoke; CI also runs check-sanitize):
#   make check-sanitize  the whole suite built with ASan+UBSan (gcc) in build-sanitize
#   make fuzz-smoke      libFuzzer targets (clang-22) in build-fuzz: replay the saved
#                        crash inputs, then a short run of each target
#   make fuzz            each target for FUZZ_TIME seconds (default 300)
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME ?= 300
# Leaks are errors; the only suppressions are for libLLVM/libclang/libz3 (test/lsan.supp).
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/test/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: all deps configure build run check bench docs clean check-sanitize fuzz-build fuzz-smoke fuzz
all: build

deps:
	@./scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@for f in examples/*.c examples/*.rs; do \
	  [ -e "$$f" ] || continue; \
	  echo "== asmstory $$f"; \
	  $(BUILD)/bin/asmstory --explain "$$f"; rc=$$?; \
	  [ $$rc -le 1 ] || exit $$rc; \
	done

# The test suite, then the fuzz smoke run (saved crash inputs replayed, a
# short run of each libFuzzer target).
check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory fuzz-smoke

check-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ -DASMSTORY_SANITIZE=ON >/dev/null
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 -DASMSTORY_FUZZ=ON >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets

fuzz-smoke: fuzz-build
	./scripts/fuzz.sh smoke $(FUZZ_BUILD)

fuzz: fuzz-build
	FUZZ_TIME=$(FUZZ_TIME) ./scripts/fuzz.sh long $(FUZZ_BUILD)

bench: build
	@echo "== bench/coverage"; ./bench/coverage
	@echo "== bench/story"; ./bench/story
	@echo "== bench/stress"; ./bench/stress
	@echo "== bench/realworld"; ./bench/realworld/run
	@echo "== bench/plugin"; ./bench/plugin

# Regenerates docs/ from docs/gen/tpl with real runs of the tool.
docs: build
	python3 docs/gen/gen.py docs/gen/tpl docs

clean:
	rm -rf $(BUILD)
