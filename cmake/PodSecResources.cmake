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

# The controls catalogue's examples (Help → Controls…): ":/catalogue/<checkId>.fail.yaml" and
# ":/catalogue/<checkId>.pass.yaml".
file(GLOB PODSEC_CATALOGUE_EXAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/catalogue/*.yaml)

function(podsec_add_catalogue_examples target)
    qt_add_resources(${target} podsec_catalogue
        PREFIX "/catalogue"
        BASE "${PROJECT_SOURCE_DIR}/resources/catalogue"
        FILES ${PODSEC_CATALOGUE_EXAMPLES})
endfunction()

# The bundled course (View ▸ Lessons): every file of every lesson folder under
# resources/lessons, as ":/lessons/<NN-name>/…". A new lesson folder needs no code, only a new
# cmake run (CONFIGURE_DEPENDS re-globs at build time); the README beside them is not a lesson.
file(GLOB_RECURSE PODSEC_LESSON_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/lessons/*)
list(FILTER PODSEC_LESSON_FILES EXCLUDE REGEX "/resources/lessons/[^/]+$")

function(podsec_add_lessons target)
    if(NOT PODSEC_LESSON_FILES)
        return() # no lesson yet: the panel says so
    endif()
    qt_add_resources(${target} podsec_lessons
        PREFIX "/lessons"
        BASE "${PROJECT_SOURCE_DIR}/resources/lessons"
        FILES ${PODSEC_LESSON_FILES})
endfunction()
