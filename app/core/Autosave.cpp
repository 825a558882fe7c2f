// SPDX-License-Identifier: MIT
#include "Autosave.h"

#include "DiagramWriter.h"
#include "Document.h"
#include "RecoveryStore.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUndoStack>

namespace mls {

namespace {
constexpr int defaultIntervalMs = 30000;
}

Autosave::Autosave(Document *document, RecoveryStore &store, QObject *parent)
    : QObject(parent), m_document(document), m_store(store), m_timer(new QTimer(this))
{
    m_timer->setInterval(defaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!m_document->undoStack()->isClean() && m_session.isEmpty())
            m_timer->start();
    });
    connect(document, &Document::saved, this, &Autosave::discard);
    // A snapshot that cannot be written (full disk, recovery folder gone) is said: the work is
    // only in the window until it is saved somewhere.
    connect(&store, &RecoveryStore::writeFailed, this,
            [this](const QString &session, const QString &message) {
                if (session == m_session)
                    Q_EMIT failed(
                        QCoreApplication::translate("mls::Autosave", "Autosave failed: %1")
                            .arg(message));
            });
}

void Autosave::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

bool Autosave::isScheduled() const
{
    return m_timer->isActive();
}

void Autosave::saveNow()
{
    if (!m_document->isModified())
        return;
    if (m_session.isEmpty())
        m_session = m_store.createSession(m_document->filePath());
    m_store.setOriginalPath(m_session, m_document->filePath());
    m_store.setTitle(m_session, m_document->displayName());
    // Serialising is quick; the disk write happens on the store's worker thread. A design the
    // reader would refuse is not snapshotted: the last good recovery file stays.
    QString why;
    const QByteArray bytes = DiagramWriter::write(*m_document->diagram(), &why);
    if (bytes.isEmpty()) {
        Q_EMIT failed(
            QCoreApplication::translate("mls::Autosave", "Autosave skipped: %1").arg(why));
        return;
    }
    m_store.saveAsync(m_session, bytes);
    if (!m_timer->isActive())
        m_timer->start();
}

void Autosave::discard()
{
    m_timer->stop();
    if (!m_session.isEmpty())
        m_store.discard(m_session);
    m_session.clear();
}

void Autosave::adopt(const QString &sessionId)
{
    m_session = sessionId;
    m_timer->start();
}

} // namespace mls
