// SPDX-License-Identifier: MIT
#include "WindowState.h"

#include "canvas/BoardHint.h"
#include "canvas/DiagramView.h"
#include "canvas/Minimap.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>

namespace mls {

WindowState::WindowState(QMainWindow *window, DiagramView *view)
    : QObject(window), m_window(window), m_minimap(new Minimap(view)), m_hint(new BoardHint(view))
{}

QDockWidget *WindowState::dock(const char *name) const
{
    return m_window->findChild<QDockWidget *>(QString::fromLatin1(name));
}

void WindowState::applyDefaultLayout()
{
    // The side docks run the full height; the Problems strip sits under the board alone.
    m_window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    m_window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    QDockWidget *inspector = dock("inspectorDock");
    // The Text dock joins the Problems and Latency tabs under the board: the Inspector (and
    // the Practice dock, a tab beside it when shown) keeps the whole right-hand height.
    QDockWidget *text = dock("textDock");
    QDockWidget *latency = dock("latencyDock");
    if (text && latency) {
        m_window->addDockWidget(Qt::BottomDockWidgetArea, text);
        m_window->tabifyDockWidget(latency, text);
    }
    if (QDockWidget *problems = dock("problemsDock"))
        problems->raise();
    QList<QDockWidget *> docks;
    QList<int> widths;
    if (QDockWidget *palette = dock("paletteDock")) {
        docks << palette;
        widths << paletteWidth;
    }
    if (inspector) {
        docks << inspector;
        widths << sideWidth;
    }
    m_window->resizeDocks(docks, widths, Qt::Horizontal);
    if (QDockWidget *problems = dock("problemsDock"))
        m_window->resizeDocks({problems}, {bottomHeight}, Qt::Vertical);
}

void WindowState::populateViewMenu(QMenu *viewMenu)
{
    m_togglePanels =
        viewMenu->addAction(tr("&Hide All Panels"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                            this, &WindowState::togglePanels);
    m_togglePanels->setObjectName(QStringLiteral("viewTogglePanels"));
    m_togglePanels->setToolTip(tr("Hide every panel to give the board the whole window; the "
                                  "same key brings them back"));
    viewMenu->addAction(m_minimap->toggleAction());
}

void WindowState::togglePanels()
{
    // Panels hidden by this action come back; otherwise hide what is shown.
    QList<QPointer<QDockWidget>> hidden;
    for (const QPointer<QDockWidget> &d : std::as_const(m_hidden)) {
        if (d)
            hidden << d;
    }
    m_hidden.clear();
    if (!hidden.isEmpty()) {
        for (const QPointer<QDockWidget> &d : std::as_const(hidden))
            d->show();
        if (m_togglePanels)
            m_togglePanels->setText(tr("&Hide All Panels"));
        return;
    }
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        // A tab behind another is not visible but still open: its toggle action says so.
        if (d->toggleViewAction()->isChecked() && !d->isFloating()) {
            m_hidden << d;
            d->hide();
        }
    }
    if (m_togglePanels && !m_hidden.isEmpty())
        m_togglePanels->setText(tr("Show &Panels Again"));
}

void WindowState::restore()
{
    QSettings settings;
    m_window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_window->restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void WindowState::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), m_window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), m_window->saveState());
}

} // namespace mls
