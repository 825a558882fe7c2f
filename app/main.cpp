#include "Catalog.h"
#include "CommandLine.h"
#include "ExportCommand.h"
#include "LayoutRunner.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <new>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLSKETCH_VERSION));

    if (argc > 1 && mls::CommandLine::isSubcommand(QString::fromLocal8Bit(argv[1]))) {
        // export draws the board: a QApplication, offscreen so that no display is needed.
        const bool gui = mls::ExportCommand::needsGui(QString::fromLocal8Bit(argv[1]));
        if (gui)
            mls::ExportCommand::useOffscreenPlatform();
        std::unique_ptr<QCoreApplication> guard(gui ? new QApplication(argc, argv)
                                                    : new QCoreApplication(argc, argv));
        QCoreApplication &app = *guard;
        QTextStream out(stdout);
        QTextStream err(stderr);
        QString error;
        if (!mls::Catalog::loadBuiltin(&error)) {
            err << "mlsketch: " << error << '\n';
            return 2;
        }
        // Out of memory anywhere in a command (past the reader's own refusal: the rules of a
        // huge design, an export) is "unreadable input", exit 2 with a message, not an abort.
        try {
            return mls::CommandLine::run(app.arguments().mid(1), out, err);
        } catch (const std::bad_alloc &) {
            err << "mlsketch " << app.arguments().value(1)
                << ": not enough memory for this input\n";
            return 2;
        }
    }

    // --help and --version print and exit before any window exists: they need no display.
    bool printsOnly = false;
    QStringList windowArgs;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        windowArgs << QString::fromLocal8Bit(arg);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            printsOnly = true;
    }
    if (printsOnly && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!printsOnly) {
        // Mistakes are told on the terminal, before a window (or the lack of a display) hides
        // them.
        QString problem = mls::CommandLine::windowArgumentsError(windowArgs);
        if (problem.isEmpty())
            problem = mls::CommandLine::missingDisplayError();
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(problem));
            return 2;
        }
    }

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.mlsketch.mlsketch"));
    mls::initCoreResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A whiteboard for machine-learning system design.\n\n"
                       "Commands (run without a window):\n"
                       "  mlsketch templates        list the built-in reference designs\n"
                       "  mlsketch new TEMPLATE -o FILE [--force]\n"
                       "                            start FILE as a copy of a template; exit 2\n"
                       "                            when FILE exists or the template is unknown\n"
                       "  mlsketch check FILE [--format text|json] [--rules FILE]\n"
                       "                 [--min-severity info|warning|error]\n"
                       "                            check FILE against the design rules; exit 0\n"
                       "                            when clean, 1 on an unwaived error, 2 when\n"
                       "                            FILE or a rule pack cannot be read\n"
                       "  mlsketch layout FILE -o OUT [--engine dot|sfdp] [--direction LR|TB]\n"
                       "                            lay FILE out with Graphviz (pinned components\n"
                       "                            stay) and save it as OUT; exit 2 when FILE\n"
                       "                            cannot be read or an option is wrong\n"
                       "  mlsketch export FILE -o OUT.(png|svg|pdf|dot|mmd|md)\n"
                       "                 [--scale 1-4] [--background white|transparent|dark]\n"
                       "                 [--margin PX] [--markers] [--layout]\n"
                       "                            export FILE (laid out first with --layout)\n"
                       "                            in the format of OUT's extension; .md is a\n"
                       "                            design review with OUT's .png next to it;\n"
                       "                            needs no display; exit 2 on any failure"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A .mlsketch diagram to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    QString error;
    if (!mls::Catalog::loadBuiltin(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("mlsketch"),
                              QStringLiteral("mlsketch cannot start: the built-in catalog is "
                                             "broken.\n\n%1")
                                  .arg(error));
        return 2;
    }

    // Auto layout runs this executable as `mlsketch layout-worker`, so it can be killed.
    mls::LayoutRunner::setDefaultWorker(QCoreApplication::applicationFilePath());
    // Unsaved work from a session that crashed comes first; then the file asked for, if any.
    const int restored = mls::MainWindow::offerRecovery(nullptr);
    const QStringList files = parser.positionalArguments();
    if (restored == 0 || !files.isEmpty()) {
        auto *window = new mls::MainWindow; // deletes itself on close
        window->show();
        if (!files.isEmpty())
            window->openFileInteractive(files.constFirst());
    }
    return app.exec();
}
