// SPDX-License-Identifier: MIT
#pragma once

#include "RuleGraph.h"

#include <QVector>

#include <initializer_list>

namespace mls {

/// A set of flows, for walks that follow some flows and not others.
class FlowSet
{
public:
    FlowSet(std::initializer_list<RuleGraph::Flow> flows)
    {
        for (RuleGraph::Flow f : flows)
            m_bits |= bit(f);
    }
    /// Every flow except @p flows.
    static FlowSet allBut(std::initializer_list<RuleGraph::Flow> flows)
    {
        FlowSet s{};
        s.m_bits = ~FlowSet(flows).m_bits;
        return s;
    }
    bool contains(RuleGraph::Flow f) const { return m_bits & bit(f); }

private:
    static unsigned bit(RuleGraph::Flow f) { return 1u << unsigned(f); }
    unsigned m_bits = 0;
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
QVector<int> upstream(const RuleGraph &g, int node, FlowSet follow, bool stopAtOnline = false);
/// Nodes downstream of @p nodes over edges whose flow is in @p follow, not entering online
/// components, trainers or evaluation gates (excluding the start nodes unless reached again).
QVector<int> downstreamOffline(const RuleGraph &g, const QVector<int> &nodes, FlowSet follow);
/// The nodes that hold the predictions of @p model (which is included): its own
/// `predictions` and `metrics` edges; the callers of an online holder (the answer of a call
/// goes back); the outgoing `predictions` edges of other online holders; and from a stream, store
/// or batch holder, edges whose flow is in @p relay. Trainers, gates and registries are reached but
/// not walked past.
QVector<int> predictionHolders(const RuleGraph &g, int model, FlowSet relay);

} // namespace lineage

} // namespace mls
