// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace mls {

/// How bad a finding is; ordered so that a larger value is more severe.
enum class Severity
{
    Info,
    Warning,
    Error
};

/// "info", "warning" or "error".
QString severityName(Severity s);
/// Parses "info" / "warning" / "error" (case-insensitive); nullopt for anything else.
std::optional<Severity> severityFromName(const QString &name);

/// One rule violation at a place in the diagram.
///
/// key() is its identity across re-checks: the same rule on the same components and
/// connections gives the same key, whatever the labels or the order of the finding list.
struct Finding
{
    QString rule;                          ///< rule id, e.g. "MLS-004"
    Severity severity = Severity::Warning; ///< after per-diagram overrides
    QString title;                         ///< the rule's short title
    QString message;                       ///< one line naming the components by label
    QString explanation;                   ///< why it matters in production ML
    QString fix;                           ///< suggested fix
    QStringList components;  ///< ids of the components involved (first = main subject)
    QStringList connections; ///< ids of the connections involved
    bool waived = false;     ///< a waiver with this rule sits on one of the items
    QString waiverReason;    ///< the reason of that waiver

    /// Stable identity: rule id, sorted component ids and sorted connection ids.
    QString key() const;
    /// True when every field is equal (used by the incremental-vs-full tests).
    bool operator==(const Finding &o) const;
    bool operator!=(const Finding &o) const { return !(*this == o); }
};

} // namespace mls
