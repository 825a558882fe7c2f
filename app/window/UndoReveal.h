// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QUndoCommand;

namespace mls {

class DiagramView;
class Document;

/// Keeps the board in sight across undo and redo: after undoing or redoing an auto layout the
/// view fits the diagram again (the cards moved far) and the "Laid out…" message goes; after
/// any other undo or redo that leaves no card in view, the view fits too.
class UndoReveal : public QObject
{
    Q_OBJECT
public:
    /// Watches @p undo and @p redo (the Edit menu's actions, whose steps are @p document's)
    /// and keeps the board of @p view in sight.
    UndoReveal(Document *document, DiagramView *view, QAction *undo, QAction *redo,
               QObject *parent);

    /// Whether @p command is an auto layout (the command DiagramLayout makes).
    static bool isLayout(const QUndoCommand *command);

Q_SIGNALS:
    /// Something to tell the user (an empty @p text clears the status message).
    void statusMessage(const QString &text, int timeoutMs);

private:
    void afterStep(bool undo);

    Document *m_document;
    DiagramView *m_view;
};

} // namespace mls
