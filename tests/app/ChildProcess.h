// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace mls::test {

/// How long a child window may take to start, get ready or finish: the machine is shared.
constexpr int childTimeoutMs = 120000;

/// Points XDG_DATA_HOME and XDG_CONFIG_HOME into @p home, for this process and every child it
/// starts. Call before anything reads QStandardPaths or QSettings.
inline void useHome(const QTemporaryDir &home)
{
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
}

/// This test binary run again as a window process (offscreen, this process's environment) to be
/// killed: started with a child flag, it prints "ready" once it holds what the test needs.
class ChildProcess
{
public:
    /// Starts the child with @p arguments and reads its output every @p pollMs until it says
    /// "ready"; false when it does not start, ends or times out first (see errors()).
    bool startUntilReady(const QStringList &arguments, int pollMs)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_process.setProcessEnvironment(env);
        m_process.start(QCoreApplication::applicationFilePath(), arguments);
        if (!m_process.waitForStarted(childTimeoutMs))
            return false;
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains("ready\n") && m_process.state() == QProcess::Running &&
               !clock.hasExpired(childTimeoutMs)) {
            m_process.waitForReadyRead(pollMs);
            out += m_process.readAllStandardOutput();
        }
        return out.contains("ready\n");
    }
    QProcess &process() { return m_process; }
    /// Why it never got ready: what it wrote to stderr, or why it did not start.
    QByteArray errors()
    {
        const QByteArray err = m_process.readAllStandardError();
        return err.isEmpty() ? m_process.errorString().toUtf8() : err;
    }

private:
    QProcess m_process;
};

/// For main(): names the application as mlsketch does (so a child finds the test's folders)
/// and, when argv[1] is @p flag with at least @p argsNeeded arguments, runs @p child and
/// returns its exit code; otherwise returns -1 and main() runs the suite.
inline int runChildIf(int argc, char *argv[], const char *flag, int argsNeeded,
                      int (*child)(int, char **))
{
    QCoreApplication::setOrganizationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationName(QStringLiteral("mlsketch"));
    if (argc >= argsNeeded && qstrcmp(argv[1], flag) == 0)
        return child(argc, argv);
    return -1;
}

} // namespace mls::test
