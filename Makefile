# asmstory: the two README commands (INTERFACE.md).
#   make run    set up, build, analyze examples/
#   make check  set up, build, run the whole test suite (ctest: lit + unit tests)
#   make build  set up and build only; the tool is build/bin/asmstory
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps configure build run check bench clean
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

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@echo "== bench/coverage"; ./bench/coverage
	@echo "== bench/story"; ./bench/story

clean:
	rm -rf $(BUILD)
