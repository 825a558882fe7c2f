// SPDX-License-Identifier: MIT
#include "Waivers.h"

#include "Diagram.h"

namespace mls::waivers {

void apply(const Diagram &d, QVector<Finding> &findings)
{
    apply(d, findings.data(), findings.data() + findings.size());
}

void apply(const Diagram &d, Finding *first, Finding *last)
{
    auto waiverFor = [](const QVector<Waiver> &waivers, const QString &rule) -> const Waiver * {
        for (const Waiver &w : waivers) {
            if (w.rule == rule)
                return &w;
        }
        return nullptr;
    };
    for (Finding *f = first; f != last; ++f) {
        const Waiver *w = nullptr;
        for (int i = 0; !w && i < f->components.size(); ++i) {
            if (const Component *c = d.component(f->components[i]))
                w = waiverFor(c->waivers, f->rule);
        }
        for (int i = 0; !w && i < f->connections.size(); ++i) {
            if (const Connection *c = d.connection(f->connections[i]))
                w = waiverFor(c->waivers, f->rule);
        }
        f->waived = w != nullptr;
        f->waiverReason = w ? w->reason : QString();
    }
}

} // namespace mls::waivers
