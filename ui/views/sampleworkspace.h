// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace PodSec::Ui::SampleWorkspace {

/// Copies every file under from (a folder, or one of the application's resources such as
/// ":/lessons/01-…/start") into to, sub-folders made as needed; keepExisting: files already
/// in to are left as they are. Each file is written whole and synced before the next one,
/// writable by its owner. False with *error (a file that could not be read or written, or
/// no file at all under from).
bool copyFolder(const QString &from, const QString &to, bool keepExisting, QString *error);
/// A new, empty folder in the temporary folder ("podsec-<what>-XXXXXX") that stays after
/// the call: a scratch workspace (the catalogue's examples, a lesson). Empty and *error
/// when it could not be made.
QString newScratchFolder(const QString &what, QString *error);

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
