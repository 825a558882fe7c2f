// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWaitCondition>

#include <memory>

class QThread;

namespace mls {

/// A session left behind by a process that is gone: one row of the "recover your work" prompt.
struct RecoverableSession
{
    QString id;           ///< session id (a UUID), also the base name of its files
    QString originalPath; ///< the document's own file, empty for a never-saved document
    QString title;        ///< what the window was called, may be empty
    QDateTime savedAt;    ///< when the snapshot was taken (UTC)
    QString recoveryFile; ///< `<folder>/<id>.mlsketch`, readable with DiagramReader
    qint64 pid = 0;       ///< the process that owned the session
};

/// The crash-recovery store behind "never lose work": snapshots of every open document,
/// written off the UI thread, found again after a crash.
///
/// **Folder layout.** One flat folder (the app uses AppDataLocation + "/recovery"). Each open
/// document is a *session* with a UUID id and two files:
/// - `<id>.mlsketch` — the diagram bytes exactly as DiagramWriter::write made them;
/// - `<id>.json` — the sidecar `{"pid", "file", "title", "saved_at"}`: owning process id,
///   original path (empty if never saved), window title, snapshot time (ISO 8601, UTC).
///
/// Both are written with QSaveFile (temporary file + rename), so a crash mid-write leaves the
/// old or the new file, never a part. The sidecar is written *before* the bytes and removed
/// *after* them, so a crash in between leaves at worst a sidecar without bytes, which
/// findOrphans() cleans up; bytes without a sidecar never arise.
///
/// **Writing.** saveAsync() only queues: one worker thread owned by the store does all disk
/// I/O. Snapshots are coalesced per session: a snapshot queued while an older one of the same
/// session still waits replaces it, so only the newest is written. The sidecar is rewritten with
/// every snapshot (and by setOriginalPath()/setTitle() once the session is on disk). All
/// shared state is under one mutex; a second mutex serialises disk writes against discard(),
/// so a discarded session is never written again. The destructor writes what is still queued,
/// then stops the worker.
///
/// **Which sessions are orphans (the pid rule).** A session is an orphan when its owning
/// process is gone. Never the current process. On Unix, a pid is dead when `kill(pid, 0)`
/// fails with ESRCH. On Linux, a pid that is alive still counts as dead when `/proc/<pid>` is
/// missing or the file name of argv[0] in `/proc/<pid>/cmdline` contains neither "mlsketch"
/// nor this program's own file name (so a reused pid, a zombie or a kernel thread does not
/// hide a crashed session). Elsewhere a live pid is assumed to be its owner. Corrupt sidecars,
/// and sidecars of dead processes with no bytes, are deleted; sidecars of live processes are
/// never touched.
///
/// **Lifecycle.** createSession() per window; saveAsync() on every change; discard() after a
/// successful save and on clean close. At start-up: findOrphans(), then restore() each one the
/// user accepts and adopt() it (the window keeps autosaving to it), or discard() it.
///
/// All public functions are called from one (the UI) thread; writeFailed() is emitted from the
/// worker thread.
class RecoveryStore : public QObject
{
    Q_OBJECT
public:
    /// Uses (and creates) @p folder; starts the worker thread.
    explicit RecoveryStore(const QString &folder);
    /// Writes the snapshots still queued, then stops the worker.
    ~RecoveryStore() override;
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    QString folder() const { return m_folder; }
    /// `<folder>/<id>.mlsketch` and `<folder>/<id>.json`.
    QString recoveryFilePath(const QString &sessionId) const;
    QString sidecarPath(const QString &sessionId) const;

    /// A new session owned by this process; nothing is written before the first snapshot.
    QString createSession(const QString &originalPath = {});
    /// Records a new original path (after "Save As"); rewrites the sidecar if on disk.
    void setOriginalPath(const QString &sessionId, const QString &path);
    /// Records the window title shown in the recovery prompt.
    void setTitle(const QString &sessionId, const QString &title);
    /// Queues a snapshot; returns at once. Unknown sessions are ignored with a warning.
    void saveAsync(const QString &sessionId, QByteArray bytes);
    /// Blocks until every queued snapshot is written (or, while paused, until the write in
    /// progress is done).
    void waitForIdle();
    /// Forgets the session and removes its files (waits for a write of it in progress).
    void discard(const QString &sessionId);

    /// Sessions of processes that are gone, newest first. Cleans up broken entries on disk.
    QVector<RecoverableSession> findOrphans() const;
    /// Reads a session's recovery file; null and @p error set when it is missing or invalid.
    std::unique_ptr<Diagram> restore(const QString &sessionId, QString *error) const;
    /// Makes an orphan a session of this process, so it keeps being autosaved.
    /// False when @p orphanId has no readable sidecar.
    bool adopt(const QString &orphanId);

    /// True for the ids createSession() makes (a lowercase UUID without braces): ids from
    /// outside never reach a path that leaves the folder.
    static bool isValidSessionId(const QString &id);
    /// The pid rule above: is @p pid a running mlsketch process?
    static bool isLiveMlsketchProcess(qint64 pid);

    // ---- for tests and diagnostics -------------------------------------------------------
    /// While paused, snapshots queue (and coalesce) but nothing new is written.
    void setPaused(bool paused);
    /// Snapshots (bytes files) written since construction.
    int snapshotsWritten() const;
    /// The last write error, empty if none.
    QString lastError() const;

Q_SIGNALS:
    /// A snapshot or sidecar could not be written (emitted from the worker thread).
    void writeFailed(const QString &sessionId, const QString &message);

private:
    struct Session
    {
        QString originalPath;
        QString title;
        QDateTime snapshotAt;
        bool hasSnapshot = false; ///< files exist or are queued: metadata changes rewrite them
    };
    struct Job
    {
        QByteArray bytes;
        bool hasBytes = false; ///< false: only the sidecar is rewritten
    };

    void enqueue(const QString &sessionId, Job job); ///< with m_mutex held
    void runWorker();
    void writeJob(const QString &sessionId, const Job &job);
    bool writeFile(const QString &path, const QByteArray &bytes, QString *error) const;
    void removeFiles(const QString &sessionId) const;

    const QString m_folder;
    std::unique_ptr<QThread> m_worker;

    mutable QMutex m_mutex; ///< guards everything below
    QWaitCondition m_wake;  ///< worker: new job, resume or stop
    QWaitCondition m_idle;  ///< waitForIdle: a job finished
    QHash<QString, Session> m_sessions;
    QStringList m_queue; ///< session ids in the order they were first queued
    QHash<QString, Job> m_pending;
    bool m_busy = false;
    bool m_paused = false;
    bool m_stopping = false;
    int m_snapshotsWritten = 0;
    QString m_lastError;

    QMutex m_ioMutex; ///< held while the worker writes; discard() takes it before deleting
};

} // namespace mls
