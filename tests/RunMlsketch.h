// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace mls::test {

/// Runs the mlsketch executable (MLSKETCH_BIN, set by the suite's CMake target) with @p args on
/// the offscreen platform, as a user would from a terminal; returns the exit code (-1 on a
/// crash or a minute without an end) and puts what it printed, output then errors, in @p text.
inline int runMlsketch(const QStringList &args, QString *text)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MLSKETCH_BIN), args);
    if (!p.waitForFinished(60000))
        return -1;
    *text = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace mls::test
