// SPDX-License-Identifier: MIT
#pragma once

#include "Catalog.h"
#include "Diagram.h"
#include "TestDiagrams.h"

#include <QRandomGenerator>
#include <QStringList>

#include <utility>

namespace mls::test {

/// One random edit of @p d, of the kinds the window makes: add or remove a component (with its
/// connections), connect (any flow, any two ends, so cycles, self loops and duplicates come
/// up), disconnect, re-attach an end, change a kind, a flow, a label, a latency or budget
/// override, notes, other props, or a waiver. Returns the touched component and connection
/// ids, as the window hands them to RuleEngine::recheck().
inline std::pair<QStringList, QStringList> randomEdit(Diagram &d, QRandomGenerator &rng)
{
    const auto &cat = Catalog::builtin();
    auto anyComponent = [&] { return d.components()[rng.bounded(int(d.components().size()))]; };
    auto anyConnection = [&] { return d.connections()[rng.bounded(int(d.connections().size()))]; };
    auto anyKind = [&] {
        return rng.bounded(20) == 0 ? QStringLiteral("mystery")
                                    : cat.kinds()[rng.bounded(int(cat.kinds().size()))].id;
    };
    auto anyFlow = [&] { return cat.flows()[rng.bounded(int(cat.flows().size()))].id; };
    const int op = d.components().size() < 3 ? 0 : int(rng.bounded(15));
    if (op == 0 || (op >= 2 && d.connections().empty())) {
        Component c = component(d.uniqueId("n"), anyKind());
        d.insertComponent(int(rng.bounded(int(d.components().size()) + 1)), c);
        return {{c.id}, {}};
    }
    if (op == 1) {
        const QString id = anyComponent().id;
        const QStringList conns = d.connectionsOf(id);
        for (const QString &e : conns)
            d.takeConnection(e);
        d.takeComponent(id);
        return {{id}, conns};
    }
    if (op == 2 || op == 13) {
        Connection c = connection(d.uniqueId("x"), anyComponent().id, anyComponent().id,
                                  op == 13 ? QStringLiteral("requests") : anyFlow());
        d.insertConnection(int(rng.bounded(int(d.connections().size()) + 1)), c);
        return {{}, {c.id}};
    }
    if (op == 3) {
        const QString id = anyConnection().id;
        d.takeConnection(id);
        return {{}, {id}};
    }
    if (op == 4 || op == 5 || op == 7 || (op >= 9 && op != 12)) {
        Component c = anyComponent();
        if (op == 4)
            c.kind = anyKind();
        else if (op == 5)
            c.label =
                rng.bounded(8) == 0 ? QString() : QStringLiteral("L%1").arg(rng.bounded(1000));
        else if (op == 9 && rng.bounded(4) == 0)
            c.props.erase("latency_ms");
        else if (op == 9)
            c.props["latency_ms"] = rng.bounded(4) == 0 ? Json("fast") : Json(rng.bounded(300));
        else if (op == 10)
            c.notes = QStringLiteral("note %1").arg(rng.bounded(1000));
        else if (op == 11)
            c.props["owner"] = "team" + std::to_string(rng.bounded(5));
        else if (op == 14)
            c.props["latency_budget_ms"] = Json(rng.bounded(400));
        else
            c.waivers = {
                Waiver{QStringLiteral("MLS-0%1").arg(1 + rng.bounded(24), 2, 10, QLatin1Char('0')),
                       "r", Json::object()}};
        d.updateComponent(c);
        return {{c.id}, {}};
    }
    Connection c = anyConnection();
    if (op == 12) { // re-attach one end: the model removes and re-inserts the connection
        const int index = d.connectionIndex(c.id);
        d.takeConnection(c.id);
        (rng.bounded(2) == 0 ? c.from : c.to) = anyComponent().id;
        d.insertConnection(index, c);
        return {{}, {c.id}};
    }
    if (op == 6)
        c.flow = anyFlow();
    else
        c.waivers = {Waiver{QStringLiteral("MLS-012"), "dup ok", Json::object()}};
    d.updateConnection(c);
    return {{}, {c.id}};
}

} // namespace mls::test
