// SPDX-License-Identifier: Apache-2.0
#include "reportformat.h"

#include "report/reports.h"

namespace PodSec::Cli {

std::string objectLabel(const EvaluatedObject &o)
{
    std::string label = o.kind + ' ';
    if (!o.namespaceName.empty())
        label += o.namespaceName + '/';
    label += o.name.empty() ? std::string("<unnamed>") : o.name;
    return label;
}

std::unique_ptr<ReportFormat> createFormat(const std::string &name, const ReportContext &context)
{
    if (name == "text")
        return createTextReport(context);
    if (name == "json")
        return createJsonReport(context);
    if (name == "sarif")
        return createSarifReport(context);
    if (name == "junit")
        return createJUnitReport(context);
    return nullptr;
}

} // namespace PodSec::Cli
