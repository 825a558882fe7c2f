// SPDX-License-Identifier: MIT
#include "ConnectionItem.h"

#include "CardStyle.h"
#include "Catalog.h"
#include "ComponentItem.h"
#include "ConnectionLabelItem.h"
#include "DiagramScene.h"
#include "LabelPlacer.h"
#include "ZoneItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include <algorithm>

namespace mls {

namespace {
constexpr qreal arrowLength = 10;
constexpr qreal arrowHalfWidth = 5;

/// An arrowhead below a pixel is not seen.
bool headShowsAt(qreal lod)
{
    return arrowLength * lod >= 1;
}
} // namespace

ConnectionItem::ConnectionItem(const Connection &c) : m_id(c.id), m_from(c.from), m_to(c.to)
{
    setFlag(ItemIsSelectable);
    setZValue(0.5);
    sync(c);
}

ConnectionItem::~ConnectionItem()
{
    LabelPlacer::cancel(scene(), this);
    if (m_labelItem) {
        m_labelItem->m_owner = nullptr;
        delete m_labelItem;
    }
}

QVariant ConnectionItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSceneChange)
        LabelPlacer::cancel(scene(), this); // the scene it leaves
    if (change == ItemSceneHasChanged && m_labelItem) {
        if (QGraphicsScene *old = m_labelItem->scene())
            old->removeItem(m_labelItem);
        if (scene()) {
            scene()->addItem(m_labelItem);
            changeGeometry();
            placeLabel();
        }
    } else if (change == ItemSelectedHasChanged) {
        // Above the cards while selected: its end handles sit on the cards' borders.
        setZValue(isSelected() ? 2.5 : 0.5);
        if (m_labelItem)
            m_labelItem->update(); // its border follows the arrow's colour
    } else if (change == ItemVisibleHasChanged && m_labelItem) {
        m_labelItem->setVisible(isVisible());
    }
    return QGraphicsItem::itemChange(change, value);
}

void ConnectionItem::sync(const Connection &c)
{
    m_flow = c.flow;
    if (c.label != m_label) {
        changeGeometry();
        m_label = c.label;
        if (m_label.isEmpty()) {
            LabelPlacer::cancel(scene(), this);
            delete m_labelItem; // clears m_labelItem
        } else {
            if (!m_labelItem) {
                m_labelItem = new ConnectionLabelItem(this);
                m_labelItem->setVisible(isVisible());
                if (scene())
                    scene()->addItem(m_labelItem);
            }
            m_labelItem->setText(m_label);
            placeLabel();
        }
    }
    update();
    if (m_labelItem)
        m_labelItem->update();
}

QString ConnectionItem::toolTipText() const
{
    const FlowType *flow = Catalog::builtin().flow(m_flow);
    // The flow first, so hovering an arrow says what it carries without the inspector.
    QString tip = flow ? QStringLiteral("Carries <b>%1</b>").arg(flow->label.toHtmlEscaped())
                       : QStringLiteral("Unknown flow “%1”").arg(m_flow.toHtmlEscaped());
    if (!m_label.isEmpty())
        tip += QStringLiteral(": “%1”").arg(m_label.toHtmlEscaped());
    if (flow)
        tip += QStringLiteral("<br/>") + flow->description.toHtmlEscaped();
    const auto *board = qobject_cast<const DiagramScene *>(scene());
    const QString findings = m_marker && board ? board->markerToolTip(m_id) : QString();
    return findings.isEmpty() ? tip : tip + QStringLiteral("<hr/>") + findings;
}

QColor ConnectionItem::strokeColor(const CardStyle &style) const
{
    if (isSelected())
        return style.selection;
    const FlowType *flow = Catalog::builtin().flow(m_flow);
    QColor color = flow ? flow->color : style.unknown;
    return style.dark ? color.lighter(140) : color;
}

void ConnectionItem::placeLabel()
{
    m_boundsValid = false;
    m_labelAt = m_middle;
    if (!m_labelItem)
        return;
    m_labelItem->setCentre(m_labelAt);
    // Self-loops keep their spot beside the card; without a scene there are no cards to avoid.
    if (m_from != m_to && scene())
        LabelPlacer::schedule(this);
}

QPointF ConnectionItem::bestLabelSpot() const
{
    if (!m_labelItem || m_from == m_to || !scene())
        return m_middle;
    // The first spot that covers nothing; else the first that covers no card (only a zone
    // title); else the middle.
    const QPainterPath line = path();
    std::optional<QPointF> clearOfCards;
    for (const qreal t : {0.5, 0.35, 0.65, 0.25, 0.75}) {
        const QPointF at = t == 0.5 ? m_middle : line.pointAtPercent(t);
        const Cover cover = coverAt(m_labelItem->sceneRectAt(at));
        if (cover == Cover::Nothing)
            return at;
        if (cover == Cover::ZoneTitle && !clearOfCards)
            clearOfCards = at;
    }
    return clearOfCards.value_or(m_middle);
}

void ConnectionItem::moveLabelTo(const QPointF &centre)
{
    if (!m_labelItem || centre == m_labelAt)
        return;
    changeGeometry();
    m_labelAt = centre;
    m_labelItem->setCentre(centre);
    update(); // the badge sits beside the label
}

ConnectionItem::Cover ConnectionItem::coverAt(const QRectF &sceneRect) const
{
    const QRectF r = sceneRect.adjusted(-2, -2, 2, 2); // a hair of air around the pill
    // A rectangle the size of the pill: the index returns a handful of items even on big boards.
    Cover cover = Cover::Nothing;
    for (const QGraphicsItem *item : scene()->items(r, Qt::IntersectsItemBoundingRect)) {
        if (!item->isVisible())
            continue;
        if (const auto *card = qgraphicsitem_cast<const ComponentItem *>(item)) {
            if (card->sceneCardRect().intersects(r))
                return Cover::Card;
        } else if (const auto *zone = qgraphicsitem_cast<const ZoneItem *>(item)) {
            if (zone->titleRect().intersects(r))
                cover = Cover::ZoneTitle;
        }
    }
    return cover;
}

void ConnectionItem::setMarker(const std::optional<FindingBadge::Marker> &marker)
{
    if (m_marker == marker)
        return;
    changeGeometry();
    m_marker = marker;
    update();
}

void ConnectionItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QPointF ConnectionItem::markerCentre() const
{
    // Beside a label rather than on it: pills are at most 170 px wide, so sit past half that.
    if (!m_label.isEmpty())
        return m_labelAt - QPointF(100, 0);
    return m_labelAt;
}

QPointF ConnectionItem::clipToRect(const QRectF &rect, const QPointF &outside)
{
    const QPointF c = rect.center();
    const QPointF d = outside - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    // Scale the direction so it just reaches the nearer of the vertical or horizontal edges.
    const qreal sx =
        qFuzzyIsNull(d.x()) ? std::numeric_limits<qreal>::max() : (rect.width() / 2) / qAbs(d.x());
    const qreal sy =
        qFuzzyIsNull(d.y()) ? std::numeric_limits<qreal>::max() : (rect.height() / 2) / qAbs(d.y());
    return c + d * qMin(qMin(sx, sy), 1.0);
}

void ConnectionItem::setEnds(const QRectF &fromCard, const QRectF &toCard, Routing routing)
{
    changeGeometry();
    QPainterPath line;
    if (m_from == m_to) {
        // A self-loop: out of the top edge and back into the right edge.
        const QPointF start(fromCard.right() - 30, fromCard.top());
        m_tip = QPointF(fromCard.right(), fromCard.top() + 18);
        line.moveTo(start);
        line.cubicTo(start + QPointF(0, -40), m_tip + QPointF(50, 0),
                     m_tip + QPointF(arrowLength, 0));
        m_tipDir = QPointF(-1, 0);
        m_middle = fromCard.topRight() + QPointF(20, -20);
    } else if (routing == Routing::Straight || fromCard.intersects(toCard)) {
        const QPointF a = clipToRect(fromCard, toCard.center());
        const QPointF b = clipToRect(toCard, fromCard.center());
        const QPointF d = b - a;
        const qreal len = std::hypot(d.x(), d.y());
        m_tipDir = len > 0 ? d / len : QPointF(1, 0);
        m_tip = b;
        line.moveTo(a);
        line.lineTo(b - m_tipDir * arrowLength); // the head covers the last few pixels
        m_middle = (a + b) / 2;
    } else {
        line = routeSideways(fromCard, toCard, routing);
    }
    keepLine(line);
    placeLabel();
    update();
}

void ConnectionItem::setRoute(const QVector<QPointF> &bezier, const QPointF &tip)
{
    changeGeometry();
    QPainterPath line(bezier.value(0));
    for (int i = 1; i + 2 < bezier.size(); i += 3)
        line.cubicTo(bezier[i], bezier[i + 1], bezier[i + 2]);
    const QPointF d = tip - line.currentPosition();
    const qreal len = std::hypot(d.x(), d.y());
    m_tipDir = len > 0 ? d / len : QPointF(1, 0);
    m_tip = tip;
    m_middle = line.pointAtPercent(0.5);
    keepLine(line);
    placeLabel();
    update();
}

QPainterPath ConnectionItem::routeSideways(const QRectF &fromCard, const QRectF &toCard,
                                           Routing routing)
{
    // Leave and enter through the sides that face each other: left/right when the cards are
    // further apart horizontally than vertically, else top/bottom.
    const QPointF d = toCard.center() - fromCard.center();
    const bool horizontal =
        std::abs(d.x()) - (fromCard.width() - fromCard.height()) / 2 > std::abs(d.y());
    QPointF a, b, outDir;
    if (horizontal) {
        const qreal s = d.x() >= 0 ? 1 : -1;
        a = QPointF(s > 0 ? fromCard.right() : fromCard.left(), fromCard.center().y());
        b = QPointF(s > 0 ? toCard.left() : toCard.right(), toCard.center().y());
        outDir = QPointF(s, 0);
    } else {
        const qreal s = d.y() >= 0 ? 1 : -1;
        a = QPointF(fromCard.center().x(), s > 0 ? fromCard.bottom() : fromCard.top());
        b = QPointF(toCard.center().x(), s > 0 ? toCard.top() : toCard.bottom());
        outDir = QPointF(0, s);
    }
    m_tip = b;
    m_tipDir = outDir;
    const QPointF beforeTip = b - outDir * arrowLength;
    QPainterPath line(a);
    if (routing == Routing::Orthogonal) {
        const QPointF mid = (a + beforeTip) / 2;
        if (horizontal) {
            line.lineTo(mid.x(), a.y());
            line.lineTo(mid.x(), beforeTip.y());
        } else {
            line.lineTo(a.x(), mid.y());
            line.lineTo(beforeTip.x(), mid.y());
        }
        line.lineTo(beforeTip);
    } else {
        const qreal reach = std::max(40.0, QLineF(a, b).length() / 3);
        line.cubicTo(a + outDir * reach, beforeTip - outDir * reach, beforeTip);
    }
    m_middle = line.pointAtPercent(0.5);
    return line;
}

void ConnectionItem::keepLine(const QPainterPath &line)
{
    // Every route is a start and either straight segments or cubic Béziers (never both).
    m_curved = line.elementCount() > 1 && line.elementAt(1).isCurveTo();
    m_line.clear();
    for (int i = 0; i < line.elementCount(); ++i) {
        Q_ASSERT(i == 0 || line.elementAt(i).isLineTo() != m_curved);
        m_line.append(QPointF(line.elementAt(i)));
    }
}

QPainterPath ConnectionItem::path() const
{
    // A path of its own each time: QPainter also keeps a converted form of each path it draws
    // in the path's data (about 3 KB, however short the path), which goes with it.
    QPainterPath line;
    if (m_line.isEmpty())
        return line;
    line.moveTo(m_line[0]);
    if (m_curved) {
        for (qsizetype i = 1; i + 2 < m_line.size(); i += 3)
            line.cubicTo(m_line[i], m_line[i + 1], m_line[i + 2]);
    } else {
        for (qsizetype i = 1; i < m_line.size(); ++i)
            line.lineTo(m_line[i]);
    }
    return line;
}

void ConnectionItem::changeGeometry()
{
    prepareGeometryChange();
    m_boundsValid = false;
}

QRectF ConnectionItem::boundingRect() const
{
    // Asked for by every scene query and paint: computed once per change of the geometry.
    if (!m_boundsValid) {
        m_bounds = computeBounds();
        m_boundsValid = true;
    }
    return m_bounds;
}

QRectF ConnectionItem::computeBounds() const
{
    QRectF r = path().boundingRect().united(QRectF(m_tip, QSizeF(1, 1)));
    if (m_labelItem)
        r = r.united(m_labelItem->sceneRectAt(m_labelAt));
    if (m_marker) {
        const qreal m = FindingBadge::maxRadius + 2;
        r = r.united(QRectF(markerCentre() - QPointF(m, m), QSizeF(2 * m, 2 * m)));
    }
    return r.adjusted(-arrowLength, -arrowLength, arrowLength, arrowLength);
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(path());
    s.addEllipse(m_tip, arrowLength, arrowLength);
    if (m_marker) // hovering the badge shows the findings
        s.addEllipse(markerCentre(), FindingBadge::radius, FindingBadge::radius);
    return s;
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    const CardStyle style = diagramScene ? diagramScene->style() : CardStyle::light();
    const QColor color = strokeColor(style);
    painter->setRenderHint(QPainter::Antialiasing);

    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QPainterPath line = path();
    if (m_highlighted) {
        QColor halo = FindingBadge::pathColor();
        halo.setAlphaF(0.45);
        const qreal width = std::clamp(5.0 / std::max(lod, 0.01), 7.0, 2 * arrowLength);
        painter->setPen(QPen(halo, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(line);
    }

    QPen pen = flowPen(m_flow, color, strokeWidth());
    if (const std::optional<QColor> hairline = hairlineColor(lod, style)) {
        // Opaque and not antialiased, the hairline is filled span by span instead of blended
        // pixel by pixel.
        pen = QPen(*hairline, 0);
        painter->setRenderHint(QPainter::Antialiasing, false);
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line);

    if (!headShowsAt(lod)) {
        if (m_marker && (!diagramScene || diagramScene->markersVisible()))
            FindingBadge::paint(painter, markerCentre(), m_marker->severity,
                                FindingBadge::radiusAt(lod));
        return;
    }
    const QPointF normal(-m_tipDir.y(), m_tipDir.x());
    const QPointF base = m_tip - m_tipDir * arrowLength;
    const QPolygonF head{m_tip, base + normal * arrowHalfWidth, base - normal * arrowHalfWidth};
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(head);

    if (m_marker && (!diagramScene || diagramScene->markersVisible()))
        FindingBadge::paint(painter, markerCentre(), m_marker->severity,
                            FindingBadge::radiusAt(lod));

    if (isSelected() && m_from != m_to) { // drag an end to attach it to another card
        painter->setPen(QPen(style.selection, 1.5));
        painter->setBrush(style.cardFill);
        for (const QPointF &end : {mapFromScene(sourceEnd()), m_tip})
            painter->drawEllipse(end, endHandleRadius, endHandleRadius);
    }
}

std::optional<QColor> ConnectionItem::hairlineColor(qreal lod, const CardStyle &style) const
{
    const qreal width = strokeWidth();
    if (width * lod >= 1)
        return std::nullopt;
    // Thinner than a pixel on screen: without dashes (they would be shorter than a pixel;
    // stroking their thousands per arrow was most of a paint at fit).
    const QColor color = strokeColor(style);
    const qreal a = color.alphaF() * std::max(width * lod, 0.25);
    const QColor &under = style.canvas;
    return QColor::fromRgbF(float(color.redF() * a + under.redF() * (1 - a)),
                            float(color.greenF() * a + under.greenF() * (1 - a)),
                            float(color.blueF() * a + under.blueF() * (1 - a)));
}

bool ConnectionItem::isPlainHairlineAt(qreal lod) const
{
    return !m_highlighted && !headShowsAt(lod) && strokeWidth() * lod < 1;
}

QPen ConnectionItem::flowPen(const QString &flowId, const QColor &color, qreal width)
{
    QPen pen(color, width);
    pen.setCapStyle(Qt::FlatCap);
    const FlowType *flow = Catalog::builtin().flow(flowId);
    if (flow && flow->style == FlowType::Style::Dashed)
        pen.setDashPattern({6, 4});
    else if (flow && flow->style == FlowType::Style::Dotted)
        pen.setDashPattern({1.5, 3});
    return pen;
}

QPointF ConnectionItem::sourceEnd() const
{
    return mapToScene(m_line.isEmpty() ? m_tip : m_line[0]);
}

} // namespace mls
