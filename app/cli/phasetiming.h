// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace PodSec::Cli {

/// With PODSEC_TIMING set, prints each phase's wall time and the peak RSS after it to
/// stderr ("podsec timing: list pages 1234 ms, peak RSS 56 MB"), for the benchmarks
/// (bench/cluster-bench.sh). Without it, does nothing.
class PhaseTiming
{
public:
    PhaseTiming() : m_on(std::getenv("PODSEC_TIMING") != nullptr) {}
    /// Ends the phase that started at the last lap (or construction).
    void lap(const char *phase)
    {
        if (!m_on)
            return;
        const auto now = std::chrono::steady_clock::now();
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(now - m_start).count();
        std::fprintf(stderr, "podsec timing: %s %lld ms, peak RSS %ld MB\n", phase,
                     static_cast<long long>(ms), peakRssKb() / 1024);
        m_start = now;
    }

private:
    static long peakRssKb()
    {
        std::FILE *f = std::fopen("/proc/self/status", "r");
        if (!f)
            return 0;
        char line[256];
        long kb = 0;
        while (std::fgets(line, sizeof line, f)) {
            if (std::strncmp(line, "VmHWM:", 6) == 0)
                kb = std::strtol(line + 6, nullptr, 10);
        }
        std::fclose(f);
        return kb;
    }

    bool m_on;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

} // namespace PodSec::Cli
