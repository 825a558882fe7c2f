#pragma once

#include "CardStyle.h"

#include <QGraphicsScene>
#include <QHash>

namespace mls {

class Diagram;
class ComponentItem;
class ConnectionItem;
class GroupItem;

/// The board: a projection of a Diagram. Keeps id → item maps and follows the model's signals;
/// it never changes the model itself.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit DiagramScene(Diagram *diagram, QObject *parent = nullptr);

    Diagram *diagram() const { return m_diagram; }
    const CardStyle &style() const { return m_style; }
    void setStyle(const CardStyle &style);
    bool gridVisible() const { return m_gridVisible; }
    void setGridVisible(bool visible);
    static constexpr qreal gridSize = 20;

    ComponentItem *componentItem(const QString &id) const { return m_components.value(id); }
    ConnectionItem *connectionItem(const QString &id) const { return m_connections.value(id); }
    GroupItem *groupItem(const QString &id) const { return m_groups.value(id); }

    /// Bounding box of everything drawn, with a margin (what Fit and export frame).
    QRectF contentRect() const;

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void rebuild();
    void addComponent(const QString &id);
    void removeComponent(const QString &id);
    void syncComponent(const QString &id);
    void componentMoved(const QString &id);
    void addConnection(const QString &id);
    void removeConnection(const QString &id);
    void syncConnection(const QString &id);
    void routeConnection(ConnectionItem *item);
    void addGroup(const QString &id);
    void removeGroup(const QString &id);
    void syncGroup(const QString &id);
    void fitGroup(GroupItem *item);

    Diagram *m_diagram; ///< not owned; outlives the scene
    CardStyle m_style;
    bool m_gridVisible = true;
    QHash<QString, ComponentItem *> m_components;
    QHash<QString, ConnectionItem *> m_connections;
    QHash<QString, GroupItem *> m_groups;
};

} // namespace mls
