// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/plan.h"

#include <memory>
#include <set>
#include <string>

namespace PodSec::K8s {
class PodSpecView;
}
namespace PodSec::Yaml {
class Document;
}
namespace PodSec::Policy {
struct Evaluation;
}

namespace PodSec::Fix {

class YamlSurgeon;

/// Plans the fixes of the objects of one document. What it learns about the document
/// (parents, aliases, node spans) is built on the first plan() and shared by the others,
/// so planning every item of a large List stays linear. doc and text must outlive it.
/// fileEol: the file's line ending when text holds the document alone (YamlSurgeon).
class DocumentPlanner
{
public:
    DocumentPlanner(const Yaml::Document &doc, const std::string &text, std::string fileEol = {});
    ~DocumentPlanner();
    DocumentPlanner(const DocumentPlanner &) = delete;
    DocumentPlanner &operator=(const DocumentPlanner &) = delete;
    /// planFixes() for an object of this document.
    Plan plan(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
              const std::set<std::string> &only = {}) const;

private:
    const Yaml::Document &m_doc;
    const std::string &m_text;
    std::string m_fileEol;
    mutable std::unique_ptr<YamlSurgeon> m_surgeon;
};

/// Every fix and decision for the failing checks of one object, planned against text (the
/// text the object was parsed from) by each check's fixer (fix/fixers/allfixers.h). Only
/// bytes that must change change: scalars are replaced in place keeping their quoting, new
/// keys are inserted as lines at the mapping's own indentation (block) or inside the braces
/// (flow, JSON quoting in JSON documents), entries and items are removed line-wise keeping
/// comment lines, all with the file's line ending (fix/yamlsurgeon.h). A value shared
/// through a YAML anchor is edited only when every user of the anchor is in the same
/// object; otherwise that is explained as a decision. Checks listed in only restrict the
/// plan when not empty. (Several objects of one document: DocumentPlanner.)
Plan planFixes(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
               const std::string &text, const std::set<std::string> &only = {});

} // namespace PodSec::Fix
