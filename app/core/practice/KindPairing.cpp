// SPDX-License-Identifier: MIT
#include "KindPairing.h"

#include "Diagram.h"

#include <QHash>

namespace mls {

KindPairing KindPairing::of(const Diagram &attempt, const Diagram &reference)
{
    QHash<QString, QStringList> waiting; // kind → reference ids not yet paired
    for (const Component &c : reference.components())
        waiting[c.kind] << c.id;
    KindPairing p;
    for (const Component &c : attempt.components()) {
        QStringList &free = waiting[c.kind];
        if (free.isEmpty())
            p.onlyAttempt << c.id;
        else
            p.pairs.push_back({c.id, free.takeFirst()});
    }
    for (const Component &c : reference.components()) {
        if (waiting.value(c.kind).contains(c.id))
            p.onlyReference << c.id;
    }
    return p;
}

} // namespace mls
