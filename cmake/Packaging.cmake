# SPDX-License-Identifier: Apache-2.0
# Installation layout, desktop integration (desktop file, AppStream metainfo, icons), the
# podsec(1) man page, validation tests and the CPack DEB package. Included at the end of the
# top-level CMakeLists.txt, after the targets exist. See packaging/README.md.
include(GNUInstallDirs)

# One reverse-DNS id for the desktop file, the metainfo, the icons and the Flatpak app-id.
set(PODSEC_APP_ID "io.github.podsec.PodSecExplorer")
set(PODSEC_HOMEPAGE "https://github.com/podsec/podsec-explorer")
# Date of release ${PROJECT_VERSION} for the metainfo <release> and the man page: change it
# together with project(VERSION).
set(PODSEC_RELEASE_DATE "2026-11-29")
set(PODSEC_PACKAGE_MAINTAINER "PodSec Explorer developers <maintainers@podsec.invalid>"
    CACHE STRING "Maintainer field of the .deb (Name <email>)")

set(_podsec_pkg "${PROJECT_SOURCE_DIR}/packaging")
set(_podsec_pkg_out "${PROJECT_BINARY_DIR}/packaging")

# Programs
install(TARGETS podsec podsec-explorer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Desktop integration
set(PODSEC_DESKTOP_FILE "${_podsec_pkg}/${PODSEC_APP_ID}.desktop")
set(PODSEC_METAINFO_FILE "${_podsec_pkg_out}/${PODSEC_APP_ID}.metainfo.xml")
configure_file("${_podsec_pkg}/${PODSEC_APP_ID}.metainfo.xml.in" "${PODSEC_METAINFO_FILE}" @ONLY)
install(FILES "${PODSEC_DESKTOP_FILE}" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${PODSEC_METAINFO_FILE}" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# hicolor/<size>/apps/<id>.png and hicolor/scalable/apps/<id>.svg, committed as files
install(DIRECTORY "${_podsec_pkg}/icons/hicolor" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)

# Translations: also embedded in podsec-explorer (:/i18n); installed for packagers and tools.
get_target_property(_podsec_qm_files podsec-explorer PODSEC_QM_FILES)
if(_podsec_qm_files)
    install(FILES ${_podsec_qm_files}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/podsec-explorer/translations)
endif()

# podsec(1), written at build time from the built program's --help and --version (leak
# checking off so that sanitizer builds never fail on it)
if(NOT CMAKE_CROSSCOMPILING)
    set(_podsec_man "${_podsec_pkg_out}/podsec.1")
    add_custom_command(OUTPUT "${_podsec_man}"
        COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
                ${CMAKE_COMMAND} -DPODSEC=$<TARGET_FILE:podsec> -DOUTPUT=${_podsec_man}
                -DDATE=${PODSEC_RELEASE_DATE} -DHOMEPAGE=${PODSEC_HOMEPAGE}
                -P ${_podsec_pkg}/man/podsec-man.cmake
        DEPENDS podsec "${_podsec_pkg}/man/podsec-man.cmake"
        COMMENT "Writing the podsec(1) man page"
        VERBATIM)
    add_custom_target(podsec_man ALL DEPENDS "${_podsec_man}")
    install(FILES "${_podsec_man}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# Validation (ctest), when the validators are installed (desktop-file-utils, appstream)
find_program(DESKTOP_FILE_VALIDATE_EXECUTABLE desktop-file-validate)
find_program(APPSTREAMCLI_EXECUTABLE appstreamcli)
add_feature_info(PackagingValidation "DESKTOP_FILE_VALIDATE_EXECUTABLE;APPSTREAMCLI_EXECUTABLE"
    "ctest checks the desktop file and the AppStream metainfo (desktop-file-utils, appstream)")
if(PODSEC_BUILD_TESTS)
    if(DESKTOP_FILE_VALIDATE_EXECUTABLE)
        add_test(NAME desktop_file_valid
                 COMMAND ${DESKTOP_FILE_VALIDATE_EXECUTABLE} "${PODSEC_DESKTOP_FILE}")
        # errors fail through the exit status; warnings fail here too, hints are allowed
        set_tests_properties(desktop_file_valid PROPERTIES FAIL_REGULAR_EXPRESSION "warning:")
    endif()
    if(APPSTREAMCLI_EXECUTABLE)
        add_test(NAME metainfo_valid
                 COMMAND ${APPSTREAMCLI_EXECUTABLE} validate --no-net "${PODSEC_METAINFO_FILE}")
        # errors (E:) fail through the exit status, warnings (W:) here; infos are allowed
        set_tests_properties(metainfo_valid PROPERTIES FAIL_REGULAR_EXPRESSION "(^|\n)W: ")
    endif()
endif()

# CPack: a Debian package (cpack -G DEB, or the "package" target)
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "podsec-explorer")
set(CPACK_PACKAGE_VENDOR "PodSec Explorer developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${PODSEC_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PODSEC_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check Kubernetes workloads against the Pod Security Standards")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_NAME "podsec-explorer")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PODSEC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PODSEC_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "PodSec Explorer evaluates Kubernetes manifests against the Pod Security Standards
exactly as kube-apiserver's Pod Security Admission does, for every policy version
from v1.0 to v1.37: the same checks and the same messages.

The desktop application shows namespaces, workloads, containers and every inspected
field in a tree with pass/fail badges per level and admission mode, explains failures
and underlines them in an editor. The podsec command writes text, JSON, SARIF and
JUnit reports and fixes manifests while keeping their comments and layout.
English and Simplified Chinese.")
# Library dependencies come from dpkg-shlibdeps; these are what it cannot see: Qt's
# platform plugins (xcb) are loaded at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-wayland, fonts-noto-cjk | fonts-wqy-microhei, qt6-translations-l10n")
include(CPack)
