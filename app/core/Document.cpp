// SPDX-License-Identifier: MIT
#include "Document.h"

#include "Diagram.h"
#include "DiagramWriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUndoStack>

namespace mls {

Document::Document(QObject *parent)
    : QObject(parent), m_diagram(std::make_unique<Diagram>()), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, &Document::titleChanged);
    connect(m_diagram.get(), &Diagram::metaChanged, this, &Document::titleChanged);
}

Document::~Document()
{
    // Clearing the stack signals; nobody may hear it while the document dies, and the commands
    // must go before the diagram they point into.
    m_undo->disconnect();
    m_undo->clear();
}

bool Document::isModified() const
{
    return m_unsavedWork || !m_undo->isClean();
}

QString Document::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    const QString title = m_diagram->meta().title;
    return title.isEmpty() ? QCoreApplication::translate("mls::Document", "Untitled") : title;
}

bool Document::holdsNothing() const
{
    return m_filePath.isEmpty() && !isModified() && m_diagram->components().empty() &&
           m_diagram->notes().empty();
}

void Document::replace(std::unique_ptr<Diagram> diagram, const QString &path)
{
    Q_EMIT aboutToReplace();
    m_undo->clear();
    m_diagram = diagram ? std::move(diagram) : std::make_unique<Diagram>();
    connect(m_diagram.get(), &Diagram::metaChanged, this, &Document::titleChanged);
    m_filePath = path;
    m_unsavedWork = false;
    Q_EMIT replaced();
    Q_EMIT titleChanged();
}

void Document::markUnsaved()
{
    m_unsavedWork = true;
    Q_EMIT titleChanged();
}

bool Document::save(const QString &path, QString *error)
{
    if (!DiagramWriter::save(*m_diagram, path, error))
        return false;
    m_filePath = path;
    m_unsavedWork = false;
    m_undo->setClean();
    Q_EMIT titleChanged();
    Q_EMIT saved(path);
    return true;
}

} // namespace mls
