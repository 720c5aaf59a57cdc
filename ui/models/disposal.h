// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QThreadPool>

#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace PodSec::Ui {

/// Gives the heap's free pages back to the system. glibc keeps what is freed in the arena of
/// the thread that allocated it, and a snapshot is built, and freed, on several threads: at
/// 10,000 workloads the window's resident set was a third larger than its heap in use.
inline void releaseFreeMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/// Frees a large value on a worker thread: a snapshot or a tree of rows is hundreds of
/// thousands of allocations, and freeing them when the next one replaces it blocked the GUI
/// thread for a tenth of a second at 10,000 workloads (issue #19). release: then give the
/// free pages back (a whole snapshot or tree; not for small leftovers, since trimming holds
/// each arena's lock while it walks it).
/// While the application closes (the global pool is gone), it is freed at once.
template <typename T> void disposeLater(std::unique_ptr<T> value, bool release = false)
{
    QThreadPool *pool = QThreadPool::globalInstance();
    if (value && pool)
        pool->start([raw = value.release(), release] {
            delete raw;
            if (release)
                releaseFreeMemory();
        });
}

/// A shared value whose last owner, whichever thread drops it, frees it with disposeLater
/// and gives the free pages back.
template <typename T> std::shared_ptr<const T> sharedDisposedLater(T value)
{
    return std::shared_ptr<const T>(new T(std::move(value)), [](const T *p) {
        disposeLater(std::unique_ptr<const T>(p), true);
    });
}

} // namespace PodSec::Ui
