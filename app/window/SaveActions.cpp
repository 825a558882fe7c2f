// SPDX-License-Identifier: MIT
#include "SaveActions.h"

#include "Diagram.h"
#include "Document.h"
#include "RecentFiles.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace mls {

SaveActions::SaveActions(Document *document, QWidget *window)
    : QObject(window), m_document(document), m_window(window)
{}

bool SaveActions::saveTo(const QString &path, QString *error)
{
    if (!m_document->save(path, error)) // on success the autosave snapshot is discarded
        return false;
    RecentFiles::remember(QFileInfo(path).absoluteFilePath());
    Q_EMIT statusMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

void SaveActions::reportFailure(const QString &error)
{
    QMessageBox::critical(
        m_window, tr("Save failed"),
        tr("The diagram was not saved; your changes are still open.\n\n%1").arg(error));
}

bool SaveActions::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!saveTo(m_document->filePath(), &error)) {
        reportFailure(error);
        return false;
    }
    return true;
}

bool SaveActions::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty()) {
        const QString title = m_document->diagram()->meta().title;
        suggestion = (title.isEmpty() ? tr("Untitled") : title) + QStringLiteral(".mlsketch");
    }
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Diagram"), suggestion,
                                                tr("mlsketch diagrams (*.mlsketch)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".mlsketch")))
        path += QLatin1String(".mlsketch");
    QString error;
    if (!saveTo(path, &error)) {
        reportFailure(error);
        return false;
    }
    return true;
}

bool SaveActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved changes"), tr("Save the changes to %1 before closing?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool SaveActions::confirmRevert()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || !m_document->isModified())
        return false;
    return QMessageBox::question(m_window, tr("Revert"),
                                 tr("Discard all changes and reload %1 from disk?")
                                     .arg(QFileInfo(path).fileName())) == QMessageBox::Yes;
}

} // namespace mls
