// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"

#include <QRegularExpression>
#include <QStringList>

#include <memory>

namespace mls::test {

/// Builds a diagram from a compact spec, for rule tables:
/// "c:client a:api_gateway m:model_server=5; c>a:requests a>m:requests"
/// — components "id:kind[=latency_ms]" (label = id), then ";", then "from>to:flow"
/// connections with ids e1, e2, ... in order.
inline std::unique_ptr<Diagram> diagramFromSpec(const QString &spec, double budgetMs = 200)
{
    auto d = std::make_unique<Diagram>();
    Meta meta = d->meta();
    meta.latencyBudgetMs = budgetMs;
    d->setMeta(meta);
    const QStringList parts = spec.split(QLatin1Char(';'));
    int i = 0;
    for (const QString &tok : parts.value(0).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList idKind = tok.split(QLatin1Char(':'));
        const QStringList kindLat = idKind.value(1).split(QLatin1Char('='));
        Component c;
        c.id = idKind.value(0);
        c.label = c.id;
        c.kind = kindLat.value(0);
        c.pos = QPointF(i * 200, 0);
        if (kindLat.size() > 1)
            c.props["latency_ms"] = kindLat.value(1).toDouble();
        d->insertComponent(i++, c);
    }
    int e = 0;
    for (const QString &tok : parts.value(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        static const QRegularExpression re(QStringLiteral("^([^>]+)>([^:]+):(.+)$"));
        const auto m = re.match(tok);
        Connection c;
        c.id = QStringLiteral("e%1").arg(++e);
        c.from = m.captured(1);
        c.to = m.captured(2);
        c.flow = m.captured(3);
        d->insertConnection(e - 1, c);
    }
    return d;
}

} // namespace mls::test
