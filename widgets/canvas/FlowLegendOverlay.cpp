// SPDX-License-Identifier: MIT
#include "FlowLegendOverlay.h"

#include "Diagram.h"
#include "DiagramScene.h"
#include "FlowLegend.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QPainter>

namespace mls {

namespace {
constexpr int cornerGap = 10; // px from the viewport's edges
}

FlowLegendOverlay::FlowLegendOverlay(QAbstractScrollArea *view) : QWidget(view), m_view(view)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_TranslucentBackground);
    setObjectName(QStringLiteral("flowLegend"));
    view->viewport()->installEventFilter(this);
    hide();
}

void FlowLegendOverlay::setScene(DiagramScene *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene->diagram(), nullptr, this, nullptr);
    m_scene = scene;
    if (scene) {
        // Only what changes the set of flows; moves and routes never do.
        Diagram *d = scene->diagram();
        // The flows of every connection are read again: once per event-loop turn in a bulk edit.
        for (auto signal :
             {&Diagram::connectionAdded, &Diagram::connectionRemoved, &Diagram::connectionChanged})
            connect(d, signal, this, [this] { m_connectionsChanged.request(); });
    }
    refresh();
}

void FlowLegendOverlay::setWanted(bool wanted)
{
    m_wanted = wanted;
    refresh();
}

void FlowLegendOverlay::refresh()
{
    m_flows = m_scene ? FlowLegend::usedFlows(*m_scene->diagram()) : QStringList();
    place();
    setVisible(m_wanted && !m_flows.isEmpty());
    update();
}

void FlowLegendOverlay::place()
{
    if (!m_scene)
        return;
    const QSize s = FlowLegend::size(m_flows, m_scene->style()).toSize() + QSize(1, 1);
    const QRect area = m_view->viewport()->geometry(); // in the view's coordinates
    setGeometry(area.left() + cornerGap, area.bottom() + 1 - s.height() - cornerGap, s.width(),
                s.height());
    raise();
}

bool FlowLegendOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() &&
        (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        place();
    return QWidget::eventFilter(watched, event);
}

void FlowLegendOverlay::paintEvent(QPaintEvent *)
{
    if (!m_scene)
        return;
    QPainter painter(this);
    FlowLegend::paint(&painter, QPointF(0, 0), m_flows, m_scene->style());
}

} // namespace mls
