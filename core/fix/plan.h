// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/texteditset.h"

#include <string>
#include <vector>

namespace PodSec::Fix {

/// One fix: a titled set of edits against the text the object was parsed from.
struct FixIt
{
    std::string checkId;
    std::string title; ///< user-facing, translated when the application installed a translator
    std::string path;  ///< the field it fixes (full path from the object root)
    /// Stable identity across re-planning ("checkId|path|action"), used to leave a fix out.
    std::string key;
    TextEditSet edits;
    /// What the change may break, for a person to weigh ("... may not start"); "" when it
    /// is not expected to change how the program runs. User-facing, translated like title.
    std::string consequence;
};

/// A failing finding that a person has to settle. choices are fixes the person may pick
/// (none of them is applied automatically); empty when the tool can only explain.
struct Decision
{
    std::string checkId;
    std::string path;
    std::string question;
    std::vector<FixIt> choices;
};

struct Plan
{
    std::vector<FixIt> fixes; ///< safe to apply automatically, each on its own
    std::vector<Decision> decisions;
};

} // namespace PodSec::Fix
