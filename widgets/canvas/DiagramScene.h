// SPDX-License-Identifier: MIT
#pragma once

#include "BoardHitTest.h"
#include "CardStyle.h"
#include "Coalesced.h"
#include "ConnectPrompts.h"
#include "ConnectionItem.h"
#include "Finding.h"
#include "IdKey.h"
#include "SceneMarkers.h"
#include "SceneSelection.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <functional>
#include <memory>

class QUndoStack;

namespace mls {

class Diagram;
class ComponentItem;
class ConnectionItem;
class ZoneItem;
class CanvasController;
class SceneNotes;

/// The board: a projection of a Diagram. Keeps id → item maps and follows the model's signals;
/// it never changes the model itself. Its collaborators: the gestures (CanvasController), the
/// notes (SceneNotes), the selection (SceneSelection), the badges and emphasis (SceneMarkers)
/// and the questions a connection asks (ConnectPrompts).
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT
public:
    /// When the constructor builds the items. Later: the scene starts empty until
    /// buildItems(); a window sets it into its view first, as a view activating a scene sorts
    /// every item in it (a large board's open).
    enum class Items
    {
        Now,
        Later
    };
    explicit DiagramScene(Diagram *diagram, QObject *parent = nullptr, Items items = Items::Now);
    ~DiagramScene() override;
    /// Builds the items of a scene constructed with Items::Later.
    void buildItems() { rebuild(); }

    Diagram *diagram() const { return m_diagram; }
    const CardStyle &style() const { return m_style; }
    void setStyle(const CardStyle &style);
    bool gridVisible() const { return m_gridVisible; }
    void setGridVisible(bool visible);
    static constexpr qreal gridSize = 20;

    /// Editing: without an undo stack the board is read-only.
    QUndoStack *undoStack() const { return m_undoStack; }
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap) { m_snap = snap; }
    /// The grid point nearest to @p p when snapping is on, else @p p.
    QPointF snapped(const QPointF &p) const;
    ConnectionItem::Routing routing() const { return m_routing; }
    void setRouting(ConnectionItem::Routing routing);
    /// Whether a connection no flow fits may be drawn anyway (for the rules to flag).
    bool allowIncompatible() const { return m_allowIncompatible; }
    void setAllowIncompatible(bool allow) { m_allowIncompatible = allow; }
    /// Asks which flow a new connection carries; the default pops up a menu. Tests replace it.
    using FlowChooser = ConnectPrompts::FlowChooser;
    void setFlowChooser(FlowChooser chooser) { m_prompts.setFlowChooser(std::move(chooser)); }
    QString chooseFlow(const QStringList &flows, const QPoint &screenPos)
    {
        return m_prompts.chooseFlow(flows, screenPos);
    }
    /// Asks which component a connection dropped on empty canvas creates: @p kinds can take
    /// the flow, @p flows[i] is what kinds[i] would receive. The default pops up a searchable
    /// menu (KindPickerMenu); tests replace it. Empty: nothing.
    using KindChooser = ConnectPrompts::KindChooser;
    void setKindChooser(KindChooser chooser) { m_prompts.setKindChooser(std::move(chooser)); }
    QString chooseKind(const QStringList &kinds, const QStringList &flows, const QPoint &screenPos)
    {
        return m_prompts.chooseKind(kinds, flows, screenPos);
    }
    /// Says why a connection was refused (status message and tooltip).
    void reportRefusal(const QString &reason, const QPoint &screenPos);
    const QString &lastRefusal() const { return m_lastRefusal; }

    QStringList selectedComponentIds() const { return m_selection.components(); }
    QStringList selectedConnectionIds() const { return m_selection.connections(); }
    QStringList selectedGroupIds() const { return m_selection.groups(); }
    QStringList selectedNoteIds() const { return m_selection.notes(); }
    /// Whether any card, arrow, zone or note is selected (cheaper than selectedItems()).
    bool hasSelection() const { return !m_selection.isEmpty(); }
    /// Selects exactly these elements (any mix of component, connection, zone and note ids).
    void selectIds(const QStringList &ids) { m_selection.select(ids); }
    /// Selects every card, arrow, zone and note with one selectionChanged (Ctrl+A on a big
    /// board).
    void selectEverything() { m_selection.selectEverything(); }
    /// Selects a component, centres every view on it and makes it blink (Find, Problems).
    void revealComponent(const QString &id) { m_selection.revealComponent(id); }

    /// Selects the elements, centres every view on them and makes their cards blink (Problems).
    void revealItems(const QStringList &ids) { m_selection.revealItems(ids); }

    /// Design-rule markers: each card and arrow shows a badge for its unwaived findings
    /// (see FindingBadge::markers for which item a finding is marked on).
    void setFindings(const QVector<Finding> &findings) { m_markers.setFindings(findings); }
    bool markersVisible() const { return m_markers.visible(); }
    /// The findings badged on the card or arrow @p id, as tooltip lines (empty when none).
    QString markerToolTip(const QString &id) const { return m_markers.toolTip(id); }
    /// Shows or hides the badges (e.g. for an export without markers).
    void setMarkersVisible(bool visible);
    /// Emphasises these cards and arrows (a critical path); empty lists clear it.
    void setHighlighted(const QStringList &components, const QStringList &connections)
    {
        m_markers.setHighlighted(components, connections);
    }
    /// Colours cards to pair them with another board's (practice: attempt and reference);
    /// an empty map clears it.
    void setPairColors(const QHash<QString, QColor> &colors) { m_markers.setPairColors(colors); }

    /// The card, zone title, note or arrow under @p scenePos (never a temporary drag item).
    QGraphicsItem *interactiveItemAt(const QPointF &scenePos) const
    {
        return BoardHitTest::interactiveItemAt(*this, scenePos);
    }
    ComponentItem *componentAt(const QPointF &scenePos) const
    {
        return BoardHitTest::componentAt(*this, scenePos);
    }
    /// During a drag: shows cards (centres) and notes (top-left corners) at @p positions and
    /// dragged zones shifted by @p zoneDelta,
    /// without touching the model. endPreview() puts every item back where the model says.
    void previewMove(const QHash<QString, QPointF> &positions, const QStringList &zones,
                     const QPointF &zoneDelta);
    void endPreview();

    ComponentItem *componentItem(const QString &id) const
    {
        return m_components.value(IdKey::view(id));
    }
    ConnectionItem *connectionItem(const QString &id) const
    {
        return m_connections.value(IdKey::view(id));
    }
    ZoneItem *zoneItem(const QString &id) const { return m_zones.value(id); }
    /// The item of any element id (component, connection, zone or note), or nullptr.
    QGraphicsItem *itemFor(const QString &id) const;
    /// The board's notes: their items and the in-place text editor.
    SceneNotes *notes() const { return m_notes; }

    /// Draws the zone where the model says (after a resize preview).
    void refitZone(const QString &groupId);
    /// The cards of a zone's members, united (scene coordinates; null without members).
    QRectF membersRect(const QString &groupId) const;

    /// The depth of the scene's BSP index for a board of @p items cards, arrows and zones.
    static int bspDepthFor(qsizetype items);

    /// What hovering @p item shows: a card's or an arrow's tooltip (an arrow's label shows its
    /// arrow's) built now, any other item's own toolTip().
    static QString toolTipOf(const QGraphicsItem *item);

    /// Grows the scene rectangle to take @p sceneRect in. The board sets its rectangle itself
    /// (Qt's own would unite every item after each change): built around the board, it grows
    /// as cards, arrows, zones, notes and label pills are added or moved, and never shrinks.
    void growSceneRect(const QRectF &sceneRect);

    /// Bounding box of everything drawn, with a margin (what Fit and export frame).
    QRectF contentRect() const;
    /// Whether the board shows anything of the design (cards, arrows, zones, notes); cheap,
    /// unlike items(), which sorts the whole scene.
    bool hasContent() const;

Q_SIGNALS:
    /// Double-click on a card or a zone title: the view edits the label in place.
    void labelEditRequested(const QString &id);
    void statusMessage(const QString &text);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    /// Shows the tooltip of the topmost item under the cursor that has one (toolTipOf), as
    /// QGraphicsScene does with the items' stored tooltips.
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

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
    void deleteItem(QGraphicsItem *item);
    void syncGroup(const QString &id);
    void fitZone(ZoneItem *item);
    void restack();
    /// Deepens the index when the board has grown past what its depth was chosen for.
    void fitIndexTo(qsizetype items);
    /// The cards, arrows and zones on the board (what the index depth is fitted to).
    qsizetype boardItemCount() const
    {
        return m_components.size() + m_connections.size() + m_zones.size();
    }

    Diagram *m_diagram; ///< not owned; outlives the scene
    CardStyle m_style;
    bool m_gridVisible = true;
    bool m_snap = true;
    bool m_allowIncompatible = false;
    ConnectionItem::Routing m_routing = ConnectionItem::Routing::Straight;
    QUndoStack *m_undoStack = nullptr;
    ConnectPrompts m_prompts;
    QString m_lastRefusal;
    bool m_building = false; ///< in rebuild(): the scene rectangle is set once, at the end
    QRectF m_builtRect;      ///< in rebuild(): what growSceneRect() was given
    QHash<QString, QPointF> m_previewed;
    QStringList m_previewZones;
    std::unique_ptr<CanvasController> m_controller;
    SceneNotes *m_notes;                        ///< a child QObject
    friend class SceneSelection;                // walks the item maps for select-all
    QHash<IdKey, ComponentItem *> m_components; ///< hashed by IdKey: see IdKey.h
    QHash<IdKey, ConnectionItem *> m_connections;
    QHash<QString, ZoneItem *> m_zones;
    SceneSelection m_selection{this};
    /// Selected items deleted in a bulk edit: one selectionChanged per turn, not one each.
    Coalesced m_selectionLost{this, [this] { Q_EMIT selectionChanged(); }};
    SceneMarkers m_markers{this};
};

} // namespace mls
