// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFont>

class QTextDocument;

namespace PodSec::Ui {

/// The window zooms by changing the application font (MainWindow::zoom). A widget given a
/// whole font of its own (QFontDatabase's fixed font, say) keeps that font's size and stops
/// following the zoom; these keep panes at the zoomed size.

/// A monospace font that sets only its family and style hint: a widget given it takes its
/// size from the application font, now and at every later zoom.
QFont zoomingMonospaceFont();

/// Rich text made from Markdown gives code spans and blocks the system's fixed font with
/// its size: drops those sizes so all of the text follows the widget's (zoomed) font.
void followZoom(QTextDocument *document);

} // namespace PodSec::Ui
