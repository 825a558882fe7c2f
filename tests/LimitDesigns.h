// SPDX-License-Identifier: MIT
#pragma once

#include "Limits.h"

#include <QByteArray>
#include <QString>

namespace mls::test {

/// Generators of large valid .mlsketch files at the documented limits (Limits.h), written as
/// bytes so the whole path (reader, rules, latency) is exercised. Shapes:
///   "chain"   one client calling a chain of every other component (longest request path)
///   "clients" half the components clients, all calling one chain of the other half
///   "fanout"  one client calling one gateway that calls every other component
///   "orphans" every component alone (most findings: one per component)
///   "props"   a few components whose props nest to the depth limit, as wide as the size cap
///             allows (deepest props)
///   "mesh"    components with the connection limit spread as calls (most connections)
///   "shared"  half the components model servers, all reading the end of one feature chain
///             made of the other half (longest walk from the most starts)
class LimitDesigns
{
public:
    static QByteArray make(const QString &shape, const Limits &limits = {})
    {
        QByteArray out = R"({"format":"mlsketch","version":1,"meta":{"latency_budget_ms":100},)";
        const int n = limits.maxComponents;
        auto component = [&](int i, const char *kind, const QByteArray &props = "{}") {
            out += (i ? ",{" : "{");
            out += "\"id\":\"c" + QByteArray::number(i) + "\",\"kind\":\"" + kind +
                   "\",\"label\":\"C" + QByteArray::number(i) +
                   "\",\"x\":" + QByteArray::number(i % 1000 * 20) +
                   ",\"y\":" + QByteArray::number(i / 1000 * 20) + ",\"props\":" + props + "}";
        };
        int edges = 0;
        auto call = [&](int from, int to, const char *flow = "requests") {
            out += (edges ? ",{" : "{");
            out += "\"id\":\"e" + QByteArray::number(edges++) + "\",\"from\":\"c" +
                   QByteArray::number(from) + "\",\"to\":\"c" + QByteArray::number(to) +
                   "\",\"flow\":\"" + flow + "\"}";
        };
        out += "\"components\":[";
        if (shape == QLatin1String("chain") || shape == QLatin1String("fanout")) {
            for (int i = 0; i < n; ++i)
                component(i, i == 0 ? "client" : "api_gateway");
            out += "],\"connections\":[";
            for (int i = 1; i < n; ++i)
                call(shape == QLatin1String("chain") ? i - 1 : (i == 1 ? 0 : 1), i);
        } else if (shape == QLatin1String("clients")) {
            for (int i = 0; i < n; ++i)
                component(i, i < n / 2 ? "client" : "api_gateway");
            out += "],\"connections\":[";
            for (int i = 0; i < n / 2; ++i)
                call(i, n / 2);
            for (int i = n / 2 + 1; i < n; ++i)
                call(i - 1, i);
        } else if (shape == QLatin1String("orphans")) {
            for (int i = 0; i < n; ++i)
                component(i, "model_server");
            out += "],\"connections\":[";
        } else if (shape == QLatin1String("props")) {
            // Depth: the file's own 4 levels (root, components, component, props), "deep".
            const int depth = limits.maxDepth - 5;
            QByteArray leaf = QByteArray(depth, '[') + "0" + QByteArray(depth, ']');
            // Each leaf is depth + 1 JSON values (its arrays and a comma): fill the value cap.
            const int leaves = (limits.maxJsonValues - 1000) / (depth + 1) / 4;
            QByteArray props = "{\"deep\":[" + leaf;
            props.reserve(qsizetype(leaves) * (leaf.size() + 1) + 16);
            for (int i = 1; i < leaves; ++i)
                props += "," + leaf;
            props += "]}";
            for (int i = 0; i < 4; ++i)
                component(i, i == 0 ? "client" : "api_gateway", props);
            out += "],\"connections\":[";
            for (int i = 1; i < 4; ++i)
                call(i - 1, i);
        } else if (shape == QLatin1String("shared")) {
            for (int i = 0; i < n; ++i)
                component(i, i < n / 2 ? "feature_store" : "model_server");
            out += "],\"connections\":[";
            for (int i = 1; i < n / 2; ++i)
                call(i - 1, i, "features");
            for (int i = n / 2; i < n; ++i)
                call(n / 2 - 1, i, "features");
        } else if (shape == QLatin1String("mesh")) {
            const int m = 2000;
            for (int i = 0; i < m; ++i)
                component(i, i == 0 ? "client" : "api_gateway");
            out += "],\"connections\":[";
            for (int i = 0; i < m && edges < limits.maxConnections; ++i)
                for (int j = i + 1; j < m && edges < limits.maxConnections; ++j)
                    call(i, j);
        }
        out += "]}\n";
        return out;
    }
};

} // namespace mls::test
