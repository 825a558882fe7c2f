#include "Catalog.h"
#include "CommandLine.h"
#include "LayoutRunner.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLSKETCH_VERSION));

    if (argc > 1 && mls::CommandLine::isSubcommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QTextStream out(stdout);
        QTextStream err(stderr);
        QString error;
        if (!mls::Catalog::loadBuiltin(&error)) {
            err << "mlsketch: " << error << '\n';
            return 2;
        }
        return mls::CommandLine::run(app.arguments().mid(1), out, err);
    }

    QApplication app(argc, argv);
    mls::initCoreResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A whiteboard for machine-learning system design.\n\n"
                       "Commands (run without a window):\n"
                       "  mlsketch templates        list the built-in reference designs\n"
                       "  mlsketch check FILE [--format text|json] [--rules FILE]\n"
                       "                 [--min-severity info|warning|error]\n"
                       "                            check FILE against the design rules; exit 0\n"
                       "                            when clean, 1 on an unwaived error, 2 when\n"
                       "                            FILE or a rule pack cannot be read\n"
                       "  mlsketch layout FILE -o OUT [--engine dot|sfdp] [--direction LR|TB]\n"
                       "                            lay FILE out with Graphviz (pinned components\n"
                       "                            stay) and save it as OUT; exit 2 when FILE\n"
                       "                            cannot be read or an option is wrong"));
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
