# SPDX-License-Identifier: MIT
# `cmake --install` into a temporary prefix, then moves the whole tree elsewhere and runs the
# program from there: the install must not depend on where it was installed.
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DVERSION=... -DAPP_ID=... -DEXPORT=ON|OFF -P install_prefix.cmake
include(${CMAKE_CURRENT_LIST_DIR}/PackageChecks.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
mls_run(0 out ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved")
set(root "${WORK_DIR}/moved")

if(CMAKE_HOST_UNIX AND NOT CMAKE_HOST_APPLE)
    foreach(path share/applications/${APP_ID}.desktop share/metainfo/${APP_ID}.metainfo.xml
                 share/mime/packages/${APP_ID}.xml share/icons/hicolor/48x48/apps/${APP_ID}.png)
        if(NOT EXISTS "${root}/${path}")
            message(FATAL_ERROR "cmake --install did not install ${path}")
        endif()
    endforeach()
endif()
mls_run_installed("${root}/bin/mlsketch${EXE_SUFFIX}" "${root}" "${VERSION}" "${WORK_DIR}" "${EXPORT}")
message(STATUS "the installed tree runs after a move: ${root}")
