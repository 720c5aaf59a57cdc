// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "searchindex.h"

#include <memory>

namespace PodSec::Ui {

/// A snapshot as the window shows it: the engine's immutable result and the window's own
/// data derived from it (the filter's text), built together off the GUI thread by the
/// Workspace and handed over as one value.
struct ViewSnapshot
{
    std::shared_ptr<const WorkspaceSnapshot> snapshot;
    std::shared_ptr<const SearchIndex> search;

    /// Derives the window's data for a snapshot on the calling thread, reusing what it can
    /// of previous (which may be null or empty).
    static ViewSnapshot derive(std::shared_ptr<const WorkspaceSnapshot> snapshot,
                               const ViewSnapshot *previous = nullptr)
    {
        ViewSnapshot view;
        if (snapshot) {
            const bool reuse = previous && previous->snapshot && previous->search;
            view.search = SearchIndex::build(*snapshot, reuse ? previous->snapshot.get() : nullptr,
                                             reuse ? previous->search.get() : nullptr);
        }
        view.snapshot = std::move(snapshot);
        return view;
    }
};

} // namespace PodSec::Ui
