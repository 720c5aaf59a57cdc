// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace PodSec::Ui::SampleWorkspace {

/// The sample as shipped (the application's resources, ":/sample/workspace").
QString bundled();
/// The user's copy of the sample (AppLocalDataLocation/sample-workspace), which keeps every
/// saved fix.
QString copy();
/// Tests: other places for the bundled sample and the copy (empty: the defaults).
void setLocations(const QString &bundled, const QString &copy);

/// Copies the bundled files the copy lacks (the first start copies them all; files the
/// user edited are kept) and returns copy().
QString ensureCopy();
/// The workspace opened from these roots is the user's copy of the sample.
bool isCopy(const QStringList &roots);
/// Replaces the copy with the sample as shipped: the files are written into a new folder
/// beside it first, which then takes the copy's place (a rename), so the copy is never
/// left half-written. False with *error when that failed (the copy is then unchanged).
bool reset(QString *error);

} // namespace PodSec::Ui::SampleWorkspace
