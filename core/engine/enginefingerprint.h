// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace PodSec {

/// The SHA-256 of the engine's sources, as 64 hex digits (cmake/EngineFingerprint.cmake): a
/// cached result made by another build of the engine is never read (engine/factscache.h).
const char *engineFingerprint();

} // namespace PodSec
