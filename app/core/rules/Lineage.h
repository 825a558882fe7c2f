// SPDX-License-Identifier: MIT
#pragma once

#include "RuleGraph.h"

#include <QVarLengthArray>
#include <QVector>

#include <initializer_list>

namespace mls {

/// A set of the catalog's flows, for walks that follow some flows and not others.
class FlowSet
{
public:
    /// The flows @p ids of @p g's catalog (an id the catalog does not know matches nothing).
    FlowSet(const RuleGraph &g, std::initializer_list<const char *> ids);
    /// The data a design moves: every flow, known to the catalog or not, except the
    /// synchronous ones (calls, FlowType::synchronous) and @p ids.
    static FlowSet dataBut(const RuleGraph &g, std::initializer_list<const char *> ids);
    /// @p flow is an Edge::flow: a catalog index, or -1 for a flow the catalog does not know.
    bool contains(int flow) const
    {
        const unsigned bit = unsigned(flow + 1);
        return (m_words[bit >> 6] >> (bit & 63)) & 1u;
    }

private:
    /// Bit 0: flows the catalog does not know; bit i + 1: catalog flow i. Kept inline (no
    /// allocation) for catalogs of up to 127 flows: a rule makes its sets once per start.
    QVarLengthArray<quint64, 2> m_words;
};

/// Walks over a RuleGraph that follow models and predictions the way they travel in a
/// production system. Each returns node indexes, each once, in visiting order.
namespace lineage {

/// Nodes upstream of @p node over `model` edges (registries, gates, object stores, trainers);
/// the walk stops at trainers, whose own model input is a base model, not the source.
QVector<int> modelSources(const RuleGraph &g, int node);
/// The trainers that can produce the model @p node runs (through gates and registries).
QVector<int> trainersOf(const RuleGraph &g, int node);
/// Nodes upstream of @p node over edges whose flow is in @p follow (excluding @p node).
/// With @p stopAtOnline, online components are reached but not walked past: what a
/// request-path service emits is a log of serving, not a source of its inputs.
QVector<int> upstream(const RuleGraph &g, int node, const FlowSet &follow,
                      bool stopAtOnline = false);
/// Nodes downstream of @p nodes over edges whose flow is in @p follow, not entering online
/// components, trainers or evaluation gates (excluding the start nodes unless reached again).
QVector<int> downstreamOffline(const RuleGraph &g, const QVector<int> &nodes,
                               const FlowSet &follow);
/// The nodes that hold the predictions of @p model (which is included): its own
/// `predictions` and `metrics` edges; the callers of an online holder (the answer of a call
/// goes back); the outgoing `predictions` edges of other online holders; and from a stream, store
/// or batch holder, edges whose flow is in @p relay. Trainers, gates and registries are reached but
/// not walked past.
QVector<int> predictionHolders(const RuleGraph &g, int model, const FlowSet &relay);

} // namespace lineage

} // namespace mls
