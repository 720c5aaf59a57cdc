// SPDX-License-Identifier: Apache-2.0
#include "podtestutil.h"

#include <stdexcept>

namespace PodSec::TestUtil {

ParsedPod parse(const std::string &yaml)
{
    ParsedPod p;
    p.file = Yaml::SourceFile::fromText("test.yaml", yaml);
    if (!p.file->documents.empty())
        p.objects = K8s::objectsIn(p.file->documents.front());
    return p;
}

Policy::Evaluation evaluate(const std::string &yaml, const char *level, const char *version)
{
    const auto parsed = parse(yaml);
    if (parsed.objects.empty())
        throw std::runtime_error("no object in test YAML");
    const K8s::PodSpecView view(parsed.object());
    return Policy::evaluate(view, {*Policy::parseLevel(level), *Policy::Version::parse(version)});
}

const Policy::CheckResult *findResult(const Policy::Evaluation &e, std::string_view id)
{
    for (const auto &r : e.results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QString sharedPath(const QString &relative)
{
    return QStringLiteral(PODSEC_SHARED_DIR "/") + relative;
}

QString testDataPath(const QString &relative)
{
    return QStringLiteral(PODSEC_TEST_DATA_DIR "/") + relative;
}

} // namespace PodSec::TestUtil
