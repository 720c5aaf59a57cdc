// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace PodSec::Ui {

/// A small YAML highlighter for systems without KSyntaxHighlighting (Debian 12): comments,
/// keys, strings, numbers and booleans, anchors/aliases/tags, document markers and block
/// scalar bodies.
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    YamlHighlighter(QTextDocument *document, bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_keyword, m_comment, m_anchor, m_marker, m_block;
};

} // namespace PodSec::Ui
