// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the YAML layer and everything a document feeds: parse a stream,
// walk every node through the public accessors (typed readings included), extract and
// decode objects as the API server does, and evaluate them at
// restricted:latest and baseline:v1.0. Build with the "fuzz" preset:
//   cmake --preset fuzz && cmake --build --preset fuzz
//   ./build/fuzz/tests/fuzz/fuzz_yaml -max_total_time=60 tests/fuzz/corpus
#include "k8s/object.h"
#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace PodSec;

namespace {

void walk(const Yaml::Document &doc, Yaml::NodeId id, int depth, std::size_t &budget)
{
    if (id == Yaml::NoNode || depth > 64 || budget == 0)
        return;
    --budget;
    const auto &n = doc.node(id);
    if (n.start > n.end || n.end > doc.chunkEnd || n.start < doc.chunkStart)
        __builtin_trap(); // spans must stay inside the document
    switch (doc.kind(id)) {
    case Yaml::NodeKind::Mapping:
        for (std::size_t i = 0; i < doc.size(id); ++i) {
            walk(doc, doc.mapKey(id, i), depth + 1, budget);
            walk(doc, doc.mapValue(id, i), depth + 1, budget);
        }
        break;
    case Yaml::NodeKind::Sequence:
        for (std::size_t i = 0; i < doc.size(id); ++i)
            walk(doc, doc.item(id, i), depth + 1, budget);
        break;
    case Yaml::NodeKind::Scalar:
        (void)doc.scalarType(id);
        (void)doc.toInt(id);
        (void)doc.jsonNumber(id);
        (void)doc.isTrue(id);
        if (doc.toInt(id) && !doc.jsonNumber(id))
            __builtin_trap(); // an integer reading always comes from a JSON number
        break;
    case Yaml::NodeKind::Null:
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto file = Yaml::SourceFile::fromText(
        "fuzz.yaml", std::string(reinterpret_cast<const char *>(data), size));
    for (const auto &error : file->errors) {
        if (error.offset > size || error.line == 0)
            __builtin_trap(); // a diagnostic points into the text
    }
    // The kind probe and the validating parse (documents no rule reads): never a crash or
    // a hang, and validating finds exactly what parsing finds.
    {
        std::vector<Diagnostic> errors;
        const auto chunks = Yaml::SourceFile::chunksOf(file->text, errors);
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            (void)Yaml::SourceFile::probeKind(file->text, chunks[i]);
            const auto checked =
                Yaml::SourceFile::validateChunk(file->text, chunks[i], static_cast<int>(i));
            const auto &parsed = file->documents[i];
            if (checked.root != Yaml::NoNode || bool(checked.error) != bool(parsed.error) ||
                (checked.error && (checked.error->offset != parsed.error->offset ||
                                   checked.error->line != parsed.error->line ||
                                   checked.error->column != parsed.error->column ||
                                   checked.error->message != parsed.error->message)) ||
                checked.warnings.size() != parsed.warnings.size())
                __builtin_trap();
        }
    }
    for (const auto &doc : file->documents) {
        std::size_t budget = 100000;
        walk(doc, doc.root, 0, budget);
        (void)doc.toJson(doc.root);
        // Document rules and decoding (objectsIn decodes every pod-bearing object).
        if (doc.error && doc.root != Yaml::NoNode)
            __builtin_trap(); // a refused document has no tree to evaluate
        for (const auto &object : K8s::objectsIn(doc)) {
            if (!object.isPodBearing())
                continue;
            if (object.decodeError && object.isEvaluated())
                __builtin_trap(); // an object Kubernetes cannot decode is never evaluated
            const K8s::PodSpecView view(object);
            (void)Policy::evaluate(view, {Policy::Level::Restricted, Policy::Version::latest()});
            (void)Policy::evaluate(view, {Policy::Level::Baseline, Policy::Version::v1(0)});
        }
    }
    return 0;
}
