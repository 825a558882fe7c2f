// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace mls {

/// The JSON value type used by the core: keeps object keys in file order, so unknown fields
/// and user properties round-trip in the order they were written.
using Json = nlohmann::ordered_json;

/// Converts between Qt and nlohmann strings (both UTF-8 aware).
inline std::string toStd(const QString &s)
{
    return s.toStdString();
}
inline QString toQt(const std::string &s)
{
    return QString::fromStdString(s);
}

/// True when @p a and @p b hold the same unknown fields: null (an element read without any,
/// or made in code: no allocation per element) and an empty object are the same.
inline bool sameExtra(const Json &a, const Json &b)
{
    const bool noneA = a.is_null() || (a.is_object() && a.empty());
    const bool noneB = b.is_null() || (b.is_object() && b.empty());
    return noneA || noneB ? noneA == noneB : a == b;
}

/// Serialises a value as the file writer does: 2-space indent, UTF-8, invalid bytes replaced.
inline std::string dumpJson(const Json &j, int indent = 2)
{
    return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace mls
