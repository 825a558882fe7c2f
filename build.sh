#!/usr/bin/env bash
# mlsketch developer entry point (see README):
#   ./build.sh run    install what is missing, build in Release, open mlsketch on a template
#   ./build.sh test   install what is missing, build, run every test suite (ctest)
#   ./build.sh asan   the same tests in an AddressSanitizer + UBSan build (build-asan/)
#   ./build.sh bench  build and run the benchmark program (tests/bench)
set -euo pipefail
cd "$(dirname "$0")"

# Debian/Ubuntu packages: to build, and additionally to run the tests (real-window checks under
# Xvfb, the Graphviz CLI for layout comparisons, clang-format for the format check, and the
# validators and dpkg tools of the packaging checks).
BUILD_PACKAGES=(build-essential cmake pkg-config qt6-base-dev qt6-svg-dev libqt6svg6
                libgraphviz-dev nlohmann-json3-dev libgl-dev libvulkan-dev fonts-dejavu-core)
TEST_PACKAGES=(xvfb xauth graphviz clang-format
               desktop-file-utils appstream shared-mime-info dpkg-dev file groff-base)

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
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@" >/dev/null
    cmake --build "$dir" -j"$(nproc)"
}

run_tests() {
    local dir=$1
    ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
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
        echo "usage: $0 run|test|asan|bench" >&2
        exit 2
        ;;
esac
