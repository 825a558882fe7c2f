# SPDX-License-Identifier: MIT
# Helpers shared by the packaging checks (run with cmake -P).

# mls_run(<expected exit code> <output variable> <command>...): runs the command and fails the
# test, showing the command and what it printed, unless it exits with the expected code.
function(mls_run expected out_var)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT "${rc}" STREQUAL "${expected}")
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "`${cmd}` exited with ${rc}, expected ${expected}:\n${out}${err}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# mls_expect_match(<text> <regex> <what>): fails unless text matches regex.
function(mls_expect_match text regex what)
    if(NOT text MATCHES "${regex}")
        message(FATAL_ERROR "${what}: expected a match for \"${regex}\" in:\n${text}")
    endif()
endfunction()

# mls_run_installed(<bin> <root> <version> <work dir> <export>): the checks on an
# installed mlsketch; <root> is the install prefix holding share/mlsketch.
function(mls_run_installed bin root version work export)
    if(NOT EXISTS "${bin}")
        message(FATAL_ERROR "no installed program at ${bin}")
    endif()
    # --version with no display at all: no X, no Wayland, no platform chosen.
    mls_run(0 out ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
            --unset=QT_QPA_PLATFORM "${bin}" --version)
    mls_expect_match("${out}" "^mlsketch ${version}\n$" "mlsketch --version")

    set(run ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen "${bin}")
    mls_run(0 out ${run} templates)
    mls_expect_match("${out}" "(^|\n)video_recommendation " "mlsketch templates")

    set(template "${root}/share/mlsketch/templates/video_recommendation.mlsketch")
    if(NOT EXISTS "${template}")
        message(FATAL_ERROR "the template was not installed: ${template} is missing")
    endif()
    mls_run(0 out ${run} check "${template}")
    if(NOT EXISTS "${root}/share/mlsketch/rules/core.json")
        message(FATAL_ERROR "the rule pack was not installed: ${root}/share/mlsketch/rules/core.json")
    endif()

    if(export)
        set(svg "${work}/video_recommendation.svg")
        file(REMOVE "${svg}")
        mls_run(0 out ${run} export "${template}" -o "${svg}")
        file(SIZE "${svg}" size)
        file(READ "${svg}" head LIMIT 4096)
        if(size EQUAL 0 OR NOT head MATCHES "<svg")
            message(FATAL_ERROR "mlsketch export wrote no SVG picture to ${svg} (${size} bytes)")
        endif()
    endif()
endfunction()
