// SPDX-License-Identifier: MIT
#include "BoardContextMenu.h"

#include "ArrangeActions.h"
#include "DesignReview.h"
#include "Diagram.h"
#include "Document.h"
#include "NoteActions.h"
#include "canvas/DiagramView.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>

namespace mls {

BoardContextMenu::BoardContextMenu(Document *document, DiagramView *view, ArrangeActions *arrange,
                                   DesignReview *review, QWidget *window)
    : m_document(document), m_view(view), m_arrange(arrange), m_review(review), m_window(window)
{}

void BoardContextMenu::exec(const QPoint &globalPos, const QString &itemId) const
{
    QMenu menu(m_window);
    fill(&menu, itemId);
    auto *notes = m_window->findChild<NoteActions *>();
    if (notes && itemId.isEmpty()) {
        menu.addSeparator();
        notes->fillCanvasMenu(&menu,
                              m_view->mapToScene(m_view->viewport()->mapFromGlobal(globalPos)));
    }
    menu.exec(globalPos);
}

void BoardContextMenu::fill(QMenu *menu, const QString &itemId) const
{
    // The actions are the menus' own, found by object name, so shortcuts and enabling match.
    auto add = [&](const char *name) {
        if (auto *a = m_window->findChild<QAction *>(QString::fromLatin1(name)))
            menu->addAction(a);
    };
    const Diagram *diagram = m_document->diagram();
    if (itemId.isEmpty()) {
        add("editPaste");
        add("editSelectAll");
        menu->addAction(QCoreApplication::translate("mls::MainWindow", "Fit"), m_view,
                        &DiagramView::fitToContent);
    } else if (diagram->group(itemId)) {
        add("editRename");
        menu->addMenu(m_arrange->zoneColourMenu(menu));
        add("arrangeUngroup");
        menu->addSeparator();
        add("editDelete");
    } else if (diagram->note(itemId)) {
        if (auto *notes = m_window->findChild<NoteActions *>())
            notes->fillNoteMenu(menu, itemId);
        menu->addSeparator();
        add("editCut");
        add("editCopy");
        add("editDuplicate");
        menu->addSeparator();
        add("editDelete");
    } else if (diagram->connection(itemId)) {
        add("editDelete");
        m_review->addContextActions(menu, itemId);
    } else {
        add("editRename");
        add("editCut");
        add("editCopy");
        add("editDuplicate");
        menu->addSeparator();
        add("arrangeGroup");
        add("arrangeFront");
        add("arrangeBack");
        add("arrangePin");
        menu->addSeparator();
        add("editDelete");
        m_review->addContextActions(menu, itemId);
    }
}

} // namespace mls
