// SPDX-License-Identifier: MIT
#include "EditActions.h"

#include "Diagram.h"
#include "Document.h"
#include "Fragment.h"
#include "MimeTypes.h"
#include "TextActions.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/SceneNotes.h"
#include "commands/AddItemsCommand.h"
#include "commands/CommandIds.h"
#include "commands/RemoveItemsCommand.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QToolBar>
#include <QUndoStack>

namespace mls {

namespace {
constexpr qreal pasteStep = 30; ///< each paste of the same content moves this much further
}

EditActions::EditActions(Document *document, DiagramView *view, TextActions *text,
                         QMainWindow *window)
    : QObject(window), m_document(document), m_view(view), m_text(text), m_window(window)
{}

void EditActions::populate(QMenu *menu)
{
    QUndoStack *stack = m_document->undoStack();
    m_undo = stack->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setProperty("shortcutName", tr("Undo")); // the text names the command
    m_redo = stack->createRedoAction(this, tr("&Redo"));
    // Ctrl+Y as well as the platform's key (Ctrl+Shift+Z on Linux): people bring both habits.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &k :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(k))
            redoKeys << k;
    }
    m_redo->setShortcuts(redoKeys);
    m_redo->setProperty("shortcutName", tr("Redo"));
    menu->addAction(m_undo);
    menu->addAction(m_redo);
    menu->addSeparator();
    m_cut = menu->addAction(tr("Cu&t"), QKeySequence::Cut, this, &EditActions::cut);
    m_copy = menu->addAction(tr("&Copy"), QKeySequence::Copy, this, &EditActions::copy);
    menu->addAction(tr("&Paste"), QKeySequence::Paste, this, &EditActions::paste)
        ->setObjectName(QStringLiteral("editPaste"));
    m_duplicate = menu->addAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                                  &EditActions::duplicate);
    m_delete = menu->addAction(tr("&Delete"), this, &EditActions::deleteSelection);
    m_delete->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    menu->addSeparator();
    menu->addAction(tr("Select &All"), QKeySequence::SelectAll, this, &EditActions::selectAll)
        ->setObjectName(QStringLiteral("editSelectAll"));
    m_rename = menu->addAction(tr("&Rename"), QKeySequence(Qt::Key_F2), this, &EditActions::rename);
    menu->addAction(tr("&Find…"), QKeySequence::Find, this, &EditActions::showFind);

    // Named so the context menu can reuse them.
    m_cut->setObjectName(QStringLiteral("editCut"));
    m_copy->setObjectName(QStringLiteral("editCopy"));
    m_duplicate->setObjectName(QStringLiteral("editDuplicate"));
    m_delete->setObjectName(QStringLiteral("editDelete"));
    m_rename->setObjectName(QStringLiteral("editRename"));

    m_findBar = new QToolBar(tr("Find"), m_window);
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findField = new QLineEdit(m_findBar);
    m_findField->setPlaceholderText(tr("Find a component by label — Enter for the next"));
    m_findField->setClearButtonEnabled(true);
    m_findField->setMaximumWidth(360);
    m_findBar->addWidget(m_findField);
    m_findBar->addAction(tr("Close"), m_findBar, &QWidget::hide);
    m_window->addToolBar(Qt::TopToolBarArea, m_findBar);
    m_findBar->hide();
    connect(m_findField, &QLineEdit::returnPressed, this,
            [this] { findNext(m_findField->text()); });
    updateEnabled();
}

void EditActions::updateEnabled()
{
    DiagramScene *scene = m_scene;
    if (!scene || !m_copy)
        return;
    const bool copyable = !copyableIds().isEmpty();
    const bool anything = scene->hasSelection();
    m_cut->setEnabled(copyable);
    m_copy->setEnabled(copyable);
    m_duplicate->setEnabled(copyable);
    m_delete->setEnabled(anything);
    m_rename->setEnabled(scene->selectedComponentIds().size() + scene->selectedGroupIds().size() +
                             scene->selectedNoteIds().size() ==
                         1);
}

void EditActions::cancelGestures()
{
    m_pasteCount = 0;
    m_lastPasted.clear();
}

QStringList EditActions::copyableIds() const
{
    return m_scene ? m_scene->selectedComponentIds() + m_scene->selectedNoteIds() : QStringList();
}

void EditActions::copy()
{
    const QStringList ids = copyableIds();
    if (ids.isEmpty())
        return;
    const QByteArray bytes = Fragment::extract(*m_document->diagram(), ids).toBytes();
    auto *mime = new QMimeData;
    mime->setData(fragmentMimeType(), bytes);
    mime->setText(QString::fromUtf8(bytes)); // readable and pasteable as plain text
    QApplication::clipboard()->setMimeData(mime);
    const int notes = int(m_scene->selectedNoteIds().size());
    const int cards = int(ids.size()) - notes;
    QStringList what;
    if (cards > 0 || notes == 0)
        what << countText(cards, tr("component"), tr("components"));
    if (notes > 0)
        what << countText(notes, tr("note"), tr("notes"));
    Q_EMIT statusMessage(tr("Copied %1").arg(what.join(tr(" and "))), 3000);
}

void EditActions::cut()
{
    if (copyableIds().isEmpty())
        return;
    copy();
    m_document->undoStack()->beginMacro(tr("Cut"));
    deleteSelection();
    m_document->undoStack()->endMacro();
}

bool EditActions::pasteBytes(const QByteArray &bytes, const QPointF &offset)
{
    QString error;
    AddItemsCommand *cmd = AddItemsCommand::paste(m_document->diagram(), bytes, offset, &error);
    if (!cmd) {
        Q_EMIT statusMessage(tr("Nothing to paste: %1").arg(error), 6000);
        return false;
    }
    const QStringList ids = cmd->itemIds();
    m_document->undoStack()->push(cmd);
    m_scene->selectIds(ids);
    return true;
}

bool EditActions::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    const QByteArray bytes = mime->hasFormat(fragmentMimeType()) ? mime->data(fragmentMimeType())
                                                                 : mime->text().toUtf8();
    // Mermaid or DOT text from a README or a .dot file: imported as a new design.
    if (!mime->hasFormat(fragmentMimeType()) && m_text && m_text->importText(mime->text()))
        return true;
    if (!mime->hasFormat(fragmentMimeType()) && !bytes.trimmed().startsWith('{')) {
        Q_EMIT statusMessage(
            tr("Nothing to paste: the clipboard holds text, not mlsketch components"), 6000);
        return false;
    }
    if (bytes != m_lastPasted) {
        m_lastPasted = bytes;
        m_pasteCount = 0;
    }
    ++m_pasteCount;
    return pasteBytes(bytes, QPointF(pasteStep, pasteStep) * m_pasteCount);
}

void EditActions::duplicate()
{
    const QStringList ids = copyableIds();
    if (ids.isEmpty())
        return;
    pasteBytes(Fragment::extract(*m_document->diagram(), ids).toBytes(),
               QPointF(pasteStep, pasteStep));
}

void EditActions::deleteSelection()
{
    DiagramScene *scene = m_scene;
    auto *cmd = new RemoveItemsCommand(m_document->diagram(), scene->selectedComponentIds(),
                                       scene->selectedConnectionIds(), scene->selectedGroupIds(),
                                       scene->selectedNoteIds());
    m_document->undoStack()->push(cmd);
}

void EditActions::selectAll()
{
    m_scene->selectEverything();
}

void EditActions::rename()
{
    DiagramScene *scene = m_scene;
    const QStringList ids = scene->selectedComponentIds() + scene->selectedGroupIds();
    const QStringList notes = scene->selectedNoteIds();
    if (ids.size() == 1 && notes.isEmpty())
        m_view->editLabel(ids.first());
    else if (ids.isEmpty() && notes.size() == 1)
        scene->notes()->edit(notes.first()); // F2 on a note edits its text in place
}

void EditActions::showFind()
{
    QStringList labels;
    for (const Component &c : m_document->diagram()->components())
        labels << c.label;
    auto *completer = new QCompleter(labels, m_findField);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    delete m_findField->completer();
    m_findField->setCompleter(completer);
    m_findBar->show();
    m_findField->setFocus();
    m_findField->selectAll();
}

bool EditActions::findNext(const QString &text)
{
    const Diagram *d = m_document->diagram();
    if (text.isEmpty() || d->components().empty())
        return false;
    // Start after the last match so Enter walks through every match in file order.
    const int n = int(d->components().size());
    const int start = m_lastFound.isEmpty() ? 0 : d->componentIndex(m_lastFound) + 1;
    for (int k = 0; k < n; ++k) {
        const Component &c = d->components()[size_t((start + k) % n)];
        if (c.label.contains(text, Qt::CaseInsensitive)) {
            m_lastFound = c.id;
            m_scene->revealComponent(c.id);
            Q_EMIT statusMessage(tr("Found “%1”").arg(c.label), 3000);
            return true;
        }
    }
    Q_EMIT statusMessage(tr("No component matches “%1”").arg(text), 4000);
    return false;
}

} // namespace mls
