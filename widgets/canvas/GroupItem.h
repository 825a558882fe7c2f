#pragma once

#include "Group.h"

#include <QColor>
#include <QGraphicsItem>

namespace mls {

/// A named zone: a translucent rounded rectangle drawn behind its member cards.
class GroupItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 3
    };

    explicit GroupItem(const Group &g);

    int type() const override { return Type; }
    const QString &groupId() const { return m_id; }
    const QStringList &members() const { return m_members; }

    void sync(const Group &g);
    /// Sets the zone's outline to enclose @p membersRect (scene coordinates, cards only).
    void fitAround(const QRectF &membersRect);
    /// The zone colour: the group's "color" field when valid, else a neutral slate.
    static QColor colorOf(const Group &g);

    QRectF boundingRect() const override;
    /// Only the title strip and the border pick the zone: a click inside it is a click on the
    /// canvas (rubber band), so selecting cards in a zone does not grab the zone.
    QPainterPath shape() const override;
    /// The title strip in scene coordinates (where the label is edited in place).
    QRectF titleRect() const;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    QString m_label;
    QStringList m_members;
    QColor m_color;
    QRectF m_rect;
};

} // namespace mls
