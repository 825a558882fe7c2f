// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QUndoCommand;

namespace mls {

class MainWindow;

/// Keeps the board in sight across undo and redo: after undoing or redoing an auto layout the
/// view fits the diagram again (the cards moved far) and the "Laid out…" message goes; after
/// any other undo or redo that leaves no card in view, the view fits too.
class UndoReveal : public QObject
{
    Q_OBJECT
public:
    explicit UndoReveal(MainWindow *window);

    /// Whether @p command is an auto layout (the command DiagramLayout makes).
    static bool isLayout(const QUndoCommand *command);

private:
    void afterStep(bool undo);

    MainWindow *m_window;
};

} // namespace mls
