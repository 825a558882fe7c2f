#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# mlsketch developer entry point (see README):
#   ./build.sh run    install what is missing, build in Release, open mlsketch on a template
#   ./build.sh test   install what is missing, build, run every test suite (ctest)
#   ./build.sh asan   the same tests in an AddressSanitizer + UBSan build (build-asan/)
#   ./build.sh bench  build and run the benchmark program (tests/bench)
#   ./build.sh fuzz [SECONDS]  clang ASan+UBSan build (build-fuzz/): the core suites, then each
#                     libFuzzer target of tests/fuzz for SECONDS (default 60), two at a time
set -euo pipefail
cd "$(dirname "$0")"

# Debian/Ubuntu packages: to build, and additionally to run the tests (real-window checks under
# Xvfb, the Graphviz CLI for layout comparisons, clang-format for the format check, and the
# validators and dpkg tools of the packaging checks).
BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config qt6-base-dev qt6-svg-dev libqt6svg6
                libgraphviz-dev nlohmann-json3-dev libgl-dev libvulkan-dev fonts-dejavu-core)
TEST_PACKAGES=(xvfb xauth openbox graphviz clang-format
               desktop-file-utils appstream shared-mime-info dpkg-dev file groff-base lintian
               clang libclang-rt-14-dev)

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

install_packages() {
    local missing
    missing=$(missing_packages "$@" | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    local cmd="apt-get install -y --no-install-recommends $missing"
    if [ "$(id -u)" -eq 0 ]; then
        echo "==> installing: $missing"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $cmd
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "==> installing with sudo: $missing"
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive $cmd
    else
        echo "mlsketch needs these Debian packages: $missing" >&2
        echo "Install them as root, then run this again:" >&2
        echo "  sudo apt-get update && sudo $cmd" >&2
        exit 1
    fi
}

configure_and_build() {
    local dir=$1; shift
    # ccache, where installed, makes a rebuild of an unchanged file (another clone, a second
    # build folder) free; paths are taken relative to this folder so clones share the cache.
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then
        export CCACHE_BASEDIR="$PWD"
        # With -g (the fuzz build) ccache also hashes the build folder's absolute path unless
        # told not to; without this a clone at a new path recompiles that build from scratch.
        export CCACHE_NOHASHDIR=true
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    # Ninja for a new build folder; an existing one keeps the generator it was made with.
    local generator=()
    [ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja)
    cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@" >/dev/null
    cmake --build "$dir" -j"$(nproc)"
}

run_tests() {
    local dir=$1
    ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
}

# Seeds (read in place, never copied): the test designs and templates; packs for the rule-pack
# loader; sidecar + snapshot pairs for the recovery reader.
fuzz_seeds() {
    case "$1" in
        fuzz_rule_pack) echo resources/rules ;;
        fuzz_recovery)  echo tests/fuzz/seeds/recovery ;;
        fuzz_mermaid|fuzz_dot) [ -d ../shared/corpus/import ] && echo ../shared/corpus/import ;;
        fuzz_text_form) echo tests/fuzz/seeds/text ;;
        *)              echo tests/data/good tests/data/sound tests/data/bad tests/data/layout templates ;;
    esac
}

fuzz_one() {
    local target=$1 seconds=$2
    local corpus=build-fuzz/fuzz-corpus/$target findings=build-fuzz/fuzz-findings
    mkdir -p "$corpus" "$findings" build-fuzz/fuzz-logs
    # shellcheck disable=SC2046
    nice -n 10 "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -max_len=1048576 \
        -timeout=20 -rss_limit_mb=2560 -dict=tests/fuzz/mlsketch.dict -print_final_stats=1 \
        -artifact_prefix="$findings/$target-" "$corpus" $(fuzz_seeds "$target") \
        >"build-fuzz/fuzz-logs/$target.log" 2>&1
}

run_fuzz() {
    local seconds=${1:-60}
    CC=clang CXX=clang++ configure_and_build build-fuzz -DMLS_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo
    echo "==> core suites under ASan + UBSan (build-fuzz/)"
    run_tests build-fuzz
    local targets=() t failed=0 pids=()
    # Executables only: the folder also holds each target's fuzz_*_autogen directory.
    for t in build-fuzz/tests/fuzz/fuzz_*; do
        [ -f "$t" ] && [ -x "$t" ] && targets+=("$(basename "$t")")
    done
    echo "==> fuzzing ${#targets[@]} targets for ${seconds} s each, two at a time"
    local i
    for ((i = 0; i < ${#targets[@]}; i += 2)); do
        pids=()
        for t in "${targets[@]:i:2}"; do fuzz_one "$t" "$seconds" & pids+=("$!"); done
        for t in "${!pids[@]}"; do wait "${pids[$t]}" || failed=1; done
    done
    for t in "${targets[@]}"; do
        local log=build-fuzz/fuzz-logs/$t.log
        echo "$t: $(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 | \
            sed -E 's/.*(cov: [0-9]+).*(corp: [^ ]+).*(exec\/s: [0-9]+).*/\1 \2 \3/')" \
            "$(grep -h 'stat::number_of_executed_units' "$log" | awk '{print "runs:", $2}')"
        if grep -qE 'ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer)|runtime error:' \
            "$log"; then
            echo "FAILED $t: see $log and build-fuzz/fuzz-findings/" >&2
            failed=1
        fi
    done
    return "$failed"
}

case "${1:-}" in
    run)
        install_packages "${BUILD_PACKAGES[@]}"
        configure_and_build build
        shift
        # The compiled-in copy opens as an untitled document: Save never writes the shipped file.
        exec build/app/mlsketch "${@:-:/templates/video_recommendation.mlsketch}"
        ;;
    test)
        install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        configure_and_build build -DMLS_WERROR=ON
        run_tests build
        # CI also runs the core suites under ASan + UBSan and a 30 s smoke of every fuzz target.
        if [ "${CI:-}" = true ]; then
            run_fuzz 30
        fi
        ;;
    fuzz)
        install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        run_fuzz "${2:-60}"
        ;;
    asan)
        install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        configure_and_build build-asan -DMLS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
        run_tests build-asan
        ;;
    bench)
        install_packages "${BUILD_PACKAGES[@]}"
        configure_and_build build
        shift
        build/tests/bench/mlsketch_bench "$@"
        ;;
    *)
        echo "usage: $0 run|test|asan|bench|fuzz [SECONDS]" >&2
        exit 2
        ;;
esac
