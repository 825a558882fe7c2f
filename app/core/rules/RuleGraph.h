#pragma once

#include "Catalog.h"
#include "Diagram.h"

#include <QHash>
#include <QStringList>
#include <QVector>

namespace mls {

/// An index of (part of) a diagram for the rule checks: components and connections by
/// position, with adjacency lists, so graph algorithms run on ints instead of id hashes.
///
/// A region graph holds whole weakly connected parts of the diagram, so every connection of
/// a component in it is in it too; that is what lets a re-check run the graph rules on the
/// edited part only.
class RuleGraph
{
public:
    struct Edge
    {
        const Connection *connection = nullptr;
        int from = -1;
        int to = -1;
    };

    /// The whole diagram.
    static RuleGraph whole(const Diagram &d, const Catalog &catalog);
    /// The weakly connected parts of @p d that contain any of @p seeds (unknown ids ignored).
    static RuleGraph region(const Diagram &d, const Catalog &catalog, const QStringList &seeds);

    const Diagram &diagram() const { return *m_diagram; }
    const Catalog &catalog() const { return *m_catalog; }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    const Component &node(int i) const { return *m_nodes[i]; }
    /// Kind info of node @p i, or nullptr for an unknown kind.
    const KindInfo *kind(int i) const { return m_kinds[i]; }
    const Edge &edge(int i) const { return m_edges[i]; }
    /// Edge indexes leaving / entering node @p i.
    const QVector<int> &out(int i) const { return m_out[i]; }
    const QVector<int> &in(int i) const { return m_in[i]; }
    /// Node index of a component id, or -1.
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    /// The node's kind id is one of @p kinds.
    bool isKind(int i, const QStringList &kinds) const { return kinds.contains(m_nodes[i]->kind); }
    /// Placement of node @p i; unknown kinds count as Offline (never on the request path).
    Placement placement(int i) const;
    /// Label of node @p i (its id when the label is empty).
    QString label(int i) const;

private:
    void addNode(const Component *c);
    void addEdge(const Connection *c);

    const Diagram *m_diagram = nullptr;
    const Catalog *m_catalog = nullptr;
    QVector<const Component *> m_nodes;
    QVector<const KindInfo *> m_kinds;
    QVector<Edge> m_edges;
    QVector<QVector<int>> m_out;
    QVector<QVector<int>> m_in;
    QHash<QString, int> m_index;
};

} // namespace mls
