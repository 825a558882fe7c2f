// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointF>

class QAction;
class QLineEdit;
class QMainWindow;
class QMenu;
class QToolBar;

namespace mls {

class DiagramScene;
class DiagramView;
class Document;
class TextActions;

/// The Edit menu of a window: undo/redo with the command's text, the clipboard (a registered
/// MIME type with a plain-text JSON fallback, so copy and paste work between windows and with
/// a text editor), duplicate, delete, select all, rename (F2; on a note: edit its text) and
/// Find.
class EditActions : public QObject
{
    Q_OBJECT
public:
    /// Edits @p document through @p view; the find bar goes into @p window. Pasted Mermaid or
    /// DOT text goes to @p text (null: not imported).
    EditActions(Document *document, DiagramView *view, TextActions *text, QMainWindow *window);

    /// Follows the scene of the document's current diagram.
    void setScene(DiagramScene *scene) { m_scene = scene; }
    void populate(QMenu *menu);
    void updateEnabled();
    void cancelGestures();

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QLineEdit *findField() const { return m_findField; }

public Q_SLOTS:
    void copy();
    void cut();
    /// Pastes what the clipboard holds, offset so repeated pastes do not stack exactly.
    bool paste();
    void duplicate();
    void deleteSelection();
    void selectAll();
    void rename();
    void showFind();
    /// Selects and reveals the next component whose label contains @p text.
    bool findNext(const QString &text);

Q_SIGNALS:
    /// Something to tell the user for @p timeoutMs (copied, nothing to paste, not found).
    void statusMessage(const QString &text, int timeoutMs);

private:
    /// The selected components and notes: what copy, cut and duplicate take.
    QStringList copyableIds() const;
    bool pasteBytes(const QByteArray &bytes, const QPointF &offset);

    Document *m_document;
    DiagramView *m_view;
    TextActions *m_text;
    QMainWindow *m_window;
    DiagramScene *m_scene = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_cut = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_rename = nullptr;
    QToolBar *m_findBar = nullptr;
    QLineEdit *m_findField = nullptr;
    int m_pasteCount = 0;
    QByteArray m_lastPasted;
    QString m_lastFound;
};

} // namespace mls
