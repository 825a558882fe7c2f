// SPDX-License-Identifier: MIT
#pragma once

#include "Catalog.h"
#include "Rule.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace mls {

/// Loads and validates rule packs: resources/rules/core.json and users' custom packs.
///
/// Schema: `{"format": "mlsketch-rules", "version": 1, "rules": [ {...}, ... ]}`; each rule has
/// "id" (`PREFIX-nnn`), "severity" (info|warning|error), "title", "message", "explanation",
/// "fix", "check" (an evaluator of RuleChecks.h) and, as that check requires, "kinds",
/// "flows", "from_kinds", "to_kinds" (catalog ids).
class RulePack
{
public:
    /// Parses @p json; on failure returns nullopt and sets @p error to
    /// "<file>: rules[3] (\"MLS-004\"): <what>".
    static std::optional<QVector<Rule>> fromJson(const QByteArray &json, const QString &fileName,
                                                 const Catalog &catalog, QString *error);
    /// Reads and parses a pack file.
    static std::optional<QVector<Rule>> fromFile(const QString &path, const Catalog &catalog,
                                                 QString *error);
    /// The built-in rules (":/rules/core.json"). Aborts naming the entry when broken (a build
    /// defect, caught by tst_rules).
    static const QVector<Rule> &core();
};

} // namespace mls
