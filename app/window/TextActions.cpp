// SPDX-License-Identifier: MIT
#include "TextActions.h"

#include "Diagram.h"
#include "Document.h"
#include "import/DiagramImport.h"
#include "text/TextPanel.h"

#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace mls {

TextActions::TextActions(Document *document, QMainWindow *window)
    : QObject(window), m_document(document), m_window(window), m_panel(new TextPanel(window)),
      m_dock(new QDockWidget(tr("Text"), window))
{
    m_dock->setObjectName(QStringLiteral("textDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    // The panel writes a large design's text only when its tab is on screen.
    connect(m_dock, &QDockWidget::visibilityChanged, m_panel, [this](bool visible) {
        if (visible)
            m_panel->catchUp();
    });
    connect(document, &Document::aboutToReplace, this, &TextActions::detach);
    connect(document, &Document::replaced, this,
            [this] { m_panel->setDocument(m_document->diagram(), m_document->undoStack()); });
    m_panel->setDocument(document->diagram(), document->undoStack());
}

void TextActions::populateFileMenu(QMenu *menu)
{
    menu->addAction(tr("&Import Mermaid or DOT…"), QKeySequence(tr("Ctrl+Shift+I")), this,
                    &TextActions::chooseAndImport);
}

void TextActions::detach()
{
    m_panel->setDocument(nullptr, nullptr);
}

bool TextActions::isImportable(const QString &path)
{
    return DiagramImport::formatOf(path).has_value();
}

void TextActions::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Diagram"), QString(),
                                                      DiagramImport::fileFilter() +
                                                          QStringLiteral(";;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool TextActions::importFile(const QString &path)
{
    ImportResult r = DiagramImport::importFile(path);
    if (r.ok() && r.mermaidBlocks > 1) {
        QStringList items;
        for (int i = 1; i <= r.mermaidBlocks; ++i)
            items << tr("Mermaid block %1").arg(i);
        bool ok = false;
        const QString item =
            QInputDialog::getItem(m_window, tr("Import Diagram"),
                                  tr("%1 holds %2 Mermaid diagrams. Import which one?")
                                      .arg(QFileInfo(path).fileName())
                                      .arg(r.mermaidBlocks),
                                  items, 0, false, &ok);
        if (!ok)
            return false;
        const int block = int(items.indexOf(item));
        if (block > 0)
            r = DiagramImport::importFile(path, block);
    }
    if (!r.ok()) {
        QMessageBox::warning(m_window, tr("Cannot import"), r.error);
        return false;
    }
    m_lastWarnings = r.warnings;
    show(r.diagram, QFileInfo(path).fileName());
    return true;
}

bool TextActions::importText(const QString &text)
{
    const auto format = DiagramImport::sniff(text);
    if (!format)
        return false;
    ImportResult r = DiagramImport::importBytes(text.toUtf8(), format, tr("the clipboard"));
    if (!r.ok()) {
        QMessageBox::warning(m_window, tr("Cannot import"), r.error);
        return true; // it was a diagram, only a broken one: said so
    }
    m_lastWarnings = r.warnings;
    show(r.diagram, tr("the pasted diagram"));
    return true;
}

void TextActions::show(std::unique_ptr<Diagram> &design, const QString &what)
{
    QMainWindow *target = nullptr;
    Q_EMIT openRequested(design, target);
    if (!target)
        return;
    target->statusBar()->showMessage(
        m_lastWarnings.isEmpty() ? tr("Imported %1").arg(what)
                                 : tr("Imported %1 with %2 warning(s); see the import report")
                                       .arg(what)
                                       .arg(m_lastWarnings.size()),
        15000);
    if (m_lastWarnings.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Import report"),
                                tr("Imported %1. Please check these guesses:").arg(what),
                                QMessageBox::Ok, target);
    box->setObjectName(QStringLiteral("importReport"));
    box->setInformativeText(m_lastWarnings.mid(0, 8).join(QLatin1Char('\n')) +
                            (m_lastWarnings.size() > 8 ? tr("\n… (details below)") : QString()));
    box->setDetailedText(m_lastWarnings.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, never blocks the caller
}

} // namespace mls
