// SPDX-License-Identifier: MIT
#include "FarBoardPainter.h"

#include "CardStyle.h"
#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "ConnectionLabelItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "FindingBadge.h"
#include "PixelCanvas.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <algorithm>
#include <utility>

namespace mls::FarBoardPainter {

static_assert(maxZoom <= ConnectionLabelItem::hiddenBelowLod, "label pills are left out");

namespace {

/// Paints @p item itself, as QGraphicsView would.
void paintItem(QPainter *painter, QGraphicsItem *item, const QTransform &view, QWidget *widget)
{
    QStyleOptionGraphicsItem option;
    option.state = QStyle::State_None;
    if (item->isEnabled())
        option.state |= QStyle::State_Enabled;
    if (item->isSelected())
        option.state |= QStyle::State_Selected;
    if (item->hasFocus())
        option.state |= QStyle::State_HasFocus;
    if (item->isUnderMouse())
        option.state |= QStyle::State_MouseOver;
    option.exposedRect = item->boundingRect();
    option.rect = option.exposedRect.toAlignedRect();
    if (widget) {
        option.palette = widget->palette();
        option.direction = widget->layoutDirection();
        option.fontMetrics = widget->fontMetrics();
    }
    painter->save();
    painter->setWorldTransform(item->sceneTransform() * view);
    painter->setOpacity(item->effectiveOpacity());
    item->paint(painter, &option, widget);
    painter->restore();
}

/// A design-rule badge at @p lod: a square of its colour while it is a few pixels across
/// (antialiased or not, as the item's painter is), else FindingBadge's own drawing.
void drawBadge(QPainter *painter, PixelCanvas &canvas, const QPointF &centre, Severity severity,
               qreal lod, bool antialiased)
{
    const qreal r = FindingBadge::radiusAt(lod);
    if (FindingBadge::isSquareAt(r, painter->worldTransform().m11()))
        canvas.fillRect(QRectF(centre - QPointF(r, r), QSizeF(2 * r, 2 * r)),
                        FindingBadge::color(severity).rgb(), antialiased);
    else
        FindingBadge::paint(painter, centre, severity, r);
}

int depthOf(const QGraphicsItem *item)
{
    int depth = 0;
    for (const QGraphicsItem *p = item->parentItem(); p; p = p->parentItem())
        ++depth;
    return depth;
}

/// @p arrow's line (ConnectionItem::linePoints) shifted by @p offset as line segments, curves
/// flattened into segments about 3 px long at @p pixelsPerUnit (the control polygon bounds the
/// curve).
template <typename Segments>
void flatten(const ConnectionItem &arrow, const QPointF &offset, qreal pixelsPerUnit, Segments &out)
{
    const auto add = [&out](const QPointF &a, const QPointF &b) {
        out.push_back({float(a.x()), float(a.y()), float(b.x()), float(b.y())});
    };
    const QVarLengthArray<QPointF, 4> &points = arrow.linePoints();
    const auto at = [&](qsizetype i) { return points[i] + offset; };
    QPointF current;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF p = at(i);
        if (i == 0) {
            current = p;
        } else if (!arrow.isCurved()) {
            add(current, p);
            current = p;
        } else if (i + 2 < points.size()) {
            const QPointF c1 = p, c2 = at(i + 1), end = at(i + 2);
            i += 2;
            const qreal reach = (QLineF(current, c1).length() + QLineF(c1, c2).length() +
                                 QLineF(c2, end).length()) *
                                pixelsPerUnit;
            const int n = std::clamp(int(reach / 3) + 1, 1, 64);
            QPointF from = current;
            for (int k = 1; k <= n; ++k) {
                const qreal t = qreal(k) / n, u = 1 - t;
                const QPointF to =
                    u * u * u * current + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * end;
                add(from, to);
                from = to;
            }
            current = end;
        }
    }
}

} // namespace

void Board::clear()
{
    m_valid = false;
    m_scene = nullptr;
    m_cards = {};
    m_arrows = {};
    m_selectedArrows = {};
    m_segments = {};
    m_badges = {};
    m_layers = {};
    m_order = {};
    m_set = {};
}

bool Board::isCurrent(const DiagramScene &scene, qreal lod, qreal pixelsPerUnit) const
{
    return m_valid && m_scene == &scene && m_lod == lod && m_pixelsPerUnit == pixelsPerUnit &&
           m_markersVisible == scene.markersVisible();
}

void Board::addArrow(QVector<Arrow> &to, const ConnectionItem &arrow, qreal lod,
                     qreal pixelsPerUnit, const DiagramScene &scene)
{
    Arrow a;
    a.rgb = arrow.hairlineColor(lod, scene.style()).value_or(QColor()).rgb();
    a.first = int(m_segments.size());
    flatten(arrow, arrow.pos(), pixelsPerUnit, m_segments);
    a.count = int(m_segments.size()) - a.first;
    // Its bounds from its segments (sceneBoundingRect() costs a call and a cache miss more per
    // arrow, and takes in the label, which is not drawn), a pixel around them, and the badge.
    qreal left = 0, top = 0, right = 0, bottom = 0;
    for (int i = a.first; i < a.first + a.count; ++i) {
        const Segment &l = m_segments[i];
        const qreal x0 = std::min(l.x1, l.x2), x1 = std::max(l.x1, l.x2);
        const qreal y0 = std::min(l.y1, l.y2), y1 = std::max(l.y1, l.y2);
        const bool first = i == a.first;
        left = first ? x0 : std::min(left, x0);
        right = first ? x1 : std::max(right, x1);
        top = first ? y0 : std::min(top, y0);
        bottom = first ? y1 : std::max(bottom, y1);
    }
    const qreal pixel = 1 / pixelsPerUnit;
    QRectF bounds =
        QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-pixel, -pixel, pixel, pixel);
    if (m_markersVisible && arrow.marker()) {
        a.badge = int(m_badges.size());
        const QPointF centre = arrow.pos() + arrow.markerCentre();
        m_badges << Badge{centre, arrow.marker()->severity};
        const qreal r = FindingBadge::maxRadius + pixel;
        bounds |= QRectF(centre - QPointF(r, r), centre + QPointF(r, r));
    }
    a.bounds = Bounds{float(bounds.left()), float(bounds.top()), float(bounds.right()),
                      float(bounds.bottom())};
    to << a;
}

void Board::order(const DiagramScene &scene, const QList<QGraphicsItem *> &items)
{
    m_order.clear();
    m_order.reserve(items.size());
    // Cards and arrows in file order: stacking order, as the scene adds them, apart from one
    // put back by an undo. Not the index's order (Qt::SortOrder(-1)), which changes as the
    // index updates itself, and not sorted by stacking order: sorting 25,000 items is much of
    // what the batches save. The same items always give the same picture where arrows overlap.
    if (const Diagram *d = scene.diagram()) {
        for (const Connection &c : d->connections()) {
            if (ConnectionItem *arrow = scene.connectionItem(c.id))
                m_order << arrow;
        }
        for (const Component &c : d->components()) {
            if (ComponentItem *card = scene.componentItem(c.id))
                m_order << card;
        }
    }
    const qsizetype onBoard = m_order.size();
    qsizetype found = 0;
    for (const QGraphicsItem *item : items) {
        const int type = item->type();
        found += type == ComponentItem::Type || type == ConnectionItem::Type;
    }
    const bool allOnBoard = found == onBoard; // no card or arrow the maps do not know
    for (QGraphicsItem *item : items) {
        const int type = item->type();
        if (type == ConnectionLabelItem::Type)
            continue;
        if (type == ComponentItem::Type &&
            (allOnBoard ||
             scene.componentItem(static_cast<ComponentItem *>(item)->componentId()) == item))
            continue;
        if (type == ConnectionItem::Type &&
            (allOnBoard ||
             scene.connectionItem(static_cast<ConnectionItem *>(item)->connectionId()) == item))
            continue;
        m_order << item;
    }
}

void Board::read(const DiagramScene &scene, qreal lod, qreal pixelsPerUnit,
                 const QList<QGraphicsItem *> &items, const ItemSet &set)
{
    ++m_reads;
    if (m_scene != &scene || set != m_set)
        order(scene, items); // else the same items, in the order worked out for them
    m_set = set;
    m_valid = true;
    m_scene = &scene;
    m_lod = lod;
    m_pixelsPerUnit = pixelsPerUnit;
    m_markersVisible = scene.markersVisible();
    m_cards.clear();
    m_arrows.clear();
    m_selectedArrows.clear();
    m_segments.clear();
    m_badges.clear();
    m_layers.clear();

    QVector<std::pair<qreal, ComponentItem *>> cards; // sorted by stacking order below
    QVector<QGraphicsItem *> others;
    qreal arrowsZ = 0, selectedZ = 0; // the lowest of each batch
    for (QGraphicsItem *item : std::as_const(m_order)) {
        if (!item->isVisible())
            continue;
        if (auto *card = qgraphicsitem_cast<ComponentItem *>(item)) {
            cards << std::pair(card->zValue(), card);
        } else if (auto *arrow = qgraphicsitem_cast<ConnectionItem *>(item);
                   arrow && arrow->isPlainHairlineAt(lod) &&
                   arrow->sceneTransform().type() <= QTransform::TxTranslate) {
            QVector<Arrow> &batch = arrow->isSelected() ? m_selectedArrows : m_arrows;
            qreal &z = arrow->isSelected() ? selectedZ : arrowsZ;
            z = batch.isEmpty() ? arrow->zValue() : std::min(z, arrow->zValue());
            addArrow(batch, *arrow, lod, pixelsPerUnit, scene);
        } else {
            others << item;
        }
    }
    // Cards mostly share one z value: stable, so those keep the scene's order.
    std::stable_sort(cards.begin(), cards.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    m_cards.reserve(cards.size());
    for (const auto &[z, card] : std::as_const(cards)) {
        Card c;
        const std::optional<QColor> block = card->plainBlockColor(lod, scene.style());
        if (!block) {
            c.rect = card->sceneBoundingRect();
            c.self = card;
        } else {
            // The item's rounded corners are under a pixel across at this zoom.
            c.rect = card->sceneCardRect();
            c.rgb = block->rgb();
            c.self = nullptr;
            if (m_markersVisible && card->marker()) {
                c.badge = int(m_badges.size());
                m_badges << Badge{card->pos() + card->markerCentre(), card->marker()->severity};
            }
        }
        m_cards << c;
    }

    if (!m_arrows.isEmpty())
        m_layers << Layer{arrowsZ, 0, LayerKind::Arrows, nullptr, {}};
    if (!m_cards.isEmpty())
        m_layers << Layer{cards.constFirst().first, 0, LayerKind::Cards, nullptr, {}};
    if (!m_selectedArrows.isEmpty())
        m_layers << Layer{selectedZ, 0, LayerKind::SelectedArrows, nullptr, {}};
    for (QGraphicsItem *item : std::as_const(others))
        m_layers << Layer{item->topLevelItem()->zValue(), depthOf(item), LayerKind::Item, item,
                          item->sceneBoundingRect()};
    std::stable_sort(m_layers.begin(), m_layers.end(), [](const Layer &a, const Layer &b) {
        return a.z != b.z ? a.z < b.z : a.depth < b.depth;
    });
    // Kept until the next change: without the room left from growing them, or from a batch
    // that a selection emptied (select all moves every arrow to the other one).
    m_arrows.squeeze();
    m_selectedArrows.squeeze();
    m_segments.squeeze();
    m_badges.squeeze();
}

void Board::drawArrows(QPainter *painter, PixelCanvas &canvas, const QVector<Arrow> &arrows,
                       const QRectF &exposed, bool badges) const
{
    for (const Arrow &arrow : arrows) {
        if (!arrow.bounds.intersects(exposed))
            continue;
        for (int i = arrow.first; i < arrow.first + arrow.count; ++i)
            canvas.hairline(m_segments[i].p1(), m_segments[i].p2(), arrow.rgb);
    }
    if (!badges)
        return;
    // All hairlines of the layer before its badges: no arrow covers another's badge.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const Arrow &arrow : arrows) {
        if (arrow.badge < 0 || !arrow.bounds.intersects(exposed))
            continue;
        const Badge &b = m_badges[arrow.badge];
        drawBadge(painter, canvas, b.centre, b.severity, m_lod, false);
    }
    painter->restore();
}

void Board::drawCards(QPainter *painter, PixelCanvas &canvas, const QRectF &exposed,
                      QWidget *widget) const
{
    const QTransform view = painter->worldTransform();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    for (const Card &card : m_cards) {
        if (card.self) {
            if (card.rect.intersects(exposed))
                paintItem(painter, card.self, view, widget);
            continue;
        }
        // A card's badge sits on its top edge, over the block's bounds.
        if (!card.rect
                 .adjusted(-FindingBadge::maxRadius, -FindingBadge::maxRadius,
                           FindingBadge::maxRadius, FindingBadge::maxRadius)
                 .intersects(exposed))
            continue;
        canvas.fillRect(card.rect, card.rgb, true);
        if (card.badge >= 0) {
            const Badge &b = m_badges[card.badge];
            drawBadge(painter, canvas, b.centre, b.severity, m_lod, true);
        }
    }
    painter->restore();
}

void Board::paint(QPainter *painter, const DiagramScene &scene, const QRectF &exposed,
                  QWidget *widget)
{
    const QTransform view = painter->worldTransform();
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(view);
    PixelCanvas canvas(painter);
    const qreal pixelsPerUnit =
        painter->combinedTransform().m11() * painter->device()->devicePixelRatioF();
    // Deleting an item posts nothing the owner sees: the set of items must be the same too.
    const QList<QGraphicsItem *> items = scene.items(Qt::SortOrder(-1));
    ItemSet set;
    set.count = items.size();
    for (const QGraphicsItem *item : items) {
        set.sum += quintptr(item);
        set.bits ^= quintptr(item);
    }
    if (!isCurrent(scene, lod, pixelsPerUnit) || set != m_set)
        read(scene, lod, pixelsPerUnit, items, set);

    for (const Layer &layer : std::as_const(m_layers)) {
        switch (layer.kind) {
        case LayerKind::Arrows:
            drawArrows(painter, canvas, m_arrows, exposed, m_markersVisible);
            break;
        case LayerKind::Cards:
            drawCards(painter, canvas, exposed, widget);
            break;
        case LayerKind::SelectedArrows:
            drawArrows(painter, canvas, m_selectedArrows, exposed, m_markersVisible);
            break;
        case LayerKind::Item:
            if (layer.bounds.intersects(exposed))
                paintItem(painter, layer.item, view, widget);
            break;
        }
    }
}

void paint(QPainter *painter, const DiagramScene &scene, const QRectF &exposed, QWidget *widget)
{
    Board board;
    board.paint(painter, scene, exposed, widget);
}

} // namespace mls::FarBoardPainter
