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
        const FindingIds components = f->components();
        for (qsizetype i = 0; !w && i < components.size(); ++i) {
            if (const Component *c = d.component(components[i]))
                w = waiverFor(c->waivers, f->rule());
        }
        const FindingIds connections = f->connections();
        for (qsizetype i = 0; !w && i < connections.size(); ++i) {
            if (const Connection *c = d.connection(connections[i]))
                w = waiverFor(c->waivers, f->rule());
        }
        if (w || f->waived())
            f->setWaiver(w != nullptr, w ? w->reason : QString());
    }
}

} // namespace mls::waivers
