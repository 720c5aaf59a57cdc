// SPDX-License-Identifier: Apache-2.0
// The KSyntaxHighlighting side of the highlighting seam (built where KF6 is installed).
#include "highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace PodSec::Ui {

QSyntaxHighlighter *createYamlHighlighter(QTextDocument *document, bool dark)
{
    static KSyntaxHighlighting::Repository repository;
    auto *h = new KSyntaxHighlighting::SyntaxHighlighter(document);
    h->setTheme(repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                             : KSyntaxHighlighting::Repository::LightTheme));
    h->setDefinition(repository.definitionForName(QStringLiteral("YAML")));
    return h;
}

const char *highlighterName()
{
    return "KSyntaxHighlighting";
}

} // namespace PodSec::Ui
