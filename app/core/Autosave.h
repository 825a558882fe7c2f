// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace mls {

class Document;
class RecoveryStore;

/// Crash recovery for one document: while it holds unsaved work, a snapshot is written to the
/// injected RecoveryStore every interval (on the store's worker thread). Saving or a clean
/// close discards the snapshot.
class Autosave : public QObject
{
    Q_OBJECT
public:
    /// Watches @p document and writes into @p store, which must outlive this object.
    Autosave(Document *document, RecoveryStore &store, QObject *parent = nullptr);

    /// How often unsaved work is written (default 30 s).
    void setInterval(int ms);
    /// Writes a snapshot now if there is unsaved work (what the timer does).
    void saveNow();
    /// Removes the snapshot and stops until the next edit (after a save, on a clean close,
    /// before another diagram is shown).
    void discard();
    /// Continues a restored session @p sessionId (crash recovery) and starts the timer.
    void adopt(const QString &sessionId);
    /// The store's session of this document; empty before the first snapshot.
    const QString &sessionId() const { return m_session; }
    bool isScheduled() const;

Q_SIGNALS:
    /// A snapshot was skipped; @p reason says why, for the status bar.
    void failed(const QString &reason);

private:
    Document *m_document;
    RecoveryStore &m_store;
    QTimer *m_timer;
    QString m_session;
};

} // namespace mls
