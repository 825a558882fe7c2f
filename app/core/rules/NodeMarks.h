// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>
#include <QtGlobal>

#include <vector>

namespace mls {

/// A set of node indexes of a RuleGraph that starts empty in O(1).
///
/// Rules walk the graph once per model server, trainer or store; a fresh `seen` array per walk
/// costs O(nodes) to allocate and clear, which makes a rule quadratic on a design with many such
/// components even when each walk visits two nodes (250,000 unconnected model servers took 20 s).
/// Each NodeMarks borrows a stamp array kept per thread and per nesting level (a walk inside
/// another walk's loop gets its own level) and starts a new epoch instead of clearing it.
/// The node visits left to the walks of one rule on this thread. While a WalkBudget is alive,
/// every NodeMarks created on its thread charges it one step per newly marked node; once it is
/// spent, no walk marks anything more, so each walk ends at once and exhausted() tells the
/// rule engine to set the rule's findings aside (they may be wrong) and say so. Without one,
/// walks are unbounded (tests of single walks).
class WalkBudget
{
public:
    explicit WalkBudget(qint64 steps);
    ~WalkBudget();
    WalkBudget(const WalkBudget &) = delete;
    WalkBudget &operator=(const WalkBudget &) = delete;

    bool exhausted() const { return m_left < 0; }
    /// Steps taken so far (past the budget when exhausted()).
    qint64 used() const { return m_steps - m_left; }

private:
    friend class NodeMarks;
    qint64 m_steps;
    qint64 m_left;
    WalkBudget *m_outer;
};

/// While alive, every node a NodeMarks created on this thread newly marks is appended to a
/// list: the footprint of a rule's walks from one start, which tells a re-check whether an
/// edited connection can change that start's findings (a walk that never marks either end of
/// a connection never looks at it).
class MarkLog
{
public:
    explicit MarkLog(std::vector<int> *into);
    ~MarkLog();
    MarkLog(const MarkLog &) = delete;
    MarkLog &operator=(const MarkLog &) = delete;

private:
    std::vector<int> *m_outer;
};

class NodeMarks
{
public:
    explicit NodeMarks(int nodeCount);
    ~NodeMarks();
    NodeMarks(const NodeMarks &) = delete;
    NodeMarks &operator=(const NodeMarks &) = delete;

    bool contains(int node) const { return (*m_stamps)[size_t(node)] == m_epoch; }
    /// Marks @p node; true when it was not marked before.
    bool insert(int node)
    {
        quint32 &s = (*m_stamps)[size_t(node)];
        if (s == m_epoch)
            return false;
        if (m_budget && --m_budget->m_left < 0)
            return false;
        s = m_epoch;
        if (m_log)
            m_log->push_back(node);
        return true;
    }

private:
    std::vector<quint32> *m_stamps;
    WalkBudget *m_budget;
    std::vector<int> *m_log;
    quint32 m_epoch;
};

/// A list of node indexes (a walk's queue) that borrows its storage from a per-thread pool, one
/// buffer per nesting level as NodeMarks does: the walks of a rule run once per start, and a
/// fresh vector per walk was an allocation and its growth per start.
class NodeQueue
{
public:
    NodeQueue();
    ~NodeQueue();
    NodeQueue(const NodeQueue &) = delete;
    NodeQueue &operator=(const NodeQueue &) = delete;

    void push_back(int node) { m_list->push_back(node); }
    int operator[](size_t i) const { return (*m_list)[i]; }
    size_t size() const { return m_list->size(); }
    bool empty() const { return m_list->empty(); }
    const int *begin() const { return m_list->data(); }
    const int *end() const { return m_list->data() + m_list->size(); }
    /// The nodes from position @p first on, as a list of their own.
    QVector<int> toVector(size_t first = 0) const
    {
        return first < size() ? QVector<int>(begin() + first, end()) : QVector<int>();
    }

private:
    std::vector<int> *m_list;
};

} // namespace mls
