// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "Finding.h"
#include "Rule.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

namespace mls {

/// Findings as a SARIF 2.1.0 log, for code-scanning tools (GitHub, GitLab, Azure DevOps).
///
/// One run whose driver lists every loaded rule (title as the short description, why as the
/// full description, why and fix as help); one result per finding with the rule's level
/// (error, warning, note), the message, the file as the physical location (the line of the
/// main component's or connection's id, so a review annotates that line) and the components
/// as logical locations. Waived findings carry an in-source suppression with the reason.
class SarifReport
{
public:
    /// @p uri names the checked file as results should refer to it; @p text is its content
    /// (for line numbers; may be empty).
    static QJsonObject build(const QString &uri, const QByteArray &text, const Diagram &d,
                             const QVector<Rule> &rules, const QVector<Finding> &findings);
    /// "error", "warning" or "note".
    static QString level(Severity s);
};

} // namespace mls
