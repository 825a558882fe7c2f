// SPDX-License-Identifier: MIT
#include "LayoutRunner.h"

#include "layout/LayoutJson.h"

#include <QProcess>
#include <QThread>
#include <QTimer>

namespace mls {

namespace {

QString &defaultWorkerProgram()
{
    static QString program;
    return program;
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3) + QStringLiteral(" s");
}

} // namespace

LayoutRunner::LayoutRunner(QObject *parent)
    : QObject(parent),
      m_program(defaultWorkerProgram()), m_arguments{QStringLiteral("layout-worker")},
      m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &LayoutRunner::timedOut);
}

LayoutRunner::~LayoutRunner()
{
    cancel();
    // An in-process run cannot be stopped; it must not outlive what it posts its result to.
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread)
            thread->wait();
    }
}

void LayoutRunner::setDefaultWorker(const QString &program)
{
    defaultWorkerProgram() = program;
}

QString LayoutRunner::defaultWorker()
{
    return defaultWorkerProgram();
}

void LayoutRunner::setWorker(const QString &program, const QStringList &arguments)
{
    m_program = program;
    m_arguments = arguments;
}

void LayoutRunner::start(const LayoutInput &input)
{
    cancel();
    m_running = true;
    m_input = input;
    m_engine = GraphvizLayout::effectiveEngine(input.options, int(input.nodes.size()));
    m_fallback.clear();
    m_clock.start();
    launch();
}

void LayoutRunner::cancel()
{
    ++m_generation;
    m_deadline->stop();
    stopProcess();
    m_running = false;
}

void LayoutRunner::launch()
{
    if (m_program.isEmpty()) {
        launchThread();
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    m_process->setArguments(m_arguments);
    connect(m_process, &QProcess::finished, this, &LayoutRunner::processDone);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes and exits arrive through finished()
        stopProcess();
        m_deadline->stop();
        launchThread(); // no worker executable here: lay out in this process instead
    });
    QProcess *process = m_process;
    process->start();
    if (m_process != process)
        return; // it failed to start at once, and the handler above took over
    process->write(LayoutJson::write(m_input));
    process->closeWriteChannel();
    m_deadline->start(m_timeLimitMs);
}

void LayoutRunner::launchThread()
{
    const quint64 generation = m_generation;
    const LayoutInput input = m_input;
    QThread *thread = QThread::create([this, generation, input] {
        const LayoutResult result = GraphvizLayout::run(input);
        QMetaObject::invokeMethod(
            this,
            [this, generation, result] {
                if (generation != m_generation) { // cancelled or restarted meanwhile
                    Q_EMIT staleResultDropped();
                    return;
                }
                if (!result.ok)
                    attemptFailed(result.error);
                else
                    finish(result);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    thread->start();
}

void LayoutRunner::processDone()
{
    m_deadline->stop();
    const QByteArray out = m_process->readAllStandardOutput();
    const QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    const bool crashed = m_process->exitStatus() != QProcess::NormalExit;
    const int code = m_process->exitCode();
    stopProcess();
    if (crashed || code != 0) {
        attemptFailed(QStringLiteral("the layout worker %1%2")
                          .arg(crashed ? QStringLiteral("crashed")
                                       : QStringLiteral("failed (exit code %1)").arg(code),
                               err.isEmpty() ? QString() : QStringLiteral(": ") + err.left(300)));
        return;
    }
    QString error;
    const std::optional<LayoutResult> result = LayoutJson::readResult(out, &error);
    if (!result)
        attemptFailed(error);
    else if (!result->ok)
        attemptFailed(result->error);
    else
        finish(*result);
}

void LayoutRunner::timedOut()
{
    stopProcess();
    attemptFailed(QStringLiteral("%1 took longer than %2")
                      .arg(GraphvizLayout::engineName(m_engine), seconds(m_timeLimitMs)));
}

void LayoutRunner::attemptFailed(const QString &why)
{
    if (m_engine == LayoutEngine::Dot) {
        // dot is the slow and the fragile one; sfdp lays out anything, quickly.
        m_fallback = why;
        m_engine = LayoutEngine::Sfdp;
        m_input.options.engine = LayoutEngine::Sfdp;
        Q_EMIT progress(QStringLiteral("%1; trying sfdp…").arg(why));
        launch();
        return;
    }
    LayoutResult failed;
    failed.engineUsed = m_engine;
    failed.error = m_fallback.isEmpty() ? why : m_fallback + QStringLiteral("; then ") + why;
    finish(failed);
}

void LayoutRunner::finish(const LayoutResult &result)
{
    m_deadline->stop();
    m_running = false;
    Q_EMIT finished(result, m_fallback, m_clock.elapsed());
}

void LayoutRunner::stopProcess()
{
    if (!m_process)
        return;
    QProcess *process = std::exchange(m_process, nullptr);
    disconnect(process, nullptr, this, nullptr);
    if (process->state() != QProcess::NotRunning) {
        process->kill(); // SIGKILL: gvLayout cannot be interrupted any other way
        process->waitForFinished(2000);
    }
    process->deleteLater();
}

} // namespace mls
