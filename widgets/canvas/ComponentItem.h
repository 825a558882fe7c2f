#pragma once

#include "Component.h"

#include <QGraphicsItem>

namespace mls {

class DiagramScene;
struct CardStyle;

/// A component drawn as a card: category stripe, icon, label and kind. Follows the model;
/// never changes it.
class ComponentItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    explicit ComponentItem(const Component &c);

    int type() const override { return Type; }
    const QString &componentId() const { return m_id; }

    /// Takes the component's current label, kind and position.
    void sync(const Component &c);
    /// Card outline in scene coordinates (for clipping connections).
    QRectF sceneCardRect() const { return CardRectAt(pos()); }
    static QRectF CardRectAt(const QPointF &centre);

    /// The connection handle on the right edge, in item coordinates (drag it to connect).
    static QRectF handleRect();
    /// What a connection being drawn would do if dropped here.
    enum class ConnectFeedback
    {
        None,
        Accepts,
        Refuses
    };
    void setConnectFeedback(ConnectFeedback feedback);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintDecorations(QPainter *painter, const CardStyle &style);

    QString m_id;
    QString m_kind;
    QString m_label;
    QString m_kindText; ///< what the second line says ("Vector DB", "Unknown kind (x)")
    QColor m_accent;
    QString m_icon;
    bool m_known = true;
    bool m_pinned = false; ///< props.pinned: drawn as a pin glyph
    bool m_hovered = false;
    ConnectFeedback m_feedback = ConnectFeedback::None;
};

} // namespace mls
