# SPDX-License-Identifier: Apache-2.0
# Writes the podsec(1) man page from the output of the built program, so that the page and
# `podsec --help` never disagree. Run at build time by cmake/Packaging.cmake:
#   cmake -DPODSEC=/path/to/podsec -DOUTPUT=podsec.1 [-DDATE=YYYY-MM-DD] [-DHOMEPAGE=URL]
#         -P podsec-man.cmake
foreach(var PODSEC OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "podsec-man.cmake: -D${var}=... is required")
    endif()
endforeach()
if(NOT DEFINED HOMEPAGE OR HOMEPAGE STREQUAL "")
    set(HOMEPAGE "https://github.com/podsec/podsec-explorer")
endif()

function(run_podsec out_var)
    execute_process(COMMAND "${PODSEC}" ${ARGN}
        OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "podsec-man.cmake: '${PODSEC} ${ARGN}' failed (${rc}): ${err}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

run_podsec(help --help)
run_podsec(version_line --version)
string(STRIP "${version_line}" version_line)          # "podsec 0.1.0"
string(REGEX REPLACE "^[^ ]+ " "" version "${version_line}")
if(NOT DEFINED DATE OR DATE STREQUAL "")
    string(TIMESTAMP DATE "%Y-%m-%d" UTC)              # honours SOURCE_DATE_EPOCH
endif()

# Plain text to troff: a backslash is written \e, a minus \- (so options copy and paste
# as ASCII), and a line that starts with a dot or an apostrophe is protected by \& so troff
# does not read it as a request. Semicolons are kept out of CMake's list handling.
function(to_troff out_var text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" text "${text}")
    string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# SYNOPSIS: the command forms of the "Usage:" block, whose lines read
# "  podsec check   [options] [PATH ...]   evaluate manifests ...": the description is
# what follows the last run of three or more spaces.
string(REPLACE ";" "@PODSEC_SEMICOLON@" usage_text "${help}")
string(REGEX MATCHALL "\n  podsec [^\n]*" usage_lines "${usage_text}")
set(synopsis "")
foreach(line IN LISTS usage_lines)
    string(STRIP "${line}" line)
    string(REGEX REPLACE "^(.*[^ ])   +[^ ].*$" "\\1" line "${line}")
    string(REGEX REPLACE "  +" " " line "${line}")
    string(REGEX REPLACE "^podsec ?" "" args "${line}")
    string(REPLACE "@PODSEC_SEMICOLON@" ";" args "${args}")
    to_troff(args "${args}")
    string(APPEND synopsis "\\fBpodsec\\fR ${args}\n")
endforeach()
if(synopsis STREQUAL "")
    set(synopsis "\\fBpodsec\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR ...]\n")
endif()

to_troff(help_troff "${help}")
string(REGEX REPLACE "\n+$" "" help_troff "${help_troff}")
to_troff(version_troff "${version}")

file(WRITE "${OUTPUT}" ".\\\" Generated from 'podsec --help' by packaging/man/podsec-man.cmake; do not edit.
.TH PODSEC 1 \"${DATE}\" \"podsec ${version_troff}\" \"User Commands\"
.nh
.ad l
.SH NAME
podsec \\- check Kubernetes manifests against the Pod Security Standards
.SH SYNOPSIS
.nf
${synopsis}.fi
.SH DESCRIPTION
\\fBpodsec\\fR evaluates Kubernetes workloads against the Pod Security Standards exactly as
the Pod Security Admission controller of kube\\-apiserver does, for every policy version,
reports the result as text, JSON, SARIF or JUnit, explains each check and rewrites manifests
so that they pass, keeping comments and layout.
It is the command\\-line twin of \\fBpodsec\\-explorer\\fR, the desktop application, and runs
the same engine.
.PP
The text below is the output of \\fBpodsec \\-\\-help\\fR:
.PP
.nf
${help_troff}
.fi
.SH SEE ALSO
\\fBpodsec\\-explorer\\fR, the desktop application, and
.UR ${HOMEPAGE}
the project home page
.UE .
")
