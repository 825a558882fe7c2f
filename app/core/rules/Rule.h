// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace mls {

/// A design rule as loaded from a rule pack (resources/rules/core.json or a custom file).
///
/// `check` names the evaluator: a data check parameterised by kinds and flows
/// ("requires_incoming", "forbidden_connection", ...) or a graph check implemented in C++
/// ("sync_cycle", "latency_budget", ...). See RulePack for the schema.
struct Rule
{
    QString id; ///< "MLS-004"; stable, used by waivers and severity overrides
    Severity severity = Severity::Warning; ///< default severity
    QString title;                         ///< short name for lists
    QString message;       ///< template; {component}, {from}, {to}, {flow}, ... are filled in
    QString explanation;   ///< why it matters, 2–4 sentences
    QString fix;           ///< what to change
    QString check;         ///< evaluator name
    QStringList kinds;     ///< kinds the rule applies to (check-specific)
    QStringList flows;     ///< flows the rule looks at (check-specific)
    QStringList fromKinds; ///< allowed / matched source kinds (check-specific)
    QStringList toKinds;   ///< matched target kinds (check-specific)
    QString source;        ///< file the rule came from, for messages
};

/// Value of a message placeholder ("from" for "{from}"); called only for names in the template.
using MessageArgs = std::function<QString(QStringView name)>;

/// Writes the value of message placeholder @p name at the end of @p out and returns true, or
/// returns false for a name it does not know (the placeholder is then kept as written). The
/// form the rule checks use: a value goes straight into the message, with no string of its own.
using MessageWriter = std::function<bool(QStringView name, QString &out)>;

/// Builds a Finding of @p rule, filling each "{name}" of its message from @p args.
Finding makeFinding(const Rule &rule, Severity severity, const MessageArgs &args,
                    const QStringList &components, const QStringList &connections);
/// The same with the ids in one list, components first (Finding's constructor).
Finding makeFinding(const Rule &rule, Severity severity, const MessageArgs &args, QStringList ids,
                    qsizetype componentCount);
/// The same with the values written by @p write.
Finding makeFinding(const Rule &rule, Severity severity, const MessageWriter &write,
                    QStringList ids, qsizetype componentCount);

} // namespace mls
