#include "DiagramView.h"

#include "DiagramScene.h"

#include <QWheelEvent>
#include <QtMath>

namespace mls {

DiagramView::DiagramView(QWidget *parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::RubberBandDrag);
    setFrameShape(QFrame::NoFrame);
}

void DiagramView::setZoom(qreal zoom)
{
    zoom = qBound(minZoom, zoom, maxZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    const qreal factor = zoom / this->zoom();
    scale(factor, factor);
    Q_EMIT zoomChanged(this->zoom());
}

void DiagramView::zoomIn()
{
    setZoom(zoom() * 1.25);
}

void DiagramView::zoomOut()
{
    setZoom(zoom() / 1.25);
}

void DiagramView::actualSize()
{
    setZoom(1.0);
}

void DiagramView::fitToContent()
{
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    if (!diagramScene)
        return;
    const QRectF content = diagramScene->contentRect();
    setSceneRect(content.adjusted(-2000, -2000, 2000, 2000));
    const QRectF viewRect = viewport()->rect().adjusted(8, 8, -8, -8);
    const qreal fit =
        qMin(viewRect.width() / content.width(), viewRect.height() / content.height());
    resetTransform();
    const qreal zoom = qBound(minZoom, qMin(fit, 1.0), maxZoom);
    scale(zoom, zoom);
    centerOn(content.center());
    Q_EMIT zoomChanged(this->zoom());
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace mls
