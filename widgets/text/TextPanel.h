// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;
class QUndoStack;

namespace mls {

class Diagram;
class DesignTextEdit;
class TextHighlighter;

/// The Text dock: the design in its text form, both ways. Board edits rewrite the text
/// (canonical order, cursor kept); text edits apply to the board after a short pause as one
/// undo step. While the text has errors, the bad lines are marked and listed and the board
/// keeps its last good state.
class TextPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TextPanel(QWidget *parent = nullptr);
    void setDocument(Diagram *diagram, QUndoStack *stack);
    /// The editor, its text brought up to date first: a hidden panel (a background tab)
    /// writes the design as text only when it is shown or its editor is asked for.
    DesignTextEdit *editor();
    /// Milliseconds between the last keystroke and applying the text.
    void setApplyDelay(int ms);
    /// Parses and applies the text now (what the pause does); true when it parsed.
    bool applyNow();
    /// Rewrites the text from the board now (what a board edit does).
    void refreshNow();
    /// The messages shown under the editor ("line 3: …"), empty when the text is good.
    QStringList messages() const { return m_messages; }

    /// Whether the text waits for the panel to be shown to follow the board.
    bool isStale() const { return m_stale; }
    /// Writes the text if it waits: the panel came on screen (its dock's tab was chosen).
    void catchUp();
    /// Visible and not in a background tab.
    bool isOnScreen() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void textEdited();

    DesignTextEdit *m_editor;
    TextHighlighter *m_highlighter;
    QLabel *m_status;
    QTimer *m_applyTimer;
    QTimer *m_refreshTimer;
    QPointer<Diagram> m_diagram;
    QUndoStack *m_stack = nullptr;
    bool m_applying = false; ///< the board is changing because of the text
    bool m_writing = false;  ///< the text is changing because of the board
    bool m_stale = false;    ///< hidden while the board changed: rewrite when shown
    QStringList m_messages;
};

} // namespace mls
