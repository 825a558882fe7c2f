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

/// @p path (item coordinates) shifted by @p offset as line segments, curves flattened into
/// segments about 3 px long at @p pixelsPerUnit (the control polygon bounds the curve).
void flatten(const QPainterPath &path, const QPointF &offset, qreal pixelsPerUnit,
             QVector<QLineF> &out)
{
    const auto at = [&](int i) { return QPointF(path.elementAt(i)) + offset; };
    QPointF current;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element &e = path.elementAt(i);
        const QPointF p = at(i);
        if (e.isMoveTo()) {
            current = p;
        } else if (e.isLineTo()) {
            out << QLineF(current, p);
            current = p;
        } else if (e.isCurveTo() && i + 2 < path.elementCount()) {
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
                out << QLineF(from, to);
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
    a.bounds = arrow.sceneBoundingRect();
    a.rgb = arrow.hairlineColor(lod, scene.style()).value_or(QColor()).rgb();
    a.first = int(m_segments.size());
    flatten(arrow.path(), arrow.pos(), pixelsPerUnit, m_segments);
    a.count = int(m_segments.size()) - a.first;
    if (m_markersVisible && arrow.marker()) {
        a.badge = int(m_badges.size());
        m_badges << Badge{arrow.pos() + arrow.markerCentre(), arrow.marker()->severity};
    }
    to << a;
}

void Board::read(const DiagramScene &scene, qreal lod, qreal pixelsPerUnit)
{
    ++m_reads;
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
    const auto take = [&](QGraphicsItem *item) {
        if (!item->isVisible())
            return;
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
    };
    // Cards and arrows in file order: stacking order, as the scene adds them, apart from one
    // put back by an undo. Not the index's order (Qt::SortOrder(-1)), which changes as the
    // index updates itself, and not sorted by stacking order: sorting 25,000 items is much of
    // what the batches save. The same items always give the same picture where arrows overlap.
    int boardItems = 0;
    if (const Diagram *d = scene.diagram()) {
        for (const Connection &c : d->connections()) {
            if (ConnectionItem *arrow = scene.connectionItem(c.id)) {
                ++boardItems;
                take(arrow);
            }
        }
        for (const Component &c : d->components()) {
            if (ComponentItem *card = scene.componentItem(c.id)) {
                ++boardItems;
                take(card);
            }
        }
    }
    const QList<QGraphicsItem *> items = scene.items(Qt::SortOrder(-1));
    int found = 0;
    for (QGraphicsItem *item : items) {
        const int type = item->type();
        found += type == ComponentItem::Type || type == ConnectionItem::Type;
    }
    const bool allOnBoard = found == boardItems; // no card or arrow the maps do not know
    for (QGraphicsItem *item : items) {
        const int type = item->type();
        if (type == ConnectionLabelItem::Type)
            continue;
        if (type == ComponentItem::Type && allOnBoard)
            continue;
        if (type == ConnectionItem::Type && allOnBoard)
            continue;
        if (!allOnBoard && type == ComponentItem::Type &&
            scene.componentItem(static_cast<ComponentItem *>(item)->componentId()) == item)
            continue;
        if (!allOnBoard && type == ConnectionItem::Type &&
            scene.connectionItem(static_cast<ConnectionItem *>(item)->connectionId()) == item)
            continue;
        take(item);
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

    m_itemCount = items.size();
    m_itemSum = 0;
    m_itemXor = 0;
    for (const QGraphicsItem *item : items) {
        m_itemSum += quintptr(item);
        m_itemXor ^= quintptr(item);
    }
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
    bool current = isCurrent(scene, lod, pixelsPerUnit);
    if (current) {
        // Deleting an item posts nothing the owner sees: the set of items must be the same.
        const QList<QGraphicsItem *> items = scene.items(Qt::SortOrder(-1));
        quintptr sum = 0, x = 0;
        for (const QGraphicsItem *item : items) {
            sum += quintptr(item);
            x ^= quintptr(item);
        }
        current = items.size() == m_itemCount && sum == m_itemSum && x == m_itemXor;
    }
    if (!current)
        read(scene, lod, pixelsPerUnit);

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
