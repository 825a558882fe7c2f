// SPDX-License-Identifier: MIT
#pragma once

#include "export/ExportOptions.h"

#include <QObject>

class QAction;
class QMenu;
class QMimeData;
class QWidget;

namespace mls {

class DiagramScene;
class Document;

/// Export from the window: File → Export… (Ctrl+E) and Print… (Ctrl+P), Edit → Copy as Image
/// and Copy as SVG. Each works on the selection when there is one, else on the whole diagram
/// (the Export dialog asks).
class ExportActions : public QObject
{
    Q_OBJECT
public:
    /// Exports @p document; dialogs open over @p window.
    ExportActions(Document *document, QWidget *window);

    /// Follows the scene of the document's current diagram (its selection and routing).
    void setScene(DiagramScene *scene) { m_scene = scene; }

    /// Adds Export… and Print… to the File menu.
    void populateFileMenu(QMenu *file);
    /// Adds Copy as Image and Copy as SVG to the Edit menu, after Copy.
    void populateEditMenu(QMenu *edit);

    /// The remembered export options with the window's routing and, when @p selectionOnly and
    /// something is selected, the selection.
    ExportOptions currentOptions(bool selectionOnly) const;
    /// What Copy as Image / Copy as SVG put on the clipboard (image/png or image/svg+xml).
    QMimeData *imageMimeData();
    QMimeData *svgMimeData() const;

public Q_SLOTS:
    /// Opens the Export dialog and writes the file; failures are reported and the dialog
    /// reopens with the same choices.
    void exportDiagram();
    void print();
    void copyAsImage();
    void copyAsSvg();

Q_SIGNALS:
    /// Something to tell the user for @p timeoutMs (exported, copied, not copied).
    void statusMessage(const QString &text, int timeoutMs);

private:
    QStringList selectedIds() const;
    QString suggestedPath() const;

    Document *m_document;
    QWidget *m_window;
    DiagramScene *m_scene = nullptr;
};

} // namespace mls
