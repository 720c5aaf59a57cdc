// SPDX-License-Identifier: Apache-2.0
#include "language.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMutex>
#include <QMutexLocker>
#include <QTabBar>
#include <QTranslator>
#include <QWidget>

#include <memory>

namespace PodSec::Ui {

namespace {

/// Where a translated text came from.
struct Origin
{
    QByteArray context;
    QByteArray source;
    QByteArray disambiguation;
};

/// The one translator the application installs: asks the application's and Qt's
/// translations in turn and remembers the source of every text it hands out (plural forms
/// aside: their text is completed with a number afterwards).
class RecordingTranslator final : public QTranslator
{
public:
    void setTranslations(std::unique_ptr<QTranslator> app, std::unique_ptr<QTranslator> qt)
    {
        const QMutexLocker lock(&m_mutex);
        m_app = std::move(app);
        m_qt = std::move(qt);
    }

    bool hasTranslations() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_app != nullptr;
    }

    QString translate(const char *context, const char *source, const char *disambiguation,
                      int n) const override
    {
        const QMutexLocker lock(&m_mutex);
        QString text;
        for (const QTranslator *t : {m_app.get(), m_qt.get()}) {
            if (t && (text = t->translate(context, source, disambiguation, n), !text.isEmpty()))
                break;
        }
        if (n < 0 && context && source && *source) {
            const QString shown = text.isEmpty() ? QString::fromUtf8(source) : text;
            m_origins.insert(shown, {context, source, disambiguation});
        }
        return text;
    }

    /// Never empty, so that installing it is a language change.
    bool isEmpty() const override { return false; }

    /// The text shown for shown in the current language; shown itself when it is no
    /// translation the application handed out.
    QString retranslated(const QString &shown) const
    {
        Origin origin;
        {
            const QMutexLocker lock(&m_mutex);
            const auto it = m_origins.constFind(shown);
            if (it == m_origins.constEnd())
                return shown;
            origin = *it;
        }
        return QCoreApplication::translate(
            origin.context.constData(), origin.source.constData(),
            origin.disambiguation.isEmpty() ? nullptr : origin.disambiguation.constData());
    }

private:
    mutable QMutex m_mutex;
    std::unique_ptr<QTranslator> m_app, m_qt;
    mutable QHash<QString, Origin> m_origins;
};

RecordingTranslator *translator()
{
    static RecordingTranslator *t = [] {
        auto *created = new RecordingTranslator;
        created->setParent(QCoreApplication::instance());
        QCoreApplication::installTranslator(created);
        return created;
    }();
    return t;
}

QString s_current = QStringLiteral("en");
QString s_folder = QStringLiteral(":/i18n");

template <typename Get, typename Set> void redo(const Get &get, const Set &set)
{
    const QString before = get();
    if (before.isEmpty())
        return;
    const QString after = translator()->retranslated(before);
    if (after != before)
        set(after);
}

void retranslateWidget(QWidget *w)
{
    redo([w] { return w->windowTitle(); }, [w](const QString &t) { w->setWindowTitle(t); });
    redo([w] { return w->toolTip(); }, [w](const QString &t) { w->setToolTip(t); });
    redo([w] { return w->statusTip(); }, [w](const QString &t) { w->setStatusTip(t); });
    if (auto *b = qobject_cast<QAbstractButton *>(w))
        redo([b] { return b->text(); }, [b](const QString &t) { b->setText(t); });
    if (auto *l = qobject_cast<QLabel *>(w))
        redo([l] { return l->text(); }, [l](const QString &t) { l->setText(t); });
    if (auto *g = qobject_cast<QGroupBox *>(w))
        redo([g] { return g->title(); }, [g](const QString &t) { g->setTitle(t); });
    if (auto *m = qobject_cast<QMenu *>(w))
        redo([m] { return m->title(); }, [m](const QString &t) { m->setTitle(t); });
    if (auto *e = qobject_cast<QLineEdit *>(w)) {
        redo([e] { return e->placeholderText(); },
             [e](const QString &t) { e->setPlaceholderText(t); });
    }
    if (auto *c = qobject_cast<QComboBox *>(w)) {
        for (int i = 0; i < c->count(); ++i)
            redo([c, i] { return c->itemText(i); },
                 [c, i](const QString &t) { c->setItemText(i, t); });
    }
    if (auto *tabs = qobject_cast<QTabBar *>(w)) {
        for (int i = 0; i < tabs->count(); ++i) {
            redo([tabs, i] { return tabs->tabText(i); },
                 [tabs, i](const QString &t) { tabs->setTabText(i, t); });
            redo([tabs, i] { return tabs->tabToolTip(i); },
                 [tabs, i](const QString &t) { tabs->setTabToolTip(i, t); });
        }
    }
}

void retranslateAction(QAction *a)
{
    redo([a] { return a->text(); }, [a](const QString &t) { a->setText(t); });
    redo([a] { return a->toolTip(); }, [a](const QString &t) { a->setToolTip(t); });
    redo([a] { return a->statusTip(); }, [a](const QString &t) { a->setStatusTip(t); });
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::current()
{
    return s_current;
}

QString Language::set(const QString &localeName)
{
    QLocale locale(localeName);
    if (localeName == QLatin1String("en") && QLocale::system().language() != QLocale::English)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    else if (localeName == QLatin1String("en"))
        locale = QLocale::system();
    auto app = std::make_unique<QTranslator>();
    auto qt = std::make_unique<QTranslator>();
    const bool haveApp = app->load(locale, QStringLiteral("podsec"), QStringLiteral("_"), s_folder);
    const bool haveQt = qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                 QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    QLocale::setDefault(locale);
    s_current = haveApp ? app->language() : QStringLiteral("en");
    if (s_current.isEmpty())
        s_current = locale.name();
    RecordingTranslator *t = translator();
    t->setTranslations(haveApp ? std::move(app) : nullptr, haveQt ? std::move(qt) : nullptr);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    return s_current;
}

void Language::setTranslationsFolder(const QString &folder)
{
    s_folder = folder;
}

void Language::retranslate(QWidget *root)
{
    if (!root)
        return;
    retranslateWidget(root);
    for (QWidget *w : root->findChildren<QWidget *>())
        retranslateWidget(w);
    for (QAction *a : root->findChildren<QAction *>())
        retranslateAction(a);
}

} // namespace PodSec::Ui
