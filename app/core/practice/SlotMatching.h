// SPDX-License-Identifier: MIT
#pragma once

#include "Problem.h"

#include <QVector>

#include <utility>

namespace mls {

class DesignGraph;

/// One role slot of the rubric, in the global matching.
struct SlotRef
{
    int item;
    int slot;
    double share; ///< the item's points divided by its slot count
};

/// The kind-constrained assignment of components to the role slots of every roles item.
///
/// A maximum bipartite matching (augmenting paths) taking slots in order of their points
/// (ties: rubric order): each component fills at most one slot in the whole rubric. Because the
/// matchable slot sets form a matroid, which slots get filled depends only on the graph, never
/// on the order of the components. Pass one places components where the slot wants them; pass
/// two fills what is left with components of the right kind placed elsewhere (half credit).
class SlotMatching
{
public:
    SlotMatching(const DesignGraph &g, const Problem &p);

    /// The component filling (item, slot), and whether it sits where the slot wants it;
    /// (-1, false) when the slot stays empty.
    std::pair<int, bool> filler(int item, int slot) const;

private:
    bool eligible(int s, int v, bool strict) const;
    bool augment(int s, bool strict, QVector<bool> &seen);
    void run(bool strict);

    const DesignGraph &m_g;
    const Problem &m_p;
    QVector<SlotRef> m_slots;
    QVector<int> m_owner; ///< component → slot index; -1 free; -3 taken in pass one
    QVector<int> m_strict;
    QVector<int> m_loose;
};

} // namespace mls
