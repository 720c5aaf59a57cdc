// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/safefile.h"

#include <cstdio>
#include <memory>
#include <string>

namespace PodSec::Cli {

/// The report's destination: stdout, or a file written by SafeWriter (a regular file is
/// replaced atomically, /dev/null and FIFOs are written through).
class Output
{
public:
    explicit Output(const std::string &file)
    {
        if (!file.empty()) {
            m_file = std::make_unique<SafeWriter>();
            m_ok = m_file->open(file, m_error);
        }
    }
    bool ok() const { return m_ok; }
    const std::string &error() const { return m_error; }
    void write(const std::string &s)
    {
        if (s.empty())
            return;
        if (m_file)
            m_ok = m_ok && m_file->write(s);
        else
            std::fwrite(s.data(), 1, s.size(), stdout);
    }
    bool commit()
    {
        if (m_file)
            return m_file->commit(m_error);
        std::fflush(stdout);
        return true;
    }

private:
    std::unique_ptr<SafeWriter> m_file;
    bool m_ok = true;
    std::string m_error;
};

/// Writes a whole report to file (stdout when empty); on failure prints
/// "FILE:1:1: cannot write WHAT: reason" to stderr and returns false.
inline bool writeWhole(const std::string &file, const std::string &text, const char *what)
{
    Output output(file);
    output.write(text);
    if (output.ok() && output.commit())
        return true;
    std::fprintf(stderr, "%s:1:1: cannot write %s: %s\n", file.c_str(), what,
                 output.error().c_str());
    return false;
}

} // namespace PodSec::Cli
