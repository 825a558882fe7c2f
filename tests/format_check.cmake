# SPDX-License-Identifier: MIT
# Fails when any C++ source differs from what clang-format would write.
file(GLOB_RECURSE sources
     ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
     ${SOURCE_DIR}/widgets/*.cpp ${SOURCE_DIR}/widgets/*.h
     ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h
     ${SOURCE_DIR}/installer/*.cpp)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                RESULT_VARIABLE rc ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Files are not clang-formatted (run: clang-format -i <file>):\n${out}")
endif()
list(LENGTH sources n)
message(STATUS "format_check: ${n} files, all formatted")
