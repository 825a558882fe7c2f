// SPDX-License-Identifier: MIT
#include "ToolIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace mls {

namespace {

// Every icon is drawn on a 24 × 24 grid with a 2-unit stroke, like common icon sets.
void drawArrowHead(QPainter &p, QPointF tip, qreal angleDegrees)
{
    p.save();
    p.translate(tip);
    p.rotate(angleDegrees);
    p.drawPolyline(QPolygonF{{-4, -4}, {0, 0}, {-4, 4}});
    p.restore();
}

void drawUndo(QPainter &p, bool redo)
{
    if (redo) {
        p.translate(24, 0);
        p.scale(-1, 1);
    }
    QPainterPath path;
    path.moveTo(5, 10);
    path.lineTo(15, 10);
    path.cubicTo(22, 10, 22, 20, 15, 20);
    path.lineTo(9, 20);
    p.drawPath(path);
    drawArrowHead(p, {5, 10}, 180);
}

void drawMagnifier(QPainter &p, bool plus)
{
    p.drawEllipse(QPointF(10, 10), 6, 6);
    p.drawLine(QPointF(14.5, 14.5), QPointF(20, 20));
    p.drawLine(QPointF(7, 10), QPointF(13, 10));
    if (plus)
        p.drawLine(QPointF(10, 7), QPointF(10, 13));
}

void drawFit(QPainter &p)
{
    for (int corner = 0; corner < 4; ++corner) {
        p.save();
        p.translate(12, 12);
        p.rotate(90 * corner);
        p.drawPolyline(QPolygonF{{-8, -3}, {-8, -8}, {-3, -8}});
        p.restore();
    }
    p.drawRect(QRectF(9, 9, 6, 6));
}

void drawLayout(QPainter &p)
{
    // Three cards in a tree, joined by arrows.
    p.drawRoundedRect(QRectF(8, 3, 8, 5), 1.5, 1.5);
    p.drawRoundedRect(QRectF(2, 16, 8, 5), 1.5, 1.5);
    p.drawRoundedRect(QRectF(14, 16, 8, 5), 1.5, 1.5);
    p.drawLine(QPointF(12, 8), QPointF(12, 12));
    p.drawLine(QPointF(6, 12), QPointF(18, 12));
    p.drawLine(QPointF(6, 12), QPointF(6, 16));
    p.drawLine(QPointF(18, 12), QPointF(18, 16));
}

void drawCheck(QPainter &p)
{
    p.drawEllipse(QPointF(12, 12), 9, 9);
    p.drawPolyline(QPolygonF{{7.5, 12.5}, {10.5, 15.5}, {16.5, 9}});
}

void drawExport(QPainter &p)
{
    p.drawPolyline(QPolygonF{{9, 8}, {5, 8}, {5, 20}, {19, 20}, {19, 8}, {15, 8}});
    p.drawLine(QPointF(12, 3), QPointF(12, 15));
    drawArrowHead(p, {12, 3}, -90);
}

void drawPanels(QPainter &p)
{
    p.drawRoundedRect(QRectF(3, 5, 18, 14), 2, 2);
    p.drawLine(QPointF(8, 5), QPointF(8, 19));
    p.drawLine(QPointF(16, 5), QPointF(16, 19));
}

void drawMinimap(QPainter &p)
{
    p.drawRoundedRect(QRectF(3, 5, 18, 14), 2, 2);
    p.drawRect(QRectF(12, 11, 6, 5));
}

void drawStickyNote(QPainter &p)
{
    // A square note with its bottom-right corner folded.
    p.drawPolyline(
        QPolygonF{{14, 20}, {4, 20}, {4, 4}, {20, 4}, {20, 14}, {14, 20}, {14, 14}, {20, 14}});
    p.drawLine(QPointF(8, 9), QPointF(16, 9));
}

QPixmap render(ToolIcons::Kind kind, const QColor &colour, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    p.setPen(QPen(colour, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    switch (kind) {
    case ToolIcons::Kind::Undo:
    case ToolIcons::Kind::Redo:
        drawUndo(p, kind == ToolIcons::Kind::Redo);
        break;
    case ToolIcons::Kind::ZoomIn:
    case ToolIcons::Kind::ZoomOut:
        drawMagnifier(p, kind == ToolIcons::Kind::ZoomIn);
        break;
    case ToolIcons::Kind::Fit:
        drawFit(p);
        break;
    case ToolIcons::Kind::AutoLayout:
        drawLayout(p);
        break;
    case ToolIcons::Kind::Check:
        drawCheck(p);
        break;
    case ToolIcons::Kind::Export:
        drawExport(p);
        break;
    case ToolIcons::Kind::Panels:
        drawPanels(p);
        break;
    case ToolIcons::Kind::Minimap:
        drawMinimap(p);
        break;
    case ToolIcons::Kind::StickyNote:
        drawStickyNote(p);
        break;
    }
    return pixmap;
}

} // namespace

QIcon ToolIcons::icon(Kind kind, const QColor &colour)
{
    QIcon icon;
    for (int size : {16, 24, 32}) {
        for (qreal dpr : {1.0, 2.0})
            icon.addPixmap(render(kind, colour, size, dpr), QIcon::Normal);
    }
    QColor disabled = colour;
    disabled.setAlphaF(0.35f);
    for (int size : {16, 24, 32})
        icon.addPixmap(render(kind, disabled, size, 1.0), QIcon::Disabled);
    return icon;
}

} // namespace mls
