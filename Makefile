# brainhost: the two entry points a new machine needs, and the builds behind them.
#   make demo       install what is missing, build, run the scripted demo on the default brain
#   make test       install what is missing, build, run every test
#   make test-asan  the same tests in an AddressSanitizer + UBSan build
JOBS ?= $(shell nproc)
BUILD ?= build
BUILD_ASAN ?= build-asan
CMAKE_FLAGS ?=

.PHONY: all deps build build-asan demo test test-asan train-cortex install clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD_ASAN)/build.ninja:
	cmake -S . -B $(BUILD_ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBRAINHOST_SANITIZE=ON $(CMAKE_FLAGS)

build-asan: deps $(BUILD_ASAN)/build.ninja
	cmake --build $(BUILD_ASAN) -j $(JOBS)

demo: build
	$(BUILD)/bin/brainhost demo

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# detect_leaks stays on; plugins are never unloaded while in use, and dlopen'd libraries are
# released at exit, so a leak report is a real leak.
test-asan: build-asan
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# The shipped tokenizer and cortex weights (models/tokenizer, models/cortex), from seed 1. Resumes
# from $(BUILD)/train-cortex/cortex.ckpt when a run was interrupted.
train-cortex: build
	$(BUILD)/bin/brainhost train tokenizer
	$(BUILD)/bin/brainhost train cortex --resume --checkpoint $(BUILD)/train-cortex/cortex.ckpt \
	  --log $(BUILD)/train-cortex/train.csv

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)
