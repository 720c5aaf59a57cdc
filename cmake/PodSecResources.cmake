# SPDX-License-Identifier: Apache-2.0
# Bundled data shared by the CLI and the window: the check explanations, compiled into
# each executable that calls podsec_add_explanations(<target>).
file(GLOB_RECURSE PODSEC_EXPLANATIONS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/explanations/*.md)
list(FILTER PODSEC_EXPLANATIONS EXCLUDE REGEX "README\\.md$")

function(podsec_add_explanations target)
    if(NOT PODSEC_EXPLANATIONS)
        message(WARNING "no check explanations found under resources/explanations")
        return()
    endif()
    qt_add_resources(${target} podsec_explanations
        PREFIX "/explanations"
        BASE "${PROJECT_SOURCE_DIR}/resources/explanations"
        FILES ${PODSEC_EXPLANATIONS})
endfunction()
