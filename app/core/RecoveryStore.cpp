// SPDX-License-Identifier: MIT
#include "RecoveryStore.h"

#include "AtomicFile.h"
#include "DiagramReader.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <limits>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace mls {

namespace {

constexpr qint64 maxSidecarBytes = 64 * 1024;

#ifdef Q_OS_LINUX
/// The file name of argv[0] as /proc shows it; empty for zombies and kernel threads.
QString programName(const QString &cmdlinePath)
{
    QFile f(cmdlinePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray argv0 = f.read(4096);
    const qsizetype nul = argv0.indexOf('\0');
    if (nul >= 0)
        argv0.truncate(nul);
    return QFileInfo(QString::fromLocal8Bit(argv0)).fileName();
}

const QString &ownProgramName()
{
    static const QString name = programName(QStringLiteral("/proc/self/cmdline"));
    return name;
}
#endif

/// Reads a sidecar; false when it is missing, too big, not JSON or has no valid pid.
bool readSidecar(const QString &path, RecoverableSession *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > maxSidecarBytes)
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    const QJsonValue pid = o.value(QLatin1String("pid"));
    const double p = pid.toDouble(-1);
    if (!pid.isDouble() || p <= 0 || p > std::numeric_limits<int>::max() || std::floor(p) != p)
        return false;
    for (const char *key : {"file", "title", "saved_at"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isString())
            return false;
    }
    out->pid = qint64(p);
    out->originalPath = o.value(QLatin1String("file")).toString();
    out->title = o.value(QLatin1String("title")).toString();
    out->savedAt =
        QDateTime::fromString(o.value(QLatin1String("saved_at")).toString(), Qt::ISODateWithMs);
    if (!out->savedAt.isValid()) // keep the entry: the time is only for display
        out->savedAt = QFileInfo(path).lastModified().toUTC();
    return true;
}

} // namespace

RecoveryStore::RecoveryStore(const QString &folder) : m_folder(QDir::cleanPath(folder))
{
    if (!QDir().mkpath(m_folder))
        qCWarning(lcCore, "cannot create the recovery folder %s", qUtf8Printable(m_folder));
    m_worker.reset(QThread::create([this] { runWorker(); }));
    m_worker->setObjectName(QStringLiteral("mls-recovery"));
    m_worker->start(QThread::LowPriority);
}

RecoveryStore::~RecoveryStore()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_worker->wait();
}

QString RecoveryStore::recoveryFilePath(const QString &sessionId) const
{
    return m_folder + QLatin1Char('/') + sessionId + QLatin1String(".mlsketch");
}

QString RecoveryStore::sidecarPath(const QString &sessionId) const
{
    return m_folder + QLatin1Char('/') + sessionId + QLatin1String(".json");
}

bool RecoveryStore::isValidSessionId(const QString &id)
{
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

bool RecoveryStore::isLiveMlsketchProcess(qint64 pid)
{
    if (pid <= 0 || pid > std::numeric_limits<int>::max())
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
#ifdef Q_OS_UNIX
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
        return false;
#endif
#ifdef Q_OS_LINUX
    const QString proc = QStringLiteral("/proc/%1").arg(pid);
    if (!QFileInfo::exists(proc))
        return false;
    const QString name = programName(proc + QLatin1String("/cmdline"));
    if (name.isEmpty())
        return false;
    return name.contains(QLatin1String("mlsketch"), Qt::CaseInsensitive) ||
           name == ownProgramName();
#else
    return true;
#endif
}

QString RecoveryStore::createSession(const QString &originalPath)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QMutexLocker lock(&m_mutex);
    m_sessions[id].originalPath = originalPath;
    return id;
}

void RecoveryStore::setOriginalPath(const QString &sessionId, const QString &path)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end() || it->originalPath == path)
        return;
    it->originalPath = path;
    if (it->hasSnapshot)
        enqueue(sessionId, Job{});
}

void RecoveryStore::setTitle(const QString &sessionId, const QString &title)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end() || it->title == title)
        return;
    it->title = title;
    if (it->hasSnapshot)
        enqueue(sessionId, Job{});
}

void RecoveryStore::saveAsync(const QString &sessionId, QByteArray bytes)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        qCWarning(lcCore, "recovery snapshot for an unknown session %s", qUtf8Printable(sessionId));
        return;
    }
    it->snapshotAt = QDateTime::currentDateTimeUtc();
    it->hasSnapshot = true;
    enqueue(sessionId, Job{std::move(bytes), true});
}

void RecoveryStore::enqueue(const QString &sessionId, Job job)
{
    const auto it = m_pending.find(sessionId);
    if (it == m_pending.end()) {
        m_pending.insert(sessionId, std::move(job));
        m_queue.append(sessionId);
    } else if (job.hasBytes) {
        *it = std::move(job); // coalesce: the older snapshot is never written
    } // else the waiting job rewrites the sidecar anyway, with the metadata of its write time
    m_wake.wakeOne();
}

void RecoveryStore::waitForIdle()
{
    QMutexLocker lock(&m_mutex);
    while (m_busy || (!m_paused && !m_queue.isEmpty()))
        m_idle.wait(&m_mutex);
}

void RecoveryStore::setPaused(bool paused)
{
    QMutexLocker lock(&m_mutex);
    m_paused = paused;
    m_wake.wakeAll();
    m_idle.wakeAll();
}

int RecoveryStore::snapshotsWritten() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshotsWritten;
}

QString RecoveryStore::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

void RecoveryStore::discard(const QString &sessionId)
{
    if (!isValidSessionId(sessionId))
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_sessions.remove(sessionId);
        m_pending.remove(sessionId);
        m_queue.removeAll(sessionId);
        m_idle.wakeAll();
    }
    // The worker checks the session still exists while holding m_ioMutex, so once we hold it
    // no write of this session is in progress and none will start.
    QMutexLocker io(&m_ioMutex);
    removeFiles(sessionId);
}

void RecoveryStore::removeFiles(const QString &sessionId) const
{
    // Bytes first, sidecar last (see the class comment); then QSaveFile leftovers of a crash.
    QFile::remove(recoveryFilePath(sessionId));
    QFile::remove(sidecarPath(sessionId));
    QDir dir(m_folder);
    for (const QString &name : dir.entryList({sessionId + QLatin1String(".*")}, QDir::Files))
        dir.remove(name);
}

QVector<RecoverableSession> RecoveryStore::findOrphans() const
{
    QVector<RecoverableSession> orphans;
    const QDir dir(m_folder);
    for (const QFileInfo &fi : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString id = fi.completeBaseName();
        if (!isValidSessionId(id))
            continue; // not a file of ours: leave it alone
        {
            QMutexLocker lock(&m_mutex);
            if (m_sessions.contains(id))
                continue;
        }
        RecoverableSession s;
        if (!readSidecar(fi.filePath(), &s)) {
            qCWarning(lcCore, "removing a corrupt recovery entry %s",
                      qUtf8Printable(fi.filePath()));
            removeFiles(id);
            continue;
        }
        if (isLiveMlsketchProcess(s.pid))
            continue;
        s.id = id;
        s.recoveryFile = recoveryFilePath(id);
        if (!QFileInfo(s.recoveryFile).isFile()) { // crashed before its first snapshot
            removeFiles(id);
            continue;
        }
        orphans.append(s);
    }
    std::sort(orphans.begin(), orphans.end(),
              [](const RecoverableSession &a, const RecoverableSession &b) {
                  return a.savedAt > b.savedAt;
              });
    return orphans;
}

std::unique_ptr<Diagram> RecoveryStore::restore(const QString &sessionId, QString *error) const
{
    if (!isValidSessionId(sessionId)) {
        if (error)
            *error = QStringLiteral("%1: not a recovery session").arg(sessionId);
        return nullptr;
    }
    ReadResult r = DiagramReader::readFile(recoveryFilePath(sessionId));
    if (!r.ok() && error)
        *error = r.error;
    return std::move(r.diagram);
}

bool RecoveryStore::adopt(const QString &orphanId)
{
    RecoverableSession s;
    if (!isValidSessionId(orphanId) || !readSidecar(sidecarPath(orphanId), &s))
        return false;
    QMutexLocker lock(&m_mutex);
    Session &session = m_sessions[orphanId];
    session.originalPath = s.originalPath;
    session.title = s.title;
    session.snapshotAt = s.savedAt;
    session.hasSnapshot = true;
    enqueue(orphanId, Job{}); // the sidecar now names this process
    return true;
}

void RecoveryStore::runWorker()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (!m_stopping && (m_paused || m_queue.isEmpty()))
            m_wake.wait(&m_mutex);
        if (m_queue.isEmpty())
            break; // stopping, and everything queued is written
        const QString id = m_queue.takeFirst();
        const Job job = m_pending.take(id);
        m_busy = true;
        lock.unlock();
        writeJob(id, job);
        lock.relock();
        m_busy = false;
        m_idle.wakeAll();
    }
}

void RecoveryStore::writeJob(const QString &sessionId, const Job &job)
{
    QString error;
    {
        QMutexLocker io(&m_ioMutex);
        Session meta;
        {
            QMutexLocker lock(&m_mutex);
            const auto it = m_sessions.constFind(sessionId);
            if (it == m_sessions.cend())
                return; // discarded after it was queued
            meta = *it;
        }
        QJsonObject sidecar;
        sidecar.insert(QLatin1String("pid"), double(QCoreApplication::applicationPid()));
        sidecar.insert(QLatin1String("file"), meta.originalPath);
        sidecar.insert(QLatin1String("title"), meta.title);
        sidecar.insert(QLatin1String("saved_at"), meta.snapshotAt.toString(Qt::ISODateWithMs));
        const bool ok =
            writeFile(sidecarPath(sessionId), QJsonDocument(sidecar).toJson(), &error) &&
            (!job.hasBytes || writeFile(recoveryFilePath(sessionId), job.bytes, &error));
        QMutexLocker lock(&m_mutex);
        if (ok) {
            m_snapshotsWritten += job.hasBytes ? 1 : 0;
            return;
        }
        m_lastError = error;
    }
    qCWarning(lcCore, "recovery snapshot failed: %s", qUtf8Printable(error));
    Q_EMIT writeFailed(sessionId, error); // outside the locks: a slot may call discard()
}

bool RecoveryStore::writeFile(const QString &path, const QByteArray &bytes, QString *error) const
{
    QDir().mkpath(m_folder); // someone may have removed it while we run
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    // As in DiagramWriter::save: Qt 6.4's commit() can miss a failed final flush (full disk).
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush() ||
        file.error() != QFileDevice::NoError || !file.commit()) {
        *error =
            QStringLiteral("%1: writing failed: %2").arg(path, AtomicFile::writeError(file, errno));
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace mls
