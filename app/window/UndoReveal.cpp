// SPDX-License-Identifier: MIT
#include "UndoReveal.h"

#include "EditActions.h"
#include "MainWindow.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"

#include <QAction>
#include <QStatusBar>
#include <QUndoStack>

namespace mls {

UndoReveal::UndoReveal(MainWindow *window) : QObject(window), m_window(window)
{
    // Connected after the undo stack's own slot: runs once the step is done.
    connect(window->editActions()->undoAction(), &QAction::triggered, this,
            [this] { afterStep(true); });
    connect(window->editActions()->redoAction(), &QAction::triggered, this,
            [this] { afterStep(false); });
}

bool UndoReveal::isLayout(const QUndoCommand *command)
{
    // DiagramLayout::command() names its command so; the text is also what Edit → Undo shows.
    return command && command->text() == QLatin1String("Auto layout");
}

void UndoReveal::afterStep(bool undo)
{
    const QUndoStack *stack = m_window->undoStack();
    const QUndoCommand *step = stack->command(undo ? stack->index() : stack->index() - 1);
    DiagramView *view = m_window->view();
    const DiagramScene *scene = m_window->scene();
    if (!scene || scene->items().isEmpty())
        return;
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const QRectF content = scene->contentRect();
    if (isLayout(step)) {
        m_window->statusBar()->clearMessage(); // "Laid out …" no longer describes the board
        if (!visible.contains(content))
            view->fitToContent();
    } else if (!visible.intersects(content)) {
        view->fitToContent();
    }
}

} // namespace mls
