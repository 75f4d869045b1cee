# ogpress: `make serve` runs the server, `make test` runs every test. Both install what is missing first.

SWIFT ?= swift
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages the build, the tests and the renderer need (C libraries, fonts, test clients).
DEBIAN_PACKAGES := pkg-config libsqlite3-dev libssl-dev libfreetype-dev libharfbuzz-dev libpng-dev zlib1g-dev libjpeg62-turbo-dev libwebp-dev libicu-dev libfontconfig-dev \
	fonts-inter fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-jetbrains-mono fonts-dejavu-core \
	curl python3 nginx-light

# Only for `make bench` and `make fidelity`: load generator, reference browser, instruction counts.
TOOL_PACKAGES := wrk chromium valgrind python3-venv

# Release builds use the vector instructions of the machine they are built on when it has the
# x86-64-v3 set (AVX2, FMA, BMI2, ...): a four-lane Double or eight-lane integer operation is then
# one instruction instead of two. Swift never fuses a multiply and an add unasked, so the pixels
# are the same either way. `make release PORTABLE=1` builds for the x86-64 baseline instead.
X86_64_V3_FLAGS := avx avx2 bmi1 bmi2 fma f16c movbe abm
HOST_CPU_FLAGS := $(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
HOST_HAS_V3 := $(if $(strip $(filter-out $(HOST_CPU_FLAGS),$(X86_64_V3_FLAGS))),,yes)
RELEASE_FLAGS := $(if $(PORTABLE),,$(if $(HOST_HAS_V3),-Xswiftc -target-cpu -Xswiftc haswell))

.PHONY: setup tools build release serve test bench fidelity clean

## setup: install the Debian packages that are missing (idempotent; does nothing when all are there)
setup:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(DEBIAN_PACKAGES)"

## tools: setup plus what benchmarks and the fidelity comparison need
tools: setup
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(TOOL_PACKAGES)"

install-missing:
	@missing=""; \
	for package in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$package 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## build: debug build
build: setup
	$(SWIFT) build

## release: optimized build
release: setup
	$(SWIFT) build -c release $(RELEASE_FLAGS)

## serve: release build, then the server on port $(PORT) with cache/ and config/
serve: release
	.build/release/ogpress serve --config config/ogpress.json --port $(PORT)

## test: the whole test suite
test: setup
	$(SWIFT) test

## bench: release build, then every benchmark script in Tests/Benchmarks (prints tables; not a test)
bench: tools release
	@for script in Tests/Benchmarks/*.sh; do [ -e "$$script" ] || continue; echo "== $$script"; bash "$$script" || exit 1; done

## fidelity: compare renders with headless Chromium's (needs chromium; not part of make test)
fidelity: tools release
	bash Tests/Fidelity/run.sh

clean:
	rm -rf .build
