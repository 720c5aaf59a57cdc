// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the kubeconfig reader: merge the input (twice, as two files), then
// select every context. Errors must carry a position inside the text; nothing may crash.
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_kubeconfig
//   ./build/fuzz/tests/fuzz/fuzz_kubeconfig -max_total_time=60 tests/fuzz/kubeconfig-corpus
#include "cluster/kubeconfig.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace PodSec::Cluster;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    Kubeconfig config;
    mergeKubeconfigText("/fuzz/a/config", text, config);
    mergeKubeconfigText("/fuzz/b/config", text, config);
    for (const auto &e : config.errors) {
        if (e.diagnostic.offset > text.size() + 1 || e.diagnostic.line == 0)
            __builtin_trap(); // positions stay inside the input
    }
    std::string error;
    for (const auto &c : config.contexts)
        (void)select(config, c.name, error);
    (void)select(config, "", error);
    return 0;
}
