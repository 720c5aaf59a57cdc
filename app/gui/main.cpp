// SPDX-License-Identifier: Apache-2.0
// podsec-explorer: the PodSec Explorer window.
#include "common/fileinput.h"
#include "engine/factscache.h"
#include "qnetworktransport.h"
#include "views/accesspanel.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/sampleworkspace.h"

#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "views/detailspane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <memory>

using namespace PodSec;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PodSec"));
    QApplication::setApplicationName(QStringLiteral("PodSec Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(PODSEC_VERSION_STRING));
    // The application id of the desktop file, the metainfo and the icons (packaging/).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.podsec.PodSecExplorer"));
    QApplication::setApplicationVersion(QStringLiteral(PODSEC_VERSION_STRING));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "PodSec Explorer: Pod Security Standards, exactly as kube-apiserver applies them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QStringLiteral("Manifest files or folders (default: the sample workspace)."),
        QStringLiteral("[paths...]"));
    QCommandLineOption lang(
        QStringLiteral("lang"),
        QStringLiteral("User interface language (en, zh_CN); default: the system locale."),
        QStringLiteral("locale"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Start with the dark palette."));
    QCommandLineOption zoom(QStringLiteral("zoom"),
                            QStringLiteral("Enlarge fonts by N steps of 10% (for projectors)."),
                            QStringLiteral("N"));
    QCommandLineOption presenter(
        QStringLiteral("presenter"),
        QStringLiteral("Start in the presenter view: full screen, at least --zoom 5 (F11 or "
                       "Escape leaves it)."));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Load, select --select, save a PNG of the window and quit."),
        QStringLiteral("file"));
    QCommandLineOption select(QStringLiteral("select"),
                              QStringLiteral("Tree row to select (a key as shown by the model)."),
                              QStringLiteral("key"));
    QCommandLineOption admissionConfig(
        QStringLiteral("admission-config"),
        QStringLiteral("A PodSecurityConfiguration: defaults and exemptions."),
        QStringLiteral("file"));
    QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("Initial filter text."),
                              QStringLiteral("text"));
    QCommandLineOption previewFix(
        QStringLiteral("preview-fix"),
        QStringLiteral("With --screenshot: open the fix preview for the selected workload and "
                       "save a PNG of it instead of the window."));
    QCommandLineOption whatIf(
        QStringLiteral("what-if"),
        QStringLiteral("With --screenshot: open the namespace what-if for the selected row and "
                       "save a PNG of it instead of the window."));
    QCommandLineOption access(
        QStringLiteral("access"),
        QStringLiteral("Show the Access tab (who can get around Pod Security), its risks open."));
    QCommandLineOption whoCan(QStringLiteral("who-can"),
                              QStringLiteral("Show the Access tab answering this who-can query "
                                             "(\"create pods -n monitoring\")."),
                              QStringLiteral("query"));
    QCommandLineOption overview(
        QStringLiteral("overview"),
        QStringLiteral("Show the Overview tab (numbers and charts of the workspace)."));
    QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"),
                                  QStringLiteral("Kubeconfig file of the cluster to read."),
                                  QStringLiteral("FILE"));
    QCommandLineOption context(QStringLiteral("context"),
                               QStringLiteral("Read this kubeconfig context instead of files."),
                               QStringLiteral("NAME"));
    QCommandLineOption insecureCredentials(
        QStringLiteral("allow-insecure-credentials"),
        QStringLiteral("Send credentials to an http:// cluster (unencrypted; the title warns)."));
    QCommandLineOption maxFileSize(
        QStringLiteral("max-file-size"),
        QStringLiteral("Largest manifest file read, as for podsec check (default 1G)."),
        QStringLiteral("size"));
    QCommandLineOption noCache(
        QStringLiteral("no-cache"),
        QStringLiteral("Parse every file, without the re-open cache (results kept per file's "
                       "content in the user cache folder)."));
    parser.addOptions({lang, dark, zoom, presenter, screenshot, select, filter, admissionConfig,
                       previewFix, kubeconfig, context, whatIf, insecureCredentials, maxFileSize,
                       access, whoCan, overview, noCache});
    parser.process(app);

    // --lang, else the language last chosen in View ▸ Language, else the system's.
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QString localeName = parser.isSet(lang)  ? parser.value(lang)
                               : !chosen.isEmpty() ? chosen
                                                   : QLocale::system().name();
    Ui::Language::set(localeName);

    Ui::MainWindow window;
    if (parser.isSet(maxFileSize)) {
        std::uint64_t bytes = 0;
        if (!parseSize(parser.value(maxFileSize).toStdString(), bytes)) {
            std::fprintf(stderr, "podsec-explorer: --max-file-size: not a size: %s\n",
                         qPrintable(parser.value(maxFileSize)));
            return 2;
        }
        window.workspace()->setMaxFileSize(bytes);
    }
    // Opening the same files again judges them from what the first open read (issue #19).
    const QString cacheRoot = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!parser.isSet(noCache) && !cacheRoot.isEmpty())
        window.workspace()->setFactsCache(std::make_shared<const Engine::FactsCache>(
            QString(cacheRoot + QStringLiteral("/facts")).toStdString()));
    if (parser.isSet(dark))
        window.setDark(true);
    if (parser.isSet(zoom))
        window.zoom(parser.value(zoom).toInt());
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths << Ui::SampleWorkspace::ensureCopy(); // File ▸ Reset Sample Workspace resets it
    window.show();
    if (parser.isSet(presenter))
        window.setPresenting(true);
    if (parser.isSet(admissionConfig))
        window.loadAdmissionConfig(parser.value(admissionConfig));
    window.setTransportFactory([](const Cluster::Selection &selection, std::string &error) {
        return std::unique_ptr<Cluster::Transport>(
            std::make_unique<Net::QNetworkTransport>(selection, error));
    });
    if (parser.isSet(insecureCredentials)) {
        auto options = window.clusterSession()->clientOptions();
        options.allowInsecureCredentials = true;
        window.clusterSession()->setClientOptions(options);
    }
    if (parser.isSet(kubeconfig) || parser.isSet(context))
        window.connectToCluster(parser.value(kubeconfig), parser.value(context));
    else
        window.openPaths(paths);
    if (parser.isSet(filter))
        window.filterEdit()->setText(parser.value(filter));

    // --select KEY: a row that is not there is said, on stderr and in the status bar.
    auto selectOrSay = [](Ui::MainWindow &w, const QString &key) {
        if (key.isEmpty() || w.selectKey(key))
            return;
        const QString text =
            QCoreApplication::translate("main", "--select %1: no such row (a namespace, or "
                                                "namespace/workload as the tree shows it)")
                .arg(key);
        std::fprintf(stderr, "podsec-explorer: %s\n", qPrintable(text));
        w.statusBar()->showMessage(text);
    };
    if (parser.isSet(select) && !parser.isSet(screenshot)) {
        // Once, when the first result is shown (for a cluster: when the read has ended).
        const QString key = parser.value(select);
        auto done = std::make_shared<bool>(false);
        auto ended = std::make_shared<bool>(!(parser.isSet(kubeconfig) || parser.isSet(context)));
        auto trySelect = [&window, key, done, ended, selectOrSay] {
            if (*done || !*ended || window.workspace()->isBusy())
                return;
            *done = true;
            selectOrSay(window, key);
        };
        QObject::connect(&window, &Ui::MainWindow::clusterReadEnded, &window, [ended, trySelect] {
            *ended = true;
            trySelect();
        });
        QObject::connect(&window, &Ui::MainWindow::snapshotApplied, &window, trySelect);
    }

    if (parser.isSet(overview))
        window.showOverview();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const QString key = parser.value(select);
        const bool preview = parser.isSet(previewFix) || parser.isSet(whatIf);
        const bool whatIfDialog = parser.isSet(whatIf);
        const bool showAccess = parser.isSet(access) || parser.isSet(whoCan);
        const QString query = parser.value(whoCan);
        auto act = [&window, file, key, preview, whatIfDialog, selectOrSay, showAccess, query] {
            selectOrSay(window, key);
            if (showAccess) {
                // The Access tab: the risks (the first one selected, its explanation shown)
                // or a who-can answer, opened two levels deep.
                Ui::AccessPanel *panel = window.accessPanel();
                window.leftTabs()->setCurrentWidget(panel);
                panel->setQuery(query);
                const QAbstractItemModel *model = panel->view()->model();
                if (query.isEmpty() && model->rowCount() > 0)
                    panel->view()->setCurrentIndex(model->index(0, 0, model->index(0, 0)));
                panel->view()->expandToDepth(1);
            }
            if (preview) {
                QTimer::singleShot(400, &window, [file] {
                    if (QWidget *dialog = QApplication::activeModalWidget())
                        dialog->grab().save(file);
                    QApplication::quit();
                });
                if (whatIfDialog)
                    window.whatIf();
                else
                    window.fixInteractive(Ui::MainWindow::FixScope::Workload);
                return;
            }
            QTimer::singleShot(400, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        };
        if (parser.isSet(kubeconfig) || parser.isSet(context)) {
            // Pages stream in: wait for the end of the read and the last evaluation.
            // A snapshot may be a partial one with more pages still being evaluated.
            auto ended = std::make_shared<bool>(false);
            auto actWhenSettled = [&window, act, ended] {
                if (*ended && !window.workspace()->isBusy()) {
                    *ended = false; // once
                    act();
                }
            };
            QObject::connect(&window, &Ui::MainWindow::clusterReadEnded, &window,
                             [ended, actWhenSettled] {
                                 *ended = true;
                                 actWhenSettled();
                             });
            QObject::connect(&window, &Ui::MainWindow::snapshotApplied, &window, actWhenSettled);
        } else {
            QObject::connect(&window, &Ui::MainWindow::snapshotApplied, &window, act);
        }
        QTimer::singleShot(60000, &app, [] { QApplication::exit(3); }); // never hang
    }
    return app.exec();
}
