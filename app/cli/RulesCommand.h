// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch rules [--format text|json] [--rules FILE]...` lists every rule;
/// `mlsketch explain RULE-ID [--rules FILE]...` prints one rule's title, why and fix.
///
/// Exit codes: 0 done, 2 a bad option, an unreadable rule pack or (explain) an unknown id.
class RulesCommand
{
public:
    /// `mlsketch rules`; @p args are the arguments after "rules".
    static int list(const QStringList &args, QTextStream &out, QTextStream &err);
    /// `mlsketch explain`; @p args are the arguments after "explain".
    static int explain(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
