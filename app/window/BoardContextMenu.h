// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QMenu;
class QPoint;
class QWidget;

namespace mls {

class ArrangeActions;
class DesignReview;
class DiagramView;
class Document;

/// The board's right-click menu: the window's named actions that fit what was clicked (empty
/// canvas, a zone, a note, a connection or a card), plus the rule waivers for it.
class BoardContextMenu
{
public:
    BoardContextMenu(Document *document, DiagramView *view, ArrangeActions *arrange,
                     DesignReview *review, QWidget *window);

    /// Shows the menu for @p itemId (empty: the canvas) at @p globalPos and runs the choice.
    void exec(const QPoint &globalPos, const QString &itemId) const;

private:
    void fill(QMenu *menu, const QString &itemId) const;

    Document *m_document;
    DiagramView *m_view;
    ArrangeActions *m_arrange;
    DesignReview *m_review;
    QWidget *m_window;
};

} // namespace mls
