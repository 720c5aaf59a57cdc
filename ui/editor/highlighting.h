// SPDX-License-Identifier: Apache-2.0
#pragma once

class QSyntaxHighlighter;
class QTextDocument;

namespace PodSec::Ui {

/// The one seam for syntax colouring: KSyntaxHighlighting's YAML definition where KF6 was
/// found at build time, the built-in YamlHighlighter otherwise.
QSyntaxHighlighter *createYamlHighlighter(QTextDocument *document, bool dark);
/// "KSyntaxHighlighting" or "built-in", for the About box.
const char *highlighterName();

} // namespace PodSec::Ui
