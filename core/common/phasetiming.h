// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace PodSec {

/// With PODSEC_TIMING set, prints each phase's wall time and the peak RSS after it to
/// stderr ("podsec timing: list pages 1234 ms, peak RSS 56 MB"), for the benchmarks
/// (bench/cluster-bench.sh, podsec_ui_bench). Without it, does nothing.
class PhaseTiming
{
public:
    PhaseTiming() : m_on(std::getenv("PODSEC_TIMING") != nullptr) {}
    bool enabled() const { return m_on; }
    /// Ends the phase that started at the last lap (or construction).
    void lap(const char *phase)
    {
        if (!m_on)
            return;
        const auto now = std::chrono::steady_clock::now();
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(now - m_start).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage); // ru_maxrss: the peak resident set, in KiB on Linux
        std::fprintf(stderr, "podsec timing: %s %lld ms, peak RSS %ld MB\n", phase,
                     static_cast<long long>(ms), static_cast<long>(usage.ru_maxrss) / 1024);
        m_start = now;
    }

private:
    bool m_on;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

} // namespace PodSec
