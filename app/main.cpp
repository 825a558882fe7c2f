// SPDX-License-Identifier: MIT
#include "Allocator.h"
#include "Catalog.h"
#include "CommandLine.h"
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
    mls::configureAllocator();
    QCoreApplication::setOrganizationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLSKETCH_VERSION));

    const mls::Subcommand *command =
        argc > 1 ? mls::CommandLine::find(QString::fromLocal8Bit(argv[1])) : nullptr;
    if (command) {
        // A command that draws the board needs a QApplication, offscreen unless the user chose
        // a platform: it must work on a server with no display.
        const bool gui = command->drawsBoard;
        if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
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
            return command->run(app.arguments().mid(2), out, err);
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
        QStringLiteral("A whiteboard for machine-learning system design.\n\n") +
        mls::CommandLine::helpText());
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
        else
            window->showStartPage(); // first run: new, template, recent, open
    }
    return app.exec();
}
