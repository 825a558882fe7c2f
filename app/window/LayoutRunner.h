// SPDX-License-Identifier: MIT
#pragma once

#include "layout/GraphvizLayout.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QProcess;
class QThread;
class QTimer;

namespace mls {

/// Runs one auto layout off the UI thread, with Cancel and a wall-clock time limit.
///
/// Graphviz's gvLayout cannot be interrupted, so the layout runs in a child process (the
/// app's own executable as `mlsketch layout-worker`, JSON in and out): Cancel kills it, and so
/// does the time limit, after which a dot layout is retried once with sfdp. A dot run that
/// fails or crashes is retried with sfdp too. If that also fails, finished() carries
/// ok == false and a message; the caller leaves the diagram unchanged.
///
/// Without a worker program (tests that link the app library, or a worker that cannot be
/// started) the layout runs on a thread in this process instead. That thread cannot be stopped:
/// Cancel drops its result, there is no time limit, and the destructor waits for it.
class LayoutRunner : public QObject
{
    Q_OBJECT
public:
    explicit LayoutRunner(QObject *parent = nullptr);
    ~LayoutRunner() override;

    /// The program every new runner starts as its worker; main() sets the app's own path.
    static void setDefaultWorker(const QString &program);
    static QString defaultWorker();
    /// This runner's worker: @p program run with @p arguments; empty program: a thread.
    void setWorker(const QString &program,
                   const QStringList &arguments = {QStringLiteral("layout-worker")});
    QString workerProgram() const { return m_program; }
    /// Wall-clock limit for one attempt, in ms (default 10 s).
    void setTimeLimit(int ms) { m_timeLimitMs = ms; }
    int timeLimit() const { return m_timeLimitMs; }

    bool isRunning() const { return m_running; }
    /// Starts laying out @p input; a run in progress is cancelled first.
    void start(const LayoutInput &input);
    /// Stops the run; finished() is not emitted for it.
    void cancel();

Q_SIGNALS:
    /// What is happening, for the status bar ("dot took longer than 10 s; trying sfdp…").
    void progress(const QString &text);
    /// The run ended (not emitted after cancel()). @p fallback says why another engine was
    /// used, or is empty; @p elapsedMs is the wall-clock time of all attempts.
    void finished(const mls::LayoutResult &result, const QString &fallback, qint64 elapsedMs);
    /// A thread's result arrived after cancel() or a restart and was thrown away.
    void staleResultDropped();

private:
    void launch();
    void launchThread();
    void processDone();
    void timedOut();
    void attemptFailed(const QString &why);
    void finish(const LayoutResult &result);
    void stopProcess();

    QString m_program;
    QStringList m_arguments;
    int m_timeLimitMs = 10000;
    bool m_running = false;
    LayoutInput m_input; ///< the current attempt (its engine changes on a fallback)
    LayoutEngine m_engine = LayoutEngine::Dot; ///< engine of the current attempt
    QString m_fallback;
    QElapsedTimer m_clock;
    QProcess *m_process = nullptr;
    QTimer *m_deadline = nullptr;
    quint64 m_generation = 0; ///< bumped by start/cancel: stale thread results are dropped
    QList<QPointer<QThread>> m_threads;
};

} // namespace mls
