// SPDX-License-Identifier: MIT
#pragma once

#include "Group.h"

#include <QColor>
#include <QGraphicsItem>
#include <QMarginsF>

namespace mls {

/// A named zone: a translucent rounded rectangle drawn behind its member cards.
class ZoneItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 3
    };

    explicit ZoneItem(const Group &g);

    int type() const override { return Type; }
    const QString &groupId() const { return m_id; }
    const QStringList &members() const { return m_members; }

    void sync(const Group &g);
    /// Sets the zone's outline to enclose @p membersRect (scene coordinates, cards only) with
    /// the standard padding and title band, plus the room it was resized to (@p margins).
    void fitAround(const QRectF &membersRect, const QMarginsF &margins = QMarginsF());
    /// The smallest outline around @p membersRect: padding and the title band, no extra room.
    static QRectF rectAround(const QRectF &membersRect);
    /// The outline in scene coordinates.
    QRectF sceneRect() const { return m_rect.translated(pos()); }
    /// Shows the outline at @p sceneRect while a resize is dragged (the model is unchanged).
    void previewRect(const QRectF &sceneRect);
    /// Which edges a press at @p scenePos would drag (none: not on the border, or on the title).
    Qt::Edges resizeEdgesAt(const QPointF &scenePos) const;
    /// The zone colour: the group's "color" field when valid, else a neutral slate.
    static QColor colorOf(const Group &g);

    QRectF boundingRect() const override;
    /// Only the title strip and the border pick the zone: a click inside it is a click on the
    /// canvas (rubber band), so selecting cards in a zone does not grab the zone.
    QPainterPath shape() const override;
    /// The title strip in scene coordinates (where the label is edited in place).
    QRectF titleRect() const;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QString m_id;
    QString m_label;
    QStringList m_members;
    QColor m_color;
    QRectF m_rect;
};

} // namespace mls
