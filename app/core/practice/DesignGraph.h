// SPDX-License-Identifier: MIT
#pragma once

#include "Problem.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mls {

class Diagram;

/// The design as the grader reads it: components as kinds, connections as flows. Built once
/// per grade; knows nothing of ids beyond reporting them, nor of labels, positions or zones.
class DesignGraph
{
public:
    struct Edge
    {
        int to;
        QString flow;
        bool synchronous; ///< the catalog's FlowType::synchronous: a call on the request path
    };

    explicit DesignGraph(const Diagram &d);

    int size() const { return int(m_kind.size()); }
    const QString &kind(int n) const { return m_kind[n]; }
    const QString &id(int n) const { return m_id[n]; }
    const QVector<Edge> &out(int n) const { return m_out[n]; }
    bool connected(int n) const { return m_degree[n] > 0; }
    /// On the request path: a request origin (a client), or called from one through
    /// synchronous arrows (the catalog's FlowType::synchronous, `requests`).
    bool onRequestPath(int n) const { return m_requestPath[n]; }
    /// On the request path, or feeding a component on it with one arrow.
    bool servesRequestPath(int n) const;
    /// True when some request origin calls anything (a request path exists).
    bool hasRequestPath() const { return m_hasRequestPath; }
    bool hasKind(const QStringList &kinds) const;
    bool fits(int n, RoleSlot::Where where) const;

    /// A path of @p spec, as node indices from source to target; empty when there is none.
    /// @p strict false ignores the flow and via constraints (any arrows).
    QVector<int> findPath(const FlowSpec &spec, bool strict = true) const;
    /// A path from node @p from to a component of @p kinds whose last arrow carries one of
    /// @p lastFlow (any when empty); empty when there is none.
    QVector<int> findPathFrom(int from, const QStringList &kinds,
                              const QStringList &lastFlow) const;
    /// Every component of @p targets reached from @p sources (one BFS), with a path to each.
    /// @p first / @p last: this segment starts / ends the whole path (first and last flows).
    QHash<int, QVector<int>> reach(const QVector<int> &sources, const FlowSpec &spec,
                                   const QStringList &targets, bool first, bool last,
                                   bool strict) const;
    /// Ids of nodes.
    QStringList ids(const QVector<int> &nodes) const;

private:
    QVector<QString> m_kind;
    QVector<bool> m_origin; ///< the kind has the catalog role KindRole::RequestOrigin
    QVector<QString> m_id;
    QVector<QVector<Edge>> m_out;
    QVector<int> m_degree;
    QVector<bool> m_requestPath;
    bool m_hasRequestPath = false;
};

} // namespace mls
