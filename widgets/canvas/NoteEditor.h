// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QGraphicsTextItem>

namespace mls {

class NoteItem;

/// Edits a note's text in place, on the note, at the board's zoom. Enter starts a new line;
/// Ctrl+Enter or a click outside commits; Escape cancels. The editor only reports: the owner
/// (SceneNotes) turns a commit into an undo command.
class NoteEditor : public QGraphicsTextItem
{
    Q_OBJECT
public:
    /// Opens on @p note (as its child) with the note's text selected, written in @p ink.
    NoteEditor(NoteItem *note, const QColor &ink);

    const QString &noteId() const { return m_noteId; }
    /// The text and cursor without QGraphicsTextItem's dashed focus frame: the note's own
    /// outline already says what is edited.
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    /// Ctrl+Enter or focus lost: @p text is the edited text.
    void committed(const QString &text);
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString m_noteId;
    bool m_done = false; ///< reported once: a commit also loses focus
};

} // namespace mls
