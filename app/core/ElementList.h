// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <algorithm>
#include <iterator>
#include <memory>
#include <vector>

namespace mls {

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

        explicit const_iterator(typename std::vector<std::unique_ptr<T>>::const_iterator it)
            : m_it(it)
        {}
        const T &operator*() const { return **m_it; }
        const T *operator->() const { return m_it->get(); }
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
        typename std::vector<std::unique_ptr<T>>::const_iterator m_it;
    };

    const_iterator begin() const { return const_iterator(m_items.cbegin()); }
    const_iterator end() const { return const_iterator(m_items.cend()); }
    size_t size() const { return m_items.size(); }
    bool empty() const { return m_items.empty(); }
    const T &operator[](size_t i) const { return *m_items[i]; }
    const T &front() const { return *m_items.front(); }
    const T &back() const { return *m_items.back(); }
    /// A plain copy, e.g. for a clipboard fragment.
    std::vector<T> toVector() const
    {
        std::vector<T> v;
        v.reserve(m_items.size());
        for (const auto &p : m_items)
            v.push_back(*p);
        return v;
    }

    bool contains(const QString &id) const { return m_byId.contains(id); }
    /// The element with this id, or nullptr.
    const T *find(const QString &id) const { return m_byId.value(id).item; }
    T *findMutable(const QString &id) { return m_byId.value(id).item; }

    /// File position of an element, or -1.
    int indexOf(const QString &id) const
    {
        auto it = m_byId.find(id);
        if (it == m_byId.end())
            return -1;
        const int n = int(m_items.size());
        const int cached = it->index;
        if (cached < n && m_items[size_t(cached)].get() == it->item)
            return cached;
        // Shifted by recent edits: look a few places either side before a full rescan.
        for (int d = 1; d <= 32; ++d) {
            for (int i : {cached - d, cached + d}) {
                if (i >= 0 && i < n && m_items[size_t(i)].get() == it->item) {
                    it->index = i;
                    return i;
                }
            }
        }
        for (int i = 0; i < n; ++i)
            m_byId[m_items[size_t(i)]->id].index = i;
        return m_byId.value(id).index;
    }

    /// Inserts at @p index (clamped); the id must be new.
    void insert(int index, const T &item)
    {
        index = std::clamp(index, 0, int(m_items.size()));
        auto owned = std::make_unique<T>(item);
        m_byId.insert(item.id, Entry{owned.get(), index});
        m_items.insert(m_items.begin() + index, std::move(owned));
    }

    /// Removes and returns the element at @p index.
    T takeAt(int index)
    {
        T item = std::move(*m_items[size_t(index)]);
        m_items.erase(m_items.begin() + index);
        m_byId.remove(item.id);
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
        m_byId.reserve(n);
    }

private:
    struct Entry
    {
        T *item = nullptr;
        int index = -1; ///< last known position; may be stale, see indexOf()
    };
    std::vector<std::unique_ptr<T>> m_items;
    mutable QHash<QString, Entry> m_byId;
};

} // namespace mls
