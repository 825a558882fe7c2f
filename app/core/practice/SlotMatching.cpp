// SPDX-License-Identifier: MIT
#include "SlotMatching.h"

#include "DesignGraph.h"

#include <algorithm>

namespace mls {

SlotMatching::SlotMatching(const DesignGraph &g, const Problem &p) : m_g(g), m_p(p)
{
    for (int i = 0; i < p.items.size(); ++i) {
        const RubricItem &item = p.items[i];
        if (item.type != RubricItem::Type::Roles)
            continue;
        for (int s = 0; s < item.roleSlots.size(); ++s)
            m_slots.push_back({i, s, item.points / item.roleSlots.size()});
    }
    std::stable_sort(m_slots.begin(), m_slots.end(),
                     [](const SlotRef &a, const SlotRef &b) { return a.share > b.share; });
    m_owner.fill(-1, g.size());
    m_strict.fill(-1, m_slots.size());
    m_loose.fill(-1, m_slots.size());
    run(true);
    QVector<int> taken = m_owner; // pass two may not take pass one's components
    m_owner.fill(-1, g.size());
    for (int v = 0; v < g.size(); ++v) {
        if (taken[v] >= 0)
            m_owner[v] = -3; // reserved
    }
    run(false);
}

std::pair<int, bool> SlotMatching::filler(int item, int slot) const
{
    for (int s = 0; s < m_slots.size(); ++s) {
        if (m_slots[s].item == item && m_slots[s].slot == slot)
            return m_strict[s] >= 0 ? std::pair(m_strict[s], true) : std::pair(m_loose[s], false);
    }
    return {-1, false};
}

bool SlotMatching::eligible(int s, int v, bool strict) const
{
    const RoleSlot &slot = m_p.items[m_slots[s].item].roleSlots[m_slots[s].slot];
    return slot.kinds.contains(m_g.kind(v)) && (!strict || m_g.fits(v, slot.where));
}

bool SlotMatching::augment(int s, bool strict, QVector<bool> &seen)
{
    QVector<int> &assigned = strict ? m_strict : m_loose;
    for (int v = 0; v < m_g.size(); ++v) {
        if (seen[v] || m_owner[v] == -3 || !eligible(s, v, strict))
            continue;
        seen[v] = true;
        if (m_owner[v] < 0 || augment(m_owner[v], strict, seen)) {
            m_owner[v] = s;
            assigned[s] = v;
            return true;
        }
    }
    return false;
}

void SlotMatching::run(bool strict)
{
    for (int s = 0; s < m_slots.size(); ++s) {
        if (!strict && m_strict[s] >= 0)
            continue;
        QVector<bool> seen(m_g.size(), false);
        augment(s, strict, seen);
    }
}

} // namespace mls
