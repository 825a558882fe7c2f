// SPDX-License-Identifier: MIT
#pragma once

#include <QHashFunctions>
#include <QString>

#include <cstring>

namespace mls {

/// Equal ids, read without touching the characters when the two share them (a connection's
/// end and its component's id, an edit's copy of an id): no cache miss on a stored id's text.
inline bool sameId(const QString &a, const QString &b) noexcept
{
    return a.size() == b.size() &&
           (a.constData() == b.constData() ||
            std::memcmp(a.constData(), b.constData(), size_t(a.size()) * sizeof(QChar)) == 0);
}

/// An element id as a QHash key, hashed by hashId() instead of qHash(QString).
///
/// Ids are short ("c12", "api", "e4031") and every load, lookup and check hashes them. Qt 6.4's
/// qHash(QString) reads strings under 16 bytes with an AVX-512 masked load where the CPU has
/// one, and on such machines (seen on a 2 GHz Xeon VM) that call takes about 0.3 µs: over a
/// quarter of loading a 10,000-component file. hashId() is a seeded 128-bit multiply mix in the
/// manner of wyhash: a few nanoseconds on any x86-64, and still keyed by Qt's random per-process
/// seed, so a hostile file cannot choose ids that collide.
struct IdKey
{
    QString id;

    /// A key that borrows @p id's characters for one lookup: no copy, no reference count.
    /// @p id must outlive the key.
    static IdKey view(const QString &id)
    {
        return IdKey{QString::fromRawData(id.constData(), id.size())};
    }

    /// Keys that share their characters are equal without reading them (see sameId()).
    friend bool operator==(const IdKey &a, const IdKey &b) noexcept { return sameId(a.id, b.id); }
    friend bool operator!=(const IdKey &a, const IdKey &b) noexcept { return !(a == b); }
};

namespace detail {

__extension__ typedef unsigned __int128 Wide; // GCC and Clang on 64-bit targets

inline quint64 mixId(quint64 a, quint64 b) noexcept
{
    const Wide r = static_cast<Wide>(a) * b;
    return quint64(r) ^ quint64(r >> 64);
}

inline quint64 read64(const unsigned char *p) noexcept
{
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

} // namespace detail

/// A seeded hash of @p n UTF-16 code units at @p chars (see IdKey).
///
/// Every multiply takes a secret derived from @p seed in one operand and the running state in
/// the other: with public constants alone, a block of text equal to the constant would zero
/// the product and wipe what came before, and any prefix would collide.
inline size_t hashId(const QChar *chars, qsizetype n, size_t seed) noexcept
{
    constexpr quint64 k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                      k2 = 0x8ebc6af09c88c6e3ull, k3 = 0x589965cc75374cc3ull;
    const auto *p = reinterpret_cast<const unsigned char *>(chars);
    size_t len = size_t(n) * sizeof(QChar);
    const quint64 secret = detail::mixId(quint64(seed) ^ k0, k1) ^ k2;
    quint64 h = detail::mixId(quint64(seed) ^ k3, quint64(len) ^ secret);
    for (; len >= 16; len -= 16, p += 16)
        h = detail::mixId(detail::read64(p) ^ secret, detail::read64(p + 8) ^ h);
    unsigned char tail[16] = {};
    // The last 0–15 bytes, zero-padded: nothing is read past the end. A null string's data is
    // nullptr, which memcpy may not be given even for no bytes.
    if (len != 0)
        std::memcpy(tail, p, len);
    h = detail::mixId(detail::read64(tail) ^ secret, detail::read64(tail + 8) ^ h);
    return size_t(detail::mixId(h ^ k1, quint64(len) ^ secret));
}

inline size_t qHash(const IdKey &key, size_t seed = 0) noexcept
{
    return hashId(key.id.constData(), key.id.size(), seed);
}

} // namespace mls
