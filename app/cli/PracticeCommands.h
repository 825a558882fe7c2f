// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch grade ATTEMPT --against PROBLEM [--format text|json]` and `mlsketch practice`.
///
/// grade exits 0 when the attempt was graded (whatever the score), 2 when the attempt cannot
/// be read, the problem is unknown (the message lists the ids) or an option is wrong.
class PracticeCommands
{
public:
    static int grade(const QStringList &args, QTextStream &out, QTextStream &err);
    /// Lists the problems: id, difficulty, title, tags and the prompt. `--format json` too.
    static int list(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
