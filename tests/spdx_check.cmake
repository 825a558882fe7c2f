# SPDX-License-Identifier: MIT
# Fails when a source or build file does not say its licence in its first lines (MIT, see LICENSE).
file(GLOB_RECURSE sources
     ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/CMakeLists.txt
     ${SOURCE_DIR}/widgets/*.cpp ${SOURCE_DIR}/widgets/*.h ${SOURCE_DIR}/widgets/CMakeLists.txt
     ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h ${SOURCE_DIR}/tests/*.cmake
     ${SOURCE_DIR}/tests/*.sh ${SOURCE_DIR}/tests/CMakeLists.txt
     ${SOURCE_DIR}/installer/*.cpp ${SOURCE_DIR}/installer/CMakeLists.txt)
list(APPEND sources ${SOURCE_DIR}/CMakeLists.txt ${SOURCE_DIR}/build.sh ${SOURCE_DIR}/.ci/run)
set(missing "")
foreach(f IN LISTS sources)
    file(READ ${f} head LIMIT 200)
    if(NOT head MATCHES "SPDX-License-Identifier: MIT")
        string(APPEND missing "  ${f}\n")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "Files without an SPDX-License-Identifier line:\n${missing}")
endif()
list(LENGTH sources n)
message(STATUS "spdx_check: ${n} files, all say their licence")
