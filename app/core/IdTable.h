// SPDX-License-Identifier: MIT
#pragma once

#include "IdKey.h"

#include <QHashSeed>
#include <QString>

#include <memory>
#include <utility>

namespace mls {

/// An ElementList's index from id to node: open addressing with linear probing over 16-byte
/// slots, each holding the node, its last known file position and 32 bits of its id's hash.
///
/// A large diagram's table does not fit in the cache, so what a lookup costs is the memory it
/// touches. QHash keeps a slot's key apart from its place in the probe sequence and compares
/// every key it passes, reading each one's characters from a third place: on a 100,000-element
/// file that was a fifth of a load. Here a probe reads consecutive slots and compares their
/// stored hash bits, so it reads an id's characters only for the slot that holds it (1 in 4
/// billion otherwise), and growing moves slots without hashing an id again. The id is the
/// node's own (@p Node::item.id): the table holds no copy of it, so no id can go stale, and a
/// node must leave the table before it is freed. Ids are hashed by hashId() with Qt's
/// per-process seed, so a hostile file cannot choose ids that pile onto one probe sequence.
template <typename Node> class IdTable
{
public:
    IdTable() : m_seed(QHashSeed::globalSeed()) {}

    struct Slot
    {
        Node *node = nullptr; ///< nullptr: free
        quint32 hash = 0;     ///< the id's hash, low 32 bits (its home is hash & mask)
        int index = -1;       ///< last known file position; may be stale (ElementList::indexOf)
    };

    /// The slot holding @p id, or nullptr.
    Slot *find(const QString &id) const
    {
        if (m_size == 0)
            return nullptr;
        const quint32 h = hashOf(id);
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            Slot &s = m_slots[i];
            if (!s.node)
                return nullptr;
            if (s.hash == h && sameId(s.node->item.id, id))
                return &s;
        }
    }

    /// Starts reading the slot where a lookup of @p id begins: a hint, no effect on content.
    /// A reader that knows which ids it will look up next overlaps their cache misses.
    void prefetch(const QString &id) const
    {
        if (m_size != 0)
            __builtin_prefetch(&m_slots[hashOf(id) & m_mask]);
    }

    /// Starts reading the node a lookup of @p id would compare first, once prefetch() has
    /// brought its slot in: a hint, no effect on content.
    void prefetchNode(const QString &id) const
    {
        if (m_size == 0)
            return;
        const quint32 h = hashOf(id);
        for (size_t i = h & m_mask; m_slots[i].node; i = (i + 1) & m_mask) {
            if (m_slots[i].hash == h) {
                __builtin_prefetch(m_slots[i].node);
                return;
            }
        }
    }

    /// Adds @p node (whose id must be absent) at file position @p index. Out of memory, it
    /// throws with the table as it was.
    void insert(Node *node, int index)
    {
        if ((m_size + 1) * 2 > capacity())
            rehash(capacity() ? capacity() * 2 : 16);
        place(Slot{node, hashOf(node->item.id), index});
        ++m_size;
    }

    /// Removes @p node; reads its id, so call before freeing it. A node that is not in the
    /// table (a broken caller) is left alone.
    void remove(const Node *node)
    {
        if (m_size == 0)
            return;
        const quint32 h = hashOf(node->item.id);
        size_t i = h & m_mask;
        for (; m_slots[i].node != node; i = (i + 1) & m_mask) {
            if (!m_slots[i].node) {
                Q_ASSERT_X(false, "IdTable::remove", "the node is not in the table");
                return;
            }
        }
        // Backward shift: move each later slot of the run whose home is not between the hole
        // and itself back into the hole, so no probe sequence is cut short (no tombstones).
        for (size_t j = i;;) {
            j = (j + 1) & m_mask;
            const Slot &s = m_slots[j];
            if (!s.node)
                break;
            const size_t home = s.hash & m_mask;
            const bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                m_slots[i] = s;
                i = j;
            }
        }
        m_slots[i] = Slot{};
        --m_size;
    }

    /// Room for @p n ids without growing.
    void reserve(size_t n)
    {
        size_t wanted = 16;
        while (wanted < n * 2)
            wanted *= 2;
        if (wanted > capacity())
            rehash(wanted);
    }

    size_t size() const { return m_size; }

private:
    quint32 hashOf(const QString &id) const
    {
        return quint32(hashId(id.constData(), id.size(), m_seed));
    }
    size_t capacity() const { return m_slots ? m_mask + 1 : 0; }

    void place(const Slot &slot)
    {
        size_t i = slot.hash & m_mask;
        while (m_slots[i].node)
            i = (i + 1) & m_mask;
        m_slots[i] = slot;
    }

    /// Moves every slot into a table of @p n (a power of two) slots: no id is hashed again.
    /// Out of memory, it throws with the table as it was.
    void rehash(size_t n)
    {
        std::unique_ptr<Slot[]> fresh(new Slot[n]);
        const size_t oldCapacity = capacity();
        std::unique_ptr<Slot[]> old = std::exchange(m_slots, std::move(fresh));
        m_mask = n - 1;
        for (size_t i = 0; i < oldCapacity; ++i) {
            if (old[i].node)
                place(old[i]);
        }
    }

    size_t m_seed;
    std::unique_ptr<Slot[]> m_slots;
    size_t m_mask = 0; ///< capacity - 1
    size_t m_size = 0;
};

} // namespace mls
