// SPDX-License-Identifier: MIT
#pragma once

#include "IdKey.h"

#include <QHash>
#include <QString>

#include <utility>
#include <vector>

namespace mls {

/// What RuleEngine remembers per component or connection id for its re-checks, filled by a
/// full check without hashing: a full check appends every id in file order, and the ids are
/// hashed only when a re-check looks many of them up. A few look-ups first scan the list,
/// comparing the characters' address before the characters (an edit names its items by copies
/// of their ids, which share them), so a check followed by one small edit hashes nothing, and a
/// check never followed by a re-check (the command line, a new document) neither.
///
/// The interface is the part of QHash that the engine uses. Ids are unique, as a diagram's
/// are; should one be appended twice, the last value counts, as with QHash::insert.
template <typename T> class KeptById
{
public:
    using Hash = QHash<IdKey, T>; ///< hashed by IdKey: see IdKey.h

    /// Look-ups by scanning the appended list before it is hashed: a scan of 30,000 entries
    /// by address costs about what hashing 30 of them does.
    static constexpr int scansBeforeHashing = 16;

    /// A found entry: dereferences to the value, compares with constEnd().
    class const_iterator
    {
    public:
        const_iterator() = default;
        explicit const_iterator(const T *value) : m_value(value) {}
        const T &operator*() const { return *m_value; }
        const T *operator->() const { return m_value; }
        bool operator==(const const_iterator &o) const { return m_value == o.m_value; }
        bool operator!=(const const_iterator &o) const { return m_value != o.m_value; }

    private:
        const T *m_value = nullptr;
    };

    void clear()
    {
        m_list.clear();
        m_hash.clear();
        m_hashed = false;
        m_scans = 0;
    }
    /// Room for @p n appended ids.
    void reserve(qsizetype n) { m_list.reserve(size_t(n)); }
    /// No room kept past the appended ids (a list filled without knowing its size first).
    void squeeze()
    {
        if (!m_hashed)
            m_list.shrink_to_fit();
    }
    /// Adds @p id as the full check meets it (an id already kept is overwritten on hashing).
    void append(const QString &id, T value)
    {
        if (m_hashed)
            m_hash.insert(IdKey{id}, std::move(value));
        else
            m_list.emplace_back(id, std::move(value));
    }

    const_iterator constFind(const QString &id) const
    {
        if (const T *v = find(id))
            return const_iterator(v);
        return constEnd();
    }
    const_iterator constEnd() const { return const_iterator(); }
    bool contains(const QString &id) const { return find(id) != nullptr; }
    T value(const QString &id) const
    {
        const T *v = find(id);
        return v ? *v : T();
    }
    void insert(const QString &id, T value)
    {
        if (T *v = const_cast<T *>(find(id)))
            *v = std::move(value);
        else
            append(id, std::move(value));
    }
    void remove(const QString &id)
    {
        if (m_hashed || m_scans >= scansBeforeHashing) {
            hashAll();
            m_hash.remove(IdKey::view(id));
            return;
        }
        // Every matching entry goes (an id appended twice is one key of a QHash).
        ++m_scans;
        for (size_t i = m_list.size(); i-- > 0;) {
            if (m_list[i].first == id) {
                m_list[i] = std::move(m_list.back());
                m_list.pop_back();
            }
        }
    }

private:
    const T *find(const QString &id) const
    {
        if (m_hashed || m_scans >= scansBeforeHashing) {
            hashAll();
            const auto it = m_hash.constFind(IdKey::view(id));
            return it == m_hash.constEnd() ? nullptr : &*it;
        }
        ++m_scans;
        // The last entry of an id wins, as it would in the hash: scan backwards.
        for (size_t i = m_list.size(); i-- > 0;) {
            const QString &key = m_list[i].first;
            if (key.constData() == id.constData() && key.size() == id.size())
                return &m_list[i].second;
        }
        for (size_t i = m_list.size(); i-- > 0;) {
            if (m_list[i].first == id)
                return &m_list[i].second;
        }
        return nullptr;
    }
    void hashAll() const
    {
        if (m_hashed)
            return;
        m_hash.reserve(qsizetype(m_list.size()));
        for (auto &entry : m_list)
            m_hash.insert(IdKey{std::move(entry.first)}, std::move(entry.second));
        m_list = {};
        m_hashed = true;
    }

    mutable std::vector<std::pair<QString, T>> m_list; ///< appended, not hashed yet
    mutable Hash m_hash;
    mutable bool m_hashed = false;
    mutable int m_scans = 0;
};

} // namespace mls
