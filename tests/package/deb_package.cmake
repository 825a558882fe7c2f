# SPDX-License-Identifier: MIT
# Builds the .deb with CPack, inspects it with dpkg-deb, unpacks it with dpkg -x into a
# temporary root and runs the unpacked program headless.
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DVERSION=... -DAPP_ID=... -DEXPORT=ON|OFF -P deb_package.cmake
include(${CMAKE_CURRENT_LIST_DIR}/PackageChecks.cmake)

foreach(tool_package dpkg-deb:dpkg dpkg:dpkg dpkg-shlibdeps:dpkg-dev)
    string(REPLACE ":" ";" tool_package "${tool_package}")
    list(GET tool_package 0 tool)
    list(GET tool_package 1 package)
    find_program(found_${tool} ${tool})
    if(NOT found_${tool})
        # Matched by the test's SKIP_REGULAR_EXPRESSION; build.sh test installs dpkg-dev.
        message("SKIPPED: ${tool} is not installed (Debian package ${package})")
        return()
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
mls_run(0 out cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}")
file(GLOB debs "${WORK_DIR}/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "cpack made ${n} .deb files in ${WORK_DIR}, expected one:\n${out}")
endif()
message(STATUS "built ${debs}")

mls_run(0 info dpkg-deb --info "${debs}")
mls_expect_match("${info}" "\n Package: mlsketch\n" "package name")
mls_expect_match("${info}" "\n Version: ${VERSION}\n" "package version")
mls_expect_match("${info}" "\n Section: graphics\n" "package section")
mls_expect_match("${info}" "\n Maintainer: [^\n]+<[^\n]+@[^\n]+>\n" "package maintainer")
mls_expect_match("${info}" "\n Description: [^\n]+\n  [^\n]+" "summary and long description")
string(REGEX MATCH "\n Depends: [^\n]+" depends "${info}")
foreach(lib libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libgvc6 libcgraph6 libc6)
    mls_expect_match("${depends}" "[ ,]${lib}[ ,(:\n]|${lib}$" "Depends (computed by dpkg-shlibdeps)")
endforeach()

mls_run(0 contents dpkg-deb --contents "${debs}")
set(expected
    ./usr/bin/mlsketch
    ./usr/share/applications/${APP_ID}.desktop
    ./usr/share/metainfo/${APP_ID}.metainfo.xml
    ./usr/share/mime/packages/${APP_ID}.xml
    ./usr/share/man/man1/mlsketch.1.gz
    ./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
    ./usr/share/icons/hicolor/scalable/mimetypes/application-x-mlsketch.svg
    ./usr/share/mlsketch/templates/video_recommendation.mlsketch
    ./usr/share/mlsketch/rules/core.json
    ./usr/share/doc/mlsketch/copyright
    ./usr/share/doc/mlsketch/changelog.gz)
foreach(size 16 22 24 32 48 64 128 256)
    list(APPEND expected ./usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png
                         ./usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-mlsketch.png)
endforeach()
foreach(path IN LISTS expected)
    string(REPLACE "." "\\." regex "${path}")
    mls_expect_match("${contents}" " ${regex}\n" "package contents")
endforeach()
# Everything lives under /usr: nothing from /usr/local or the build machine's folders.
string(REGEX MATCHALL " \\./[^\n]*" paths "${contents}")
foreach(path IN LISTS paths)
    if(NOT path MATCHES "^ \\./(usr(/.*)?)?$" OR path MATCHES "^ \\./usr/local")
        message(FATAL_ERROR "unexpected path in the package:${path}")
    endif()
endforeach()

set(root "${WORK_DIR}/root")
mls_run(0 out dpkg -x "${debs}" "${root}")
# The man page is gzip-compressed and the binary runs from the unpacked tree.
mls_run(0 out gzip -t "${root}/usr/share/man/man1/mlsketch.1.gz")
mls_run(0 out gzip -t "${root}/usr/share/doc/mlsketch/changelog.gz")
# The copyright file is machine-readable (DEP-5) and names the licences of what is linked.
file(READ "${root}/usr/share/doc/mlsketch/copyright" copyright)
mls_expect_match("${copyright}" "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                 "DEP-5 copyright header")
foreach(license Expat LGPL-3 EPL-1.0)
    mls_expect_match("${copyright}" "\nLicense: ${license}\n" "copyright licences")
endforeach()
mls_run_installed("${root}/usr/bin/mlsketch" "${root}/usr" "${VERSION}" "${WORK_DIR}" "${EXPORT}")
message(STATUS "the .deb installs and runs: ${debs}")

# Debian's own checker, last (it takes a few seconds): no errors. build.sh test installs it.
find_program(found_lintian lintian)
if(NOT found_lintian)
    message("SKIPPED: lintian is not installed (Debian package lintian); the other checks passed")
    return()
endif()
mls_run(0 out lintian --fail-on error --tag-display-limit 0 "${debs}")
message(STATUS "lintian: no errors\n${out}")
