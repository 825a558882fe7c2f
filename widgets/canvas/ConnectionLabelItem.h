// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>
#include <QString>

namespace mls {

class ConnectionItem;

/// A connection's label: a small rounded pill with the label text, drawn above the cards so no
/// card hides it. Created, positioned and deleted by its ConnectionItem (see
/// ConnectionItem::placeLabel); a click on it selects the connection, its tooltip is the
/// arrow's (with the full text when the label is elided).
class ConnectionLabelItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 20
    };
    /// Above every card (cards stay within z 1..2) and below drag feedback (z 1000).
    static constexpr qreal zLevel = 3;
    /// Text wider than this wraps onto more lines (never cut, on the board or in an export).
    static constexpr qreal maxTextWidth = 160;
    /// Below this level of detail the pill is as small as a dot and not drawn: the arrow alone
    /// reads better.
    static constexpr qreal hiddenBelowLod = 0.5;

    explicit ConnectionLabelItem(ConnectionItem *owner);
    ~ConnectionLabelItem() override;

    int type() const override { return Type; }
    ConnectionItem *connection() const { return m_owner; }

    /// Sets the full text; what is shown is wrapped to maxTextWidth.
    void setText(const QString &text);
    const QString &text() const { return m_text; }
    /// The lines drawn, joined by '\n'.
    const QString &shownText() const { return m_shown; }
    bool isWrapped() const { return m_shown.contains(QLatin1Char('\n')); }
    /// The pill's size (scene units); the item's origin is the pill's top-left corner.
    QSizeF pillSize() const { return m_size; }
    /// Moves the pill so its centre is at @p centre (scene coordinates).
    void setCentre(const QPointF &centre);
    QRectF sceneRectAt(const QPointF &centre) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    friend class ConnectionItem;
    ConnectionItem *m_owner; ///< null once the owner let go (it is being deleted)
    QString m_text;
    QString m_shown;
    QSizeF m_size;
};

} // namespace mls
