// SPDX-License-Identifier: MIT
#include "FarBoardPainter.h"

#include "CardStyle.h"
#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "ConnectionLabelItem.h"
#include "DiagramScene.h"
#include "FindingBadge.h"
#include "PixelCanvas.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <algorithm>
#include <functional>

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

/// Arrows that are plain hairlines at @p lod, and their badges, as ConnectionItem::paint()
/// draws them (not antialiased).
void drawHairlines(QPainter *painter, PixelCanvas &canvas, const QVector<ConnectionItem *> &arrows,
                   qreal lod, const DiagramScene &scene)
{
    for (const ConnectionItem *arrow : arrows) {
        const QRgb rgb = arrow->hairlineColor(lod, scene.style()).value_or(QColor()).rgb();
        const QPainterPath &path = arrow->path();
        if (path.elementCount() == 2 && path.elementAt(1).isLineTo()) // straight: most arrows
            canvas.hairline(QPointF(path.elementAt(0)) + arrow->pos(),
                            QPointF(path.elementAt(1)) + arrow->pos(), rgb);
        else
            canvas.hairlinePath(path, arrow->pos(), rgb);
    }
    if (!scene.markersVisible())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const ConnectionItem *arrow : arrows) {
        if (!arrow->marker())
            continue;
        drawBadge(painter, canvas, arrow->pos() + arrow->markerCentre(), arrow->marker()->severity,
                  lod, false);
    }
    painter->restore();
}

/// Cards in stacking order: a plain block and its badge, or the card's own paint() when it
/// shows more at @p lod (a label, a halo, a pair band).
void drawCards(QPainter *painter, PixelCanvas &canvas, const QVector<ComponentItem *> &cards,
               qreal lod, const DiagramScene &scene, QWidget *widget)
{
    const QTransform view = painter->worldTransform();
    const bool badges = scene.markersVisible();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    for (ComponentItem *card : cards) {
        const std::optional<QColor> block = card->plainBlockColor(lod, scene.style());
        if (!block) {
            paintItem(painter, card, view, widget);
            continue;
        }
        // The item's rounded corners are under a pixel across at this zoom.
        canvas.fillRect(card->sceneCardRect(), block->rgb(), true);
        if (!badges || !card->marker())
            continue;
        drawBadge(painter, canvas, card->pos() + card->markerCentre(), card->marker()->severity,
                  lod, true);
    }
    painter->restore();
}

/// A layer of the drawing: a batch at the stacking order of its items, or one item.
struct Layer
{
    qreal z;
    int depth; ///< children above their parents
    std::function<void()> draw;
};

int depthOf(const QGraphicsItem *item)
{
    int depth = 0;
    for (const QGraphicsItem *p = item->parentItem(); p; p = p->parentItem())
        ++depth;
    return depth;
}

} // namespace

void paint(QPainter *painter, const DiagramScene &scene, const QRectF &exposed, QWidget *widget)
{
    const QTransform view = painter->worldTransform();
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(view);
    PixelCanvas canvas(painter);
    QVector<ComponentItem *> cards;
    QVector<ConnectionItem *> arrows;
    QVector<ConnectionItem *> selectedArrows; // stacked above the cards
    QVector<QGraphicsItem *> others;
    // Unsorted (Qt::SortOrder(-1), which Qt's indexes return as stored): sorting 25,000 items
    // by stacking order is much of what the batches save; only the cards need it.
    const QList<QGraphicsItem *> items = scene.items(Qt::SortOrder(-1));
    for (QGraphicsItem *item : items) {
        if (item->type() == ConnectionLabelItem::Type || !item->isVisible() ||
            !item->sceneBoundingRect().intersects(exposed))
            continue;
        if (auto *card = qgraphicsitem_cast<ComponentItem *>(item)) {
            cards << card;
        } else if (auto *arrow = qgraphicsitem_cast<ConnectionItem *>(item);
                   arrow && arrow->isPlainHairlineAt(lod) &&
                   arrow->sceneTransform().type() <= QTransform::TxTranslate) {
            (arrow->isSelected() ? selectedArrows : arrows) << arrow;
        } else {
            others << item;
        }
    }
    std::stable_sort(
        cards.begin(), cards.end(),
        [](const ComponentItem *a, const ComponentItem *b) { return a->zValue() < b->zValue(); });

    const auto lowestZ = [](const auto &list) {
        qreal z = list.constFirst()->zValue();
        for (const auto *item : list)
            z = std::min(z, item->zValue());
        return z;
    };
    QVector<Layer> layers;
    if (!arrows.isEmpty())
        layers << Layer{lowestZ(arrows), 0,
                        [&] { drawHairlines(painter, canvas, arrows, lod, scene); }};
    if (!cards.isEmpty())
        layers << Layer{cards.constFirst()->zValue(), 0,
                        [&] { drawCards(painter, canvas, cards, lod, scene, widget); }};
    if (!selectedArrows.isEmpty())
        layers << Layer{lowestZ(selectedArrows), 0,
                        [&] { drawHairlines(painter, canvas, selectedArrows, lod, scene); }};
    for (QGraphicsItem *item : std::as_const(others))
        layers << Layer{item->topLevelItem()->zValue(), depthOf(item),
                        [=] { paintItem(painter, item, view, widget); }};
    std::stable_sort(layers.begin(), layers.end(), [](const Layer &a, const Layer &b) {
        return a.z != b.z ? a.z < b.z : a.depth < b.depth;
    });
    for (const Layer &layer : std::as_const(layers))
        layer.draw();
}

} // namespace mls::FarBoardPainter
