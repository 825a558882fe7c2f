// SPDX-License-Identifier: MIT
#include "UndoReveal.h"

#include "Document.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"

#include <QAction>
#include <QUndoStack>

namespace mls {

UndoReveal::UndoReveal(Document *document, DiagramView *view, QAction *undo, QAction *redo,
                       QObject *parent)
    : QObject(parent), m_document(document), m_view(view)
{
    // Connected after the undo stack's own slot: runs once the step is done.
    connect(undo, &QAction::triggered, this, [this] { afterStep(true); });
    connect(redo, &QAction::triggered, this, [this] { afterStep(false); });
}

bool UndoReveal::isLayout(const QUndoCommand *command)
{
    // DiagramLayout::command() names its command so; the text is also what Edit → Undo shows.
    return command && command->text() == QLatin1String("Auto layout");
}

void UndoReveal::afterStep(bool undo)
{
    const QUndoStack *stack = m_document->undoStack();
    const QUndoCommand *step = stack->command(undo ? stack->index() : stack->index() - 1);
    DiagramView *view = m_view;
    const DiagramScene *scene = view->diagramScene();
    if (!scene || scene->items().isEmpty())
        return;
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const QRectF content = scene->contentRect();
    if (isLayout(step)) {
        Q_EMIT statusMessage(QString(), 0); // "Laid out …" no longer describes the board
        if (!visible.contains(content))
            view->fitToContent();
    } else if (!visible.intersects(content)) {
        view->fitToContent();
    }
}

} // namespace mls
