// SPDX-License-Identifier: MIT
#pragma once

#include "Component.h"
#include "Connection.h"
#include "ElementList.h"
#include "Group.h"
#include "Meta.h"
#include "Note.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <vector>

namespace mls {

/// The document: components, connections, zones, notes and meta, in file order, addressed by id.
///
/// The mutators are the primitives that undo commands are built from; views and panels only
/// read and follow the signals. Element order is part of the document (it is the file order),
/// so removing and re-inserting at the same index restores the file byte for byte.
class Diagram : public QObject
{
    Q_OBJECT
public:
    explicit Diagram(QObject *parent = nullptr);
    ~Diagram() override;

    // ---- reading -------------------------------------------------------------------------
    const Meta &meta() const { return m_meta; }
    /// Top-level fields of the file this mlsketch does not know, kept on a round trip.
    const Json &extra() const { return m_extra; }

    const ElementList<Component> &components() const { return m_components; }
    const ElementList<Connection> &connections() const { return m_connections; }
    const ElementList<Group> &groups() const { return m_groups; }
    /// Free text and sticky notes: annotations, not part of the design the rules read.
    const ElementList<Note> &notes() const { return m_notes; }

    /// The component with this id, or nullptr.
    const Component *component(const ComponentId &id) const;
    const Connection *connection(const ConnectionId &id) const;
    const Group *group(const GroupId &id) const;
    const Note *note(const NoteId &id) const;
    /// File-order index of an element, or -1.
    int componentIndex(const ComponentId &id) const { return m_components.indexOf(id); }
    int connectionIndex(const ConnectionId &id) const { return m_connections.indexOf(id); }
    int groupIndex(const GroupId &id) const { return m_groups.indexOf(id); }
    int noteIndex(const NoteId &id) const { return m_notes.indexOf(id); }
    /// True when any component, connection, group or note uses this id.
    bool containsId(const QString &id) const;

    /// Connections leaving / entering a component, optionally only those carrying @p flow.
    QVector<const Connection *> outgoing(const ComponentId &id, const QString &flow = {}) const;
    QVector<const Connection *> incoming(const ComponentId &id, const QString &flow = {}) const;
    /// Ids of all connections touching a component (in and out, each once).
    QStringList connectionsOf(const ComponentId &id) const;
    QStringList componentsOfKind(const QString &kind) const;
    /// Ids of the zones a component belongs to.
    QStringList groupsOf(const ComponentId &id) const;

    /// A fresh id "<prefix><n>" not used by any element.
    QString uniqueId(const QString &prefix) const;

    // ---- primitives for undo commands ---------------------------------------------------
    void setMeta(const Meta &meta);
    void setExtra(const Json &extra) { m_extra = extra; }

    /// Inserts at @p index (clamped to the end). The id must be unused. The insert* primitives
    /// take their element by value: an rvalue (what a reader built) is moved in, not copied.
    void insertComponent(int index, Component c);
    /// Removes and returns the component; its connections must already be gone.
    Component takeComponent(const ComponentId &id);
    /// Replaces every field but the id; emits componentMoved and/or componentChanged.
    void updateComponent(const Component &c);
    void moveComponent(const ComponentId &id, const QPointF &pos);
    /// Moves a component to another place in the file order (which is also the paint order).
    void reorderComponent(const ComponentId &id, int index);

    /// Inserts at @p index; both ends must exist.
    void insertConnection(int index, Connection c);
    Connection takeConnection(const ConnectionId &id);
    /// Replaces label, flow and waivers (the ends of a connection never change).
    void updateConnection(const Connection &c);
    /// Replaces a connection's auto-layout route; emits connectionRouted (not connectionChanged:
    /// a route is only a drawing, no rule or panel cares).
    void setConnectionRoute(const ConnectionId &id, const ConnectionRoute &route);

    void insertGroup(int index, Group g);
    Group takeGroup(const GroupId &id);
    void updateGroup(const Group &g);

    /// Inserts at @p index (clamped to the end). The id must be unused.
    void insertNote(int index, Note n);
    Note takeNote(const NoteId &id);
    /// Replaces every field but the id (text, place, size, style, colour); emits noteChanged.
    void updateNote(const Note &n);
    /// Moves a note's top-left corner to @p topLeft; emits noteChanged.
    void moveNote(const NoteId &id, const QPointF &topLeft);

    /// Reserves capacity before a bulk load.
    void reserve(int components, int connections);

Q_SIGNALS:
    void metaChanged();
    void componentAdded(const QString &id);
    void componentRemoved(const QString &id);
    void componentChanged(const QString &id);
    void componentMoved(const QString &id);
    void componentsReordered();
    void connectionAdded(const QString &id);
    void connectionRemoved(const QString &id);
    void connectionChanged(const QString &id);
    void connectionRouted(const QString &id);
    void groupAdded(const QString &id);
    void groupRemoved(const QString &id);
    void groupChanged(const QString &id);
    void noteAdded(const QString &id);
    void noteRemoved(const QString &id);
    void noteChanged(const QString &id);

private:
    using ConnectionNode = ElementNode<Connection>;
    /// Appends @p n to its source's outgoing and its target's incoming list.
    void linkConnection(ConnectionNode *n);
    void unlinkConnection(ConnectionNode *n);

    Meta m_meta;
    Json m_extra = Json::object();
    ElementList<Component> m_components;
    ElementList<Connection> m_connections;
    ElementList<Group> m_groups;
    ElementList<Note> m_notes;
    // The adjacency (connections leaving and entering each component, in the order they were
    // added) lives in the nodes: ElementLinks<Component> and ElementLinks<Connection>.
};

} // namespace mls
