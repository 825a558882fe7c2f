// SPDX-License-Identifier: MIT
#pragma once

#include "../TestDiagrams.h"
#include "CardGeometry.h"
#include "layout/LayoutPlacement.h"

#include <QHash>
#include <QRandomGenerator>

#include <algorithm>
#include <functional>
#include <memory>

/// Diagrams for the layout tests: DAGs, zones and the pathological cases of issue 5.
namespace mls::test::layout {

using Fixture = std::function<void(Diagram &)>;

/// The card of the base size at @p centre (what a short label gets).
inline QRectF card(const QPointF &centre)
{
    return LayoutPlacement::cardRect(centre, {212, 60});
}

/// The card a laid-out component occupies (the canvas's card, sized by its label).
inline QRectF card(const Component &c)
{
    return CardGeometry::rect(c);
}

/// The first pair of overlapping cards, as text, or empty.
inline QString overlap(const Diagram &d)
{
    const auto &cs = d.components();
    for (size_t i = 0; i < cs.size(); ++i)
        for (size_t j = i + 1; j < cs.size(); ++j)
            if (card(cs[i]).intersects(card(cs[j])))
                return cs[i].id + " overlaps " + cs[j].id;
    return {};
}

inline void addChain(Diagram &d, int n, const QString &prefix = QStringLiteral("c"))
{
    for (int i = 0; i < n; ++i) {
        const int at = int(d.components().size());
        d.insertComponent(at, component(prefix + QString::number(i), "cache"));
        if (i > 0)
            d.insertConnection(int(d.connections().size()),
                               connection(prefix + "e" + QString::number(i),
                                          prefix + QString::number(i - 1),
                                          prefix + QString::number(i), "features"));
    }
}

/// A random layered DAG: every connection goes from a lower to a higher index.
inline void addDag(Diagram &d, int n, int edges, quint32 seed)
{
    QRandomGenerator rng(seed);
    for (int i = 0; i < n; ++i)
        d.insertComponent(i, component(QStringLiteral("c%1").arg(i), "cache"));
    for (int e = 0; e < edges; ++e) {
        const int from = rng.bounded(n - 1);
        const int to = std::min(n - 1, from + 1 + rng.bounded(6));
        d.insertConnection(e,
                           connection(QStringLiteral("e%1").arg(e), QStringLiteral("c%1").arg(from),
                                      QStringLiteral("c%1").arg(to), "features"));
    }
}

inline void addZone(Diagram &d, const QString &id, const QStringList &members)
{
    Group g;
    g.id = id;
    g.label = id;
    g.members = members;
    d.insertGroup(int(d.groups().size()), g);
}

/// Two zones of a pipeline, with components outside both.
inline void zonedDag(Diagram &d)
{
    addDag(d, 24, 36, 3);
    addZone(d, "z1", {"c0", "c1", "c2", "c3"});
    addZone(d, "z2", {"c10", "c11", "c12"});
}

inline QHash<QString, Fixture> fixtures()
{
    return {
        {"small", [](Diagram &d) { fillSmall(d); }},
        {"chain", [](Diagram &d) { addChain(d, 10); }},
        {"dag", [](Diagram &d) { addDag(d, 40, 60, 1); }},
        {"zoned", zonedDag},
        {"empty", [](Diagram &) {}},
        {"self-loops",
         [](Diagram &d) {
             addChain(d, 3);
             d.insertConnection(2, connection("loop", "c1", "c1", "features"));
         }},
        {"cycle",
         [](Diagram &d) {
             addChain(d, 4);
             d.insertConnection(3, connection("back", "c3", "c0", "features"));
         }},
        {"duplicates",
         [](Diagram &d) {
             addChain(d, 3);
             d.insertConnection(2, connection("dup1", "c0", "c1", "features"));
             d.insertConnection(3, connection("dup2", "c0", "c1", "features"));
         }},
        {"disconnected",
         [](Diagram &d) {
             addChain(d, 3, "a");
             addChain(d, 4, "b");
             d.insertComponent(7, component("lonely", "cache"));
         }},
        {"nasty text",
         [](Diagram &d) {
             d.insertComponent(0, component("q\"uote", "cache", {}, "say \"hi\""));
             d.insertComponent(1, component("back\\slash", "cache", {}, "C:\\path\\"));
             d.insertComponent(2, component("<b>html</b>", "cache", {}, "<table><tr>"));
             d.insertComponent(3, component("视频", "cache", {}, "视频推荐 {}; -> ]"));
             d.insertConnection(0, connection("e\"1", "q\"uote", "back\\slash", "features"));
             d.insertConnection(1, connection("e2", "back\\slash", "<b>html</b>", "features"));
             d.insertConnection(2, connection("e3", "<b>html</b>", "视频", "features"));
             addZone(d, "z\"<1>", {"视频"});
         }},
    };
}

inline std::unique_ptr<Diagram> make(const QString &fixture)
{
    auto d = std::make_unique<Diagram>();
    fixtures().value(fixture)(*d);
    return d;
}

} // namespace mls::test::layout
