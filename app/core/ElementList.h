// SPDX-License-Identifier: MIT
#pragma once

#include "IdTable.h"

#include <QString>

#include <algorithm>
#include <iterator>
#include <memory>
#include <vector>

namespace mls {

struct Component;
struct Connection;

/// What an element's node carries beside the element: nothing, except for the links below.
template <typename T> struct ElementLinks
{};

/// One element as its ElementList holds it (behind a stable pointer) with its links.
template <typename T> struct ElementNode
{
    T item;
    ElementLinks<T> links;
};

/// A component's arrows, in the order they were added: the heads and tails of two intrusive
/// lists threaded through the connections' nodes. Kept beside the component, they cost no
/// lookup, no allocation and nothing to free (see Diagram::outgoing).
template <> struct ElementLinks<Component>
{
    ElementNode<Connection> *firstOut = nullptr, *lastOut = nullptr;
    ElementNode<Connection> *firstIn = nullptr, *lastIn = nullptr;
};

/// A connection's places in the outgoing list of its source and the incoming list of its target.
template <> struct ElementLinks<Connection>
{
    ElementNode<Connection> *prevOut = nullptr, *nextOut = nullptr;
    ElementNode<Connection> *prevIn = nullptr, *nextIn = nullptr;
};

/// The elements of one kind (components, connections or zones) in file order, addressed by id.
///
/// Elements live behind stable pointers, so inserting or removing in the middle moves 8 bytes
/// per element instead of whole elements, and id lookups never need a rebuilt index. Positions
/// are cached per id and repaired lazily: after an insert or removal the cached position of a
/// later element is off by a few places, which a short local probe fixes on the next lookup.
/// This keeps undo and redo O(1)-ish on 100,000-element diagrams (see tests/bench).
template <typename T> class ElementList
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T *;
        using reference = const T &;

        explicit const_iterator(
            typename std::vector<std::unique_ptr<ElementNode<T>>>::const_iterator it)
            : m_it(it)
        {}
        const T &operator*() const { return (*m_it)->item; }
        const T *operator->() const { return &(*m_it)->item; }
        const_iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        const_iterator operator++(int) { return const_iterator(m_it++); }
        const_iterator &operator--()
        {
            --m_it;
            return *this;
        }
        const_iterator operator+(difference_type n) const { return const_iterator(m_it + n); }
        difference_type operator-(const const_iterator &o) const { return m_it - o.m_it; }
        bool operator==(const const_iterator &o) const { return m_it == o.m_it; }
        bool operator!=(const const_iterator &o) const { return m_it != o.m_it; }

    private:
        typename std::vector<std::unique_ptr<ElementNode<T>>>::const_iterator m_it;
    };

    const_iterator begin() const { return const_iterator(m_items.cbegin()); }
    const_iterator end() const { return const_iterator(m_items.cend()); }
    size_t size() const { return m_items.size(); }
    bool empty() const { return m_items.empty(); }
    const T &operator[](size_t i) const { return m_items[i]->item; }
    const T &front() const { return m_items.front()->item; }
    const T &back() const { return m_items.back()->item; }
    /// A plain copy, e.g. for a clipboard fragment.
    std::vector<T> toVector() const
    {
        std::vector<T> v;
        v.reserve(m_items.size());
        for (const auto &p : m_items)
            v.push_back(p->item);
        return v;
    }

    bool contains(const QString &id) const { return m_byId.find(id) != nullptr; }
    /// The element with this id, or nullptr.
    const T *find(const QString &id) const
    {
        const ElementNode<T> *n = node(id);
        return n ? &n->item : nullptr;
    }
    T *findMutable(const QString &id)
    {
        ElementNode<T> *n = node(id);
        return n ? &n->item : nullptr;
    }
    /// The node (element and links) with this id, or nullptr.
    ElementNode<T> *node(const QString &id) const
    {
        const auto *slot = m_byId.find(id);
        return slot ? slot->node : nullptr;
    }

    /// A hint that @p id is looked up soon (see IdTable::prefetch).
    void prefetch(const QString &id) const { m_byId.prefetch(id); }
    void prefetchNode(const QString &id) const { m_byId.prefetchNode(id); }

    /// File position of an element, or -1.
    int indexOf(const QString &id) const
    {
        auto *it = m_byId.find(id);
        if (!it)
            return -1;
        const int n = int(m_items.size());
        const int cached = it->index;
        if (cached < n && m_items[size_t(cached)].get() == it->node)
            return cached;
        // Shifted by recent edits: look a few places either side before a full rescan.
        for (int d = 1; d <= 32; ++d) {
            for (int i : {cached - d, cached + d}) {
                if (i >= 0 && i < n && m_items[size_t(i)].get() == it->node) {
                    it->index = i;
                    return i;
                }
            }
        }
        for (int i = 0; i < n; ++i)
            m_byId.find(m_items[size_t(i)]->item.id)->index = i;
        return it->index;
    }

    /// Inserts at @p index (clamped); the id must be new. Moves @p item in (no copy of an
    /// rvalue) and returns its node, with empty links.
    ElementNode<T> *insert(int index, T item)
    {
        index = std::clamp(index, 0, int(m_items.size()));
        std::unique_ptr<ElementNode<T>> owned(new ElementNode<T>{std::move(item), {}});
        ElementNode<T> *n = owned.get();
        m_items.insert(m_items.begin() + index, std::move(owned));
        try { // out of memory: the list as it was, no index entry for a freed node
            m_byId.insert(n, index);
        } catch (...) {
            m_items.erase(m_items.begin() + index);
            throw;
        }
        return n;
    }

    /// Removes and returns the element at @p index.
    T takeAt(int index)
    {
        m_byId.remove(m_items[size_t(index)].get()); // reads the id: before the node goes
        T item = std::move(m_items[size_t(index)]->item);
        m_items.erase(m_items.begin() + index);
        return item;
    }

    /// Moves the element at @p from to position @p to (both valid indexes).
    void move(int from, int to)
    {
        auto owned = std::move(m_items[size_t(from)]);
        m_items.erase(m_items.begin() + from);
        m_items.insert(m_items.begin() + to, std::move(owned));
    }

    void reserve(int n)
    {
        m_items.reserve(size_t(n));
        m_byId.reserve(size_t(std::max(n, 0)));
    }

private:
    std::vector<std::unique_ptr<ElementNode<T>>> m_items;
    IdTable<ElementNode<T>> m_byId; ///< slots' positions may be stale, see indexOf()
};

} // namespace mls
