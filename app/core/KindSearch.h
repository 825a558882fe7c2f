// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace mls {

class Catalog;
struct KindInfo;

/// How well a palette search matches a kind: the lower, the better; NoMatch hides it.
enum class KindMatch
{
    ExactName,   ///< the label is the query ("feature store" → Feature store)
    NamePrefix,  ///< the label starts with the query
    WordPrefix,  ///< every word of the query starts a word of the label
    NameText,    ///< every word of the query is somewhere in the label
    IdOrProduct, ///< in the id or a product named in the description ("kafka")
    OtherText,   ///< in the category or the description
    NoMatch,
};

/// The rank of @p kind (of category @p categoryLabel) for the search @p query,
/// case-insensitive; an empty query matches everything as ExactName.
KindMatch matchKind(const KindInfo &kind, const QString &categoryLabel, const QString &query);

/// The ids of the kinds of @p catalog matching @p query, best first (ties: catalog order).
QStringList rankKinds(const Catalog &catalog, const QString &query);

} // namespace mls
