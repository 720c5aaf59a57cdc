// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace PodSec::Ui {

/// The user interface language, switchable while the window is open (View ▸ Language).
///
/// Every translation the application asks for goes through one translator that remembers,
/// for each text it handed out, the source text it came from. Switching the language
/// installs the new translations, makes QLocale's default the new locale (numbers, the
/// explanations' language), and gives every widget and action whose text is such a
/// remembered text its new translation. Texts built with arguments are not remembered;
/// the views that show them build them again on QEvent::LanguageChange.
class Language
{
public:
    /// The languages the application ships: "en", "zh_CN".
    static QStringList available();
    /// A language's own name ("English", "简体中文"), shown untranslated in the menu.
    static QString nativeName(const QString &language);
    /// The language in use ("en" when no translation is installed).
    static QString current();
    /// Installs the translations of localeName ("zh_CN", "en", "de_DE": what is not
    /// shipped falls back to English) and the locale. Returns the language now in use.
    /// Qt sends QEvent::LanguageChange to every widget.
    static QString set(const QString &localeName);
    /// Where the .qm files are (default ":/i18n", embedded in podsec-explorer; tests point
    /// it at the build folder).
    static void setTranslationsFolder(const QString &folder);
    /// Gives every text of root and its children (actions, menus, buttons, labels, tabs,
    /// placeholders, tool tips, combo box items, window titles) that was a translation
    /// handed out before its translation in the current language.
    static void retranslate(QWidget *root);
};

} // namespace PodSec::Ui
