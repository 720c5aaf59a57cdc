// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: wherever the block scanner (core/yaml/blockscanner.h) reads a document,
// yaml-cpp reads it too and sends the same events, marks, tags and values. Build with the
// "fuzz" preset:
//   ./build/fuzz/tests/fuzz/fuzz_blockscanner -max_total_time=60 tests/fuzz/blockscanner-corpus
#include "yaml/sourcefile.h"
#include "yamlevents.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    // What SourceFile checks before any parser sees a document.
    if (PodSec::Yaml::findInvalidUtf8(text) >= 0 || text.find('\0') != text.npos)
        return 0;
    std::string mismatch;
    if (PodSec::TestUtil::scannerAgrees(text, mismatch) && !mismatch.empty())
        __builtin_trap();
    return 0;
}
