// SPDX-License-Identifier: Apache-2.0
// yaml-cpp's event stream as text, to hold the block scanner (core/yaml/blockscanner.h) to
// it: tst_blockscanner and fuzz_blockscanner. Header-only, so the fuzz target needs no Qt Test.
#pragma once

#include "yaml/blockscanner.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::TestUtil {

class Recorder : public YAML::EventHandler
{
public:
    std::vector<std::string> events;

    void OnDocumentStart(const YAML::Mark &m) override { add("doc", m); }
    void OnDocumentEnd() override { events.push_back("end-doc"); }
    void OnNull(const YAML::Mark &m, YAML::anchor_t a) override { add("null", m, "", a); }
    void OnAlias(const YAML::Mark &m, YAML::anchor_t a) override { add("alias", m, "", a); }
    void OnScalar(const YAML::Mark &m, const std::string &tag, YAML::anchor_t a,
                  const std::string &value) override
    {
        add("scalar", m, tag + " [" + value + "]", a);
    }
    void OnSequenceStart(const YAML::Mark &m, const std::string &tag, YAML::anchor_t a,
                         YAML::EmitterStyle::value style) override
    {
        add("seq", m, tag + " style " + std::to_string(style), a);
    }
    void OnSequenceEnd() override { events.push_back("end-seq"); }
    void OnMapStart(const YAML::Mark &m, const std::string &tag, YAML::anchor_t a,
                    YAML::EmitterStyle::value style) override
    {
        add("map", m, tag + " style " + std::to_string(style), a);
    }
    void OnMapEnd() override { events.push_back("end-map"); }

private:
    void add(const char *what, const YAML::Mark &m, const std::string &rest = {},
             YAML::anchor_t anchor = 0)
    {
        events.push_back(std::string(what) + " " + std::to_string(m.pos) + ":" +
                         std::to_string(m.line) + ":" + std::to_string(m.column) + " " + rest +
                         " &" + std::to_string(anchor));
    }
};

/// yaml-cpp's events for a chunk; false when it throws.
inline bool yamlCppEvents(std::string_view body, std::vector<std::string> &events)
{
    std::istringstream in{std::string(body)};
    Recorder r;
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(r);
    } catch (const std::exception &) {
        return false;
    }
    events = std::move(r.events);
    return true;
}

/// Whether the scanner took the chunk; when it did, a description of how its events differ
/// from yaml-cpp's in mismatch (empty when they are equal).
inline bool scannerAgrees(std::string_view body, std::string &mismatch)
{
    Recorder scanned;
    if (!Yaml::Detail::scanBlockDocument(body, scanned))
        return false;
    std::vector<std::string> expected;
    if (!yamlCppEvents(body, expected)) {
        mismatch = "yaml-cpp refuses what the scanner read";
        return true;
    }
    for (std::size_t i = 0; i < std::max(expected.size(), scanned.events.size()); ++i) {
        const std::string a = i < expected.size() ? expected[i] : "(none)";
        const std::string b = i < scanned.events.size() ? scanned.events[i] : "(none)";
        if (a != b) {
            mismatch = "event " + std::to_string(i) + ": yaml-cpp " + a + ", scanner " + b;
            return true;
        }
    }
    return true;
}

} // namespace PodSec::TestUtil
