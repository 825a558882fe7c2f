#pragma once

#include "export/ExportOptions.h"

#include <QObject>

class QAction;
class QMenu;
class QMimeData;

namespace mls {

class MainWindow;

/// Export from the window: File → Export… (Ctrl+E) and Print… (Ctrl+P), Edit → Copy as Image
/// and Copy as SVG. Each works on the selection when there is one, else on the whole diagram
/// (the Export dialog asks).
class ExportActions : public QObject
{
    Q_OBJECT
public:
    explicit ExportActions(MainWindow *window);

    /// Adds Export… and Print… to the File menu.
    void populateFileMenu(QMenu *file);
    /// Adds Copy as Image and Copy as SVG to the Edit menu, after Copy.
    void populateEditMenu(QMenu *edit);

    /// The remembered export options with the window's routing and, when @p selectionOnly and
    /// something is selected, the selection.
    ExportOptions currentOptions(bool selectionOnly) const;
    /// What Copy as Image / Copy as SVG put on the clipboard (image/png or image/svg+xml).
    QMimeData *imageMimeData() const;
    QMimeData *svgMimeData() const;

public Q_SLOTS:
    /// Opens the Export dialog and writes the file; failures are reported and the dialog
    /// reopens with the same choices.
    void exportDiagram();
    void print();
    void copyAsImage();
    void copyAsSvg();

private:
    QStringList selectedIds() const;
    QString suggestedPath() const;

    MainWindow *m_window;
};

} // namespace mls
