// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QRgb>
#include <QVector>

class QGraphicsItem;
class QPainter;
class QWidget;

namespace mls {

class ConnectionItem;
class DiagramScene;
class PixelCanvas;

/// Paints a board zoomed out so far that every card is a plain coloured block and every arrow
/// a one-pixel hairline (a big board at Fit), in batches read from the items, instead of
/// QGraphicsView calling paint() on each item: on 25,000 items the view's own cost per item (a
/// transform, a painter save and restore, a bounding-rect test) was most of a frame. It draws
/// what the items' paint() draws at that zoom (ComponentItem::plainBlockColor,
/// ConnectionItem::hairlineColor, the badges); every item it does not batch (zones, notes, a
/// card with a halo, an arrow on a critical path, the temporary items of a gesture) is painted
/// by its own paint(), in stacking order. Hit tests, hover and selection stay the scene's.
namespace FarBoardPainter {

/// Below this zoom (screen px per scene unit) the items draw nothing the batches leave out: no
/// arrowhead (10 units long), no label pill, no card label (at most 82 units tall).
constexpr qreal maxZoom = 0.1;
inline bool appliesAt(qreal zoom)
{
    return zoom > 0 && zoom < maxZoom;
}

/// The batches of one scene at one zoom, read from the items once and kept between paints:
/// each card's block and colour, each arrow's colour and its path flattened into segments (in
/// scene coordinates), the badges, and the stacking order of the batches and of the items that
/// paint themselves. A paint then only maps the kept segments and blocks to pixels.
///
/// Whoever owns it calls invalidate() on every change of the scene (DiagramView does on every
/// queued call the scene receives, which every item change posts, and on selection changes);
/// paint() also reads the items again when the zoom, the scene, whether badges show, or the
/// set of items (an item deleted, which posts nothing) differs from what it kept.
class Board
{
public:
    /// Forgets what was read: the next paint reads the items again.
    void invalidate() { m_valid = false; }
    /// Invalidates and frees what was read.
    void clear();
    /// Draws the items of @p scene that meet @p exposed (scene coordinates). @p painter's
    /// world transform maps the scene to the device (the view's viewportTransform()), at a
    /// zoom where appliesAt() holds; @p widget is the viewport (passed on to the items' own
    /// paint()).
    void paint(QPainter *painter, const DiagramScene &scene, const QRectF &exposed,
               QWidget *widget);
    /// How many times paint() read the items (tests: a paint without a change reads nothing).
    int reads() const { return m_reads; }

private:
    struct Badge
    {
        QPointF centre;
        Severity severity;
    };
    struct Card
    {
        QRectF rect;         ///< the block (scene), or the item's bounds when it paints itself
        QRgb rgb = 0;        ///< the block's colour
        QGraphicsItem *self; ///< paints itself (a label, a halo, a pair band), else nullptr
        int badge = -1;      ///< index into m_badges
    };
    /// Scene coordinates as floats: a pixel at these zooms is ten units or more, and a 10k
    /// board's 15,000 arrows and their segments are kept between paints (half the bytes).
    struct Segment
    {
        float x1, y1, x2, y2;
        QPointF p1() const { return QPointF(x1, y1); }
        QPointF p2() const { return QPointF(x2, y2); }
    };
    struct Bounds
    {
        float left = 0, top = 0, right = 0, bottom = 0;
        bool intersects(const QRectF &r) const
        {
            return left < r.right() && r.left() < right && top < r.bottom() && r.top() < bottom;
        }
    };
    struct Arrow
    {
        Bounds bounds; ///< of its segments, scene
        QRgb rgb = 0;  ///< its hairline colour
        int first = 0; ///< its segments in m_segments
        int count = 0;
        int badge = -1; ///< index into m_badges
    };
    enum class LayerKind
    {
        Arrows,
        Cards,
        SelectedArrows,
        Item
    };
    struct Layer
    {
        qreal z;
        int depth; ///< children above their parents
        LayerKind kind;
        QGraphicsItem *item = nullptr; ///< LayerKind::Item
        QRectF bounds;                 ///< of the item, scene
    };

    /// Which items a scene holds (added up, not sorted): reading, comparing and keeping it
    /// costs no look at the items themselves.
    struct ItemSet
    {
        qsizetype count = 0;
        quintptr sum = 0;
        quintptr bits = 0; ///< exclusive or
        bool operator!=(const ItemSet &o) const
        {
            return count != o.count || sum != o.sum || bits != o.bits;
        }
    };

    bool isCurrent(const DiagramScene &scene, qreal lod, qreal pixelsPerUnit) const;
    /// Puts @p items into the order they are read in (m_order).
    void order(const DiagramScene &scene, const QList<QGraphicsItem *> &items);
    void read(const DiagramScene &scene, qreal lod, qreal pixelsPerUnit,
              const QList<QGraphicsItem *> &items, const ItemSet &set);
    void addArrow(QVector<Arrow> &to, const ConnectionItem &arrow, qreal lod, qreal pixelsPerUnit,
                  const DiagramScene &scene);
    void drawArrows(QPainter *painter, PixelCanvas &canvas, const QVector<Arrow> &arrows,
                    const QRectF &exposed, bool badges) const;
    void drawCards(QPainter *painter, PixelCanvas &canvas, const QRectF &exposed,
                   QWidget *widget) const;

    bool m_valid = false;
    int m_reads = 0;
    const DiagramScene *m_scene = nullptr;
    qreal m_lod = 0;
    qreal m_pixelsPerUnit = 0;
    bool m_markersVisible = false;
    ItemSet m_set;                    ///< of the items last read
    QVector<QGraphicsItem *> m_order; ///< those items: cards and arrows in file order, then
                                      ///< the others; kept while the set is the same

    QVector<Card> m_cards; ///< stacking order
    QVector<Arrow> m_arrows;
    QVector<Arrow> m_selectedArrows; ///< above the cards
    QVector<Segment> m_segments;     ///< scene coordinates
    QVector<Badge> m_badges;
    QVector<Layer> m_layers; ///< stacking order
};

/// Draws the items of @p scene once, reading them anew (a Board kept for one paint).
void paint(QPainter *painter, const DiagramScene &scene, const QRectF &exposed, QWidget *widget);

} // namespace FarBoardPainter

} // namespace mls
