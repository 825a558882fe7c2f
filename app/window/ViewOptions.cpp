// SPDX-License-Identifier: MIT
#include "ViewOptions.h"

#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/FlowLegendOverlay.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>

namespace mls {

ViewOptions::ViewOptions(DiagramView *view, QObject *parent) : QObject(parent), m_view(view) {}

void ViewOptions::populate(QMenu *menu)
{
    menu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_view, &DiagramView::zoomIn);
    menu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_view, &DiagramView::zoomOut);
    menu->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), m_view,
                    &DiagramView::actualSize);
    menu->addAction(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), m_view,
                    &DiagramView::fitToContent);
    menu->addSeparator();
    m_grid = menu->addAction(tr("Show &Grid"));
    m_grid->setCheckable(true);
    m_snap = menu->addAction(tr("&Snap to Grid"));
    m_snap->setCheckable(true);
    m_legend = menu->addAction(tr("Show Flow &Legend"));
    m_legend->setObjectName(QStringLiteral("viewFlowLegend"));
    m_legend->setCheckable(true);
    m_legend->setToolTip(tr("A key to the arrows' colours and dashes in the board's corner"));
    QMenu *routing = menu->addMenu(tr("&Connections"));
    auto *group = new QActionGroup(this);
    for (const QString &name : {tr("&Straight"), tr("&Orthogonal"), tr("&Curved")}) {
        QAction *a = routing->addAction(name);
        a->setCheckable(true);
        group->addAction(a);
        m_routing << a;
    }
    m_incompatible = menu->addAction(tr("Allow &Incompatible Connections"));
    m_incompatible->setCheckable(true);
    m_incompatible->setToolTip(
        tr("Draw connections no flow fits anyway, for the design rules to flag"));
    for (QAction *a : {m_grid, m_snap, m_legend, m_incompatible})
        connect(a, &QAction::toggled, this, &ViewOptions::apply);
    for (QAction *a : std::as_const(m_routing))
        connect(a, &QAction::toggled, this, &ViewOptions::apply);
}

void ViewOptions::setScene(DiagramScene *scene)
{
    m_scene = scene;
    apply();
}

void ViewOptions::apply()
{
    if (!m_scene || !m_grid)
        return;
    m_scene->setGridVisible(m_grid->isChecked());
    m_scene->setSnapToGrid(m_snap->isChecked());
    m_scene->setAllowIncompatible(m_incompatible->isChecked());
    m_view->flowLegend()->setScene(m_scene);
    m_view->flowLegend()->setWanted(m_legend->isChecked());
    for (int i = 0; i < m_routing.size(); ++i) {
        if (m_routing[i]->isChecked())
            m_scene->setRouting(ConnectionItem::Routing(i));
    }
}

void ViewOptions::readSettings()
{
    QSettings settings;
    m_grid->setChecked(settings.value(QStringLiteral("view/grid"), true).toBool());
    m_snap->setChecked(settings.value(QStringLiteral("view/snap"), true).toBool());
    m_legend->setChecked(settings.value(QStringLiteral("view/flowLegend"), true).toBool());
    m_incompatible->setChecked(
        settings.value(QStringLiteral("view/allowIncompatible"), false).toBool());
    const int routing = settings.value(QStringLiteral("view/routing"), 0).toInt();
    m_routing.value(routing, m_routing[1])->setChecked(true);
    apply();
}

void ViewOptions::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("view/grid"), m_grid->isChecked());
    settings.setValue(QStringLiteral("view/snap"), m_snap->isChecked());
    settings.setValue(QStringLiteral("view/flowLegend"), m_legend->isChecked());
    settings.setValue(QStringLiteral("view/allowIncompatible"), m_incompatible->isChecked());
    for (int i = 0; i < m_routing.size(); ++i) {
        if (m_routing[i]->isChecked())
            settings.setValue(QStringLiteral("view/routing"), i);
    }
}

} // namespace mls
