// SPDX-License-Identifier: Apache-2.0
// Benchmark: generates realistic multi-document corpora and measures `podsec check
// --format json` on them (wall time, peak RSS), against yaml-cpp's own event parser on
// the same bytes. Numbers are printed, never asserted.
//
//   podsec_bench [--sizes 1000,10000,50000] [--runs 3] [--dir DIR] [--podsec PATH]
//                [--fix | --compare-rules]
//
// --fix measures `podsec fix FILE` (the fixed text to /dev/null) instead: wall time and
// peak RSS per corpus.
// --compare-rules measures `podsec check --format json --rules pss` against `--rules all`
// on the same corpus in the same run (interleaved): wall time and peak RSS of each.
#include "corpusgenerator.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct NullHandler : YAML::EventHandler
{
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override
    {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {}
    void OnMapEnd() override {}
};

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct RunResult
{
    double seconds = 0;
    long maxRssKb = 0;
    int status = 0;
};

RunResult runPodsec(const std::string &podsec, const std::string &file, int jobs, bool fix = false)
{
    RunResult r;
    const double start = now();
    pid_t pid = fork();
    if (pid == 0) {
        FILE *devnull = std::fopen("/dev/null", "w");
        if (devnull)
            dup2(fileno(devnull), STDOUT_FILENO);
        if (devnull && fix)
            dup2(fileno(devnull), STDERR_FILENO); // the decisions, one line per finding
        std::string jobsArg = "--jobs=" + std::to_string(jobs);
        if (fix)
            execl(podsec.c_str(), podsec.c_str(), "fix", file.c_str(),
                  static_cast<char *>(nullptr));
        else if (jobs > 0)
            execl(podsec.c_str(), podsec.c_str(), "check", "--format", "json", jobsArg.c_str(),
                  file.c_str(), static_cast<char *>(nullptr));
        else
            execl(podsec.c_str(), podsec.c_str(), "check", "--format", "json", file.c_str(),
                  static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    struct rusage usage = {};
    wait4(pid, &status, 0, &usage);
    r.seconds = now() - start;
    r.maxRssKb = usage.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

/// `podsec check --format json --rules RULES FILE` (stdout to /dev/null).
RunResult runRules(const std::string &podsec, const std::string &file, const std::string &rules)
{
    RunResult r;
    const double start = now();
    pid_t pid = fork();
    if (pid == 0) {
        FILE *devnull = std::fopen("/dev/null", "w");
        if (devnull)
            dup2(fileno(devnull), STDOUT_FILENO);
        const std::string rulesArg = "--rules=" + rules;
        execl(podsec.c_str(), podsec.c_str(), "check", "--format", "json", rulesArg.c_str(),
              file.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    struct rusage usage = {};
    wait4(pid, &status, 0, &usage);
    r.seconds = now() - start;
    r.maxRssKb = usage.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

int benchRules(const std::string &podsec, const std::string &dir, const std::vector<int> &sizes,
               int runs)
{
    std::printf("%-8s %9s %16s %9s %16s %9s %8s %8s\n", "docs", "MB", "--rules pss", "RSS",
                "--rules all", "RSS", "time", "RSS");
    for (int size : sizes) {
        const std::string text = PodSec::Bench::generate(size, 42);
        const std::string file = dir + "/corpus-" + std::to_string(size) + ".yaml";
        std::ofstream(file, std::ios::binary) << text;
        std::vector<double> pss, all;
        long pssRss = 0, allRss = 0;
        for (int r = 0; r < runs; ++r) {
            const auto a = runRules(podsec, file, "pss");
            const auto b = runRules(podsec, file, "all");
            pss.push_back(a.seconds);
            all.push_back(b.seconds);
            pssRss = std::max(pssRss, a.maxRssKb);
            allRss = std::max(allRss, b.maxRssKb);
            for (const auto &run : {a, b}) {
                if (run.status != 1 && run.status != 0)
                    std::fprintf(stderr, "podsec exited with %d\n", run.status);
            }
        }
        std::sort(pss.begin(), pss.end());
        std::sort(all.begin(), all.end());
        const double pssMedian = pss[pss.size() / 2], allMedian = all[all.size() / 2];
        std::printf("%-8d %9.1f %6.2f/%6.2fs %6.0f MB %6.2f/%6.2fs %6.0f MB %+7.1f%% %+7.1f%%\n",
                    size, static_cast<double>(text.size()) / 1e6, pss.front(), pssMedian,
                    static_cast<double>(pssRss) / 1024.0, all.front(), allMedian,
                    static_cast<double>(allRss) / 1024.0, (allMedian / pssMedian - 1.0) * 100.0,
                    (static_cast<double>(allRss) / static_cast<double>(pssRss) - 1.0) * 100.0);
    }
    std::printf("times are min/median of %d interleaved runs of `podsec check --format json "
                "--rules R FILE >/dev/null`; the last two columns: all vs pss (median time, peak "
                "RSS)\n",
                runs);
    return 0;
}

double yamlCppParse(const std::string &text)
{
    const double start = now();
    std::istringstream in(text);
    YAML::Parser parser(in);
    NullHandler handler;
    while (parser.HandleNextDocument(handler)) {
    }
    return now() - start;
}

int benchFix(const std::string &podsec, const std::string &dir, const std::vector<int> &sizes,
             int runs)
{
    std::printf("%-8s %9s %14s %10s\n", "docs", "MB", "podsec fix", "peak RSS");
    for (int size : sizes) {
        const std::string text = PodSec::Bench::generate(size, 42);
        const std::string file = dir + "/corpus-" + std::to_string(size) + ".yaml";
        std::ofstream(file, std::ios::binary) << text;
        std::vector<double> wall;
        long rss = 0;
        for (int r = 0; r < runs; ++r) {
            const auto run = runPodsec(podsec, file, 0, true);
            wall.push_back(run.seconds);
            rss = std::max(rss, run.maxRssKb);
            if (run.status != 1 && run.status != 0)
                std::fprintf(stderr, "podsec fix exited with %d\n", run.status);
        }
        std::sort(wall.begin(), wall.end());
        std::printf("%-8d %9.1f %6.2f/%6.2fs %7.0f MB\n", size,
                    static_cast<double>(text.size()) / 1e6, wall.front(), wall[wall.size() / 2],
                    static_cast<double>(rss) / 1024.0);
    }
    std::printf("times are min/median of %d runs of `podsec fix FILE >/dev/null`\n", runs);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> sizes = {1000, 10000, 50000};
    int runs = 3;
    std::string dir = "/tmp/podsec-bench";
    std::string podsec = PODSEC_CLI_PATH;
    bool fix = false;
    bool compareRules = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            return i + 1 < argc ? argv[++i] : "";
        };
        if (a == "--sizes") {
            sizes.clear();
            std::istringstream s(next());
            std::string part;
            while (std::getline(s, part, ','))
                sizes.push_back(std::atoi(part.c_str()));
        } else if (a == "--runs") {
            runs = std::max(1, std::atoi(next().c_str()));
        } else if (a == "--dir") {
            dir = next();
        } else if (a == "--podsec") {
            podsec = next();
        } else if (a == "--fix") {
            fix = true;
        } else if (a == "--compare-rules") {
            compareRules = true;
        } else {
            std::printf("usage: podsec_bench [--sizes 1000,10000,50000] [--runs 3] [--dir DIR] "
                        "[--podsec PATH] [--fix | --compare-rules]\n");
            return a == "--help" ? 0 : 2;
        }
    }
    if (std::system(("mkdir -p '" + dir + "'").c_str()) != 0)
        return 2;
    if (fix)
        return benchFix(podsec, dir, sizes, runs);
    if (compareRules)
        return benchRules(podsec, dir, sizes, runs);
    std::printf("%-8s %9s %12s %12s %12s %12s %10s %9s\n", "docs", "MB", "yaml-cpp 1c", "podsec 1c",
                "overhead", "podsec wall", "peak RSS", "RSS/input");
    for (int size : sizes) {
        const std::string text = PodSec::Bench::generate(size, 42);
        const std::string file = dir + "/corpus-" + std::to_string(size) + ".yaml";
        std::ofstream(file, std::ios::binary) << text;
        const double mb = static_cast<double>(text.size()) / 1e6;
        std::vector<double> parse, single, wall;
        long rss = 0;
        for (int r = 0; r < runs; ++r) {
            parse.push_back(yamlCppParse(text));
            const auto one = runPodsec(podsec, file, 1);
            single.push_back(one.seconds);
            const auto all = runPodsec(podsec, file, 0);
            wall.push_back(all.seconds);
            rss = std::max(rss, all.maxRssKb);
            if (all.status != 1 && all.status != 0)
                std::fprintf(stderr, "podsec exited with %d\n", all.status);
        }
        auto minMedian = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return std::make_pair(v.front(), v[v.size() / 2]);
        };
        const auto p = minMedian(parse), s = minMedian(single), w = minMedian(wall);
        std::printf("%-8d %9.1f %5.2f/%5.2fs %5.2f/%5.2fs %11.0f%% %5.2f/%5.2fs %7.0f MB %8.2fx\n",
                    size, mb, p.first, p.second, s.first, s.second,
                    (s.second / p.second - 1.0) * 100.0, w.first, w.second,
                    static_cast<double>(rss) / 1024.0,
                    static_cast<double>(rss) * 1024.0 / static_cast<double>(text.size()));
    }
    std::printf("times are min/median of %d runs; '1c' = one core (--jobs=1); overhead = podsec "
                "1c vs yaml-cpp parse alone\n",
                runs);
    return 0;
}
