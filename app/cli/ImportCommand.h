// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch import FILE.(mmd|md|dot|gv) -o OUT.(mlsketch|mls) [--block N]`: a Mermaid or
/// DOT diagram as a laid-out design; warnings (guessed kinds and flows, redirected or dropped
/// edges) go to stderr.
class ImportCommand
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
