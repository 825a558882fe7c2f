// SPDX-License-Identifier: MIT
#include "ExportActions.h"

#include "Diagram.h"
#include "Document.h"
#include "canvas/DiagramScene.h"
#include "dialogs/ExportDialog.h"
#include "export/ExportLocation.h"
#include "export/ExportWriter.h"
#include "export/SceneExporter.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPrintDialog>
#include <QPrinter>
#include <QStandardPaths>

namespace mls {

ExportActions::ExportActions(Document *document, QWidget *window)
    : QObject(window), m_document(document), m_window(window)
{}

void ExportActions::populateFileMenu(QMenu *file)
{
    file->addAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export…"),
                    QKeySequence(Qt::CTRL | Qt::Key_E), this, &ExportActions::exportDiagram)
        ->setObjectName(QStringLiteral("fileExport"));
    file->addAction(QIcon::fromTheme(QStringLiteral("document-print")), tr("&Print…"),
                    QKeySequence::Print, this, &ExportActions::print)
        ->setObjectName(QStringLiteral("filePrint"));
}

void ExportActions::populateEditMenu(QMenu *edit)
{
    auto *image = new QAction(tr("Copy as &Image"), edit);
    image->setObjectName(QStringLiteral("editCopyImage"));
    image->setToolTip(tr("Copy the selection, or the whole diagram, as a PNG picture"));
    connect(image, &QAction::triggered, this, &ExportActions::copyAsImage);
    auto *svg = new QAction(tr("Copy as S&VG"), edit);
    svg->setObjectName(QStringLiteral("editCopySvg"));
    svg->setToolTip(tr("Copy the selection, or the whole diagram, as SVG vectors"));
    connect(svg, &QAction::triggered, this, &ExportActions::copyAsSvg);
    QAction *before = nullptr; // right after Copy, where people look for it
    const QList<QAction *> actions = edit->actions();
    for (qsizetype i = 0; i + 1 < actions.size(); ++i) {
        if (actions[i]->objectName() == QLatin1String("editCopy"))
            before = actions[i + 1];
    }
    edit->insertActions(before, {image, svg});
}

QStringList ExportActions::selectedIds() const
{
    const DiagramScene *scene = m_scene;
    if (!scene)
        return {};
    return scene->selectedComponentIds() + scene->selectedConnectionIds() +
           scene->selectedGroupIds() + scene->selectedNoteIds();
}

ExportOptions ExportActions::currentOptions(bool selectionOnly) const
{
    ExportOptions o = ExportDialog::rememberedOptions();
    if (selectionOnly)
        o.selection = selectedIds();
    if (const DiagramScene *scene = m_scene)
        o.routing = scene->routing();
    return o;
}

QString ExportActions::suggestedPath() const
{
    return ExportLocation::suggest(m_document->filePath(), m_document->diagram()->meta().title);
}

void ExportActions::exportDiagram()
{
    ExportDialog dialog(m_document->diagram(), selectedIds(), suggestedPath(), m_window);
    while (dialog.exec() == QDialog::Accepted) {
        ExportOptions o = dialog.options();
        if (const DiagramScene *scene = m_scene)
            o.routing = scene->routing();
        QString error;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const bool ok =
            ExportWriter::write(*m_document->diagram(), dialog.path(), dialog.format(), o, &error);
        QApplication::restoreOverrideCursor();
        if (ok) {
            Q_EMIT statusMessage(tr("Exported %1").arg(QFileInfo(dialog.path()).fileName()), 6000);
            return;
        }
        QMessageBox::warning(m_window, tr("Export Failed"), error);
    }
}

void ExportActions::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_document->diagram()->meta().title);
    QPrintDialog dialog(&printer, m_window);
    dialog.setOption(QAbstractPrintDialog::PrintSelection, !selectedIds().isEmpty());
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportOptions options = currentOptions(printer.printRange() == QPrinter::Selection);
    options.background = ExportOptions::Background::White; // paper, whatever the last PNG was
    SceneExporter(m_document->diagram(), options).print(&printer);
}

QMimeData *ExportActions::imageMimeData()
{
    const SceneExporter exporter(m_document->diagram(), currentOptions(true));
    QString error;
    const QImage image = exporter.toImage(&error);
    if (image.isNull()) {
        Q_EMIT statusMessage(tr("Not copied: %1").arg(error), 8000);
        return nullptr;
    }
    auto *mime = new QMimeData;
    mime->setImageData(image);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    mime->setData(QStringLiteral("image/png"), png);
    return mime;
}

QMimeData *ExportActions::svgMimeData() const
{
    const SceneExporter exporter(m_document->diagram(), currentOptions(true));
    auto *mime = new QMimeData;
    mime->setData(QStringLiteral("image/svg+xml"), exporter.toSvg());
    return mime;
}

void ExportActions::copyAsImage()
{
    if (QMimeData *mime = imageMimeData()) {
        QApplication::clipboard()->setMimeData(mime);
        Q_EMIT statusMessage(tr("Copied as an image"), 4000);
    }
}

void ExportActions::copyAsSvg()
{
    QApplication::clipboard()->setMimeData(svgMimeData());
    Q_EMIT statusMessage(tr("Copied as SVG"), 4000);
}

} // namespace mls
