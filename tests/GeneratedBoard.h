// SPDX-License-Identifier: MIT
#pragma once

#include "Catalog.h"
#include "Diagram.h"

#include <QRandomGenerator>

#include <algorithm>
#include <memory>

namespace mls::test {

/// How generatedBoard() places, kinds and links its cards.
struct BoardRecipe
{
    /// How the 1.5 connections per card pick their ends and flow.
    enum class Links
    {
        /// From a random card to one of the 20 after it, a random flow (seeded: the same
        /// board every run). The benchmark's board.
        Random,
        /// Card i % n to the card one place on (and a row further per round), with a flow
        /// the two kinds allow when there is one: a board whose arrows all make sense.
        Neighbours,
    };

    int columns = 200;  ///< cards per row, on a 240 × 120 px grid
    int kindStride = 1; ///< card i is of kind (i × kindStride) mod the number of kinds
    Links links = Links::Random;
    bool labels = false; ///< every connection labelled "<flow> <i>"
    int zoneMembers = 5; ///< a zone per 100 cards holds the first this many of them
    const char *zonePrefix = "g";
};

/// A board of @p n cards "<kind label> <i>" (ids c0, c1, …), 1.5 connections per card (e0, …)
/// and a zone per 100 cards, as @p recipe says: the benchmark's and the export tests' large
/// designs.
inline std::unique_ptr<Diagram> generatedBoard(int n, const BoardRecipe &recipe = {})
{
    auto d = std::make_unique<Diagram>();
    const Catalog &cat = Catalog::builtin();
    const auto &kinds = cat.kinds();
    const auto &flows = cat.flows();
    d->reserve(n, n * 3 / 2);
    for (int i = 0; i < n; ++i) {
        const KindInfo &kind = kinds[size_t(i) * size_t(recipe.kindStride) % kinds.size()];
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = kind.id;
        c.label = QStringLiteral("%1 %2").arg(kind.label).arg(i);
        c.pos = QPointF((i % recipe.columns) * 240, (i / recipe.columns) * 120);
        d->insertComponent(i, c);
    }
    QRandomGenerator rng(42);
    for (int i = 0; i < n * 3 / 2; ++i) {
        Connection c;
        c.id = QStringLiteral("e%1").arg(i);
        if (recipe.links == BoardRecipe::Links::Random) {
            const int from = rng.bounded(n);
            c.from = QStringLiteral("c%1").arg(from);
            c.to = QStringLiteral("c%1").arg(std::min(n - 1, from + 1 + rng.bounded(20)));
            c.flow = flows[rng.bounded(int(flows.size()))].id;
        } else {
            const Component &from = d->components()[i % n];
            const Component &to = d->components()[(i % n + 1 + i / n * recipe.columns) % n];
            const QStringList allowed = cat.compatibleFlows(from.kind, to.kind);
            c.from = from.id;
            c.to = to.id;
            c.flow = allowed.isEmpty() ? flows[i % flows.size()].id : allowed.constFirst();
        }
        if (recipe.labels) // a pill each, placed off the cards it would cover
            c.label = QStringLiteral("%1 %2").arg(c.flow).arg(i);
        d->insertConnection(i, c);
    }
    for (int z = 0; z < n / 100; ++z) {
        Group g;
        g.id = QLatin1String(recipe.zonePrefix) + QString::number(z);
        g.label = QStringLiteral("Zone %1").arg(z);
        for (int m = 0; m < recipe.zoneMembers; ++m)
            g.members << QStringLiteral("c%1").arg(z * 100 + m);
        d->insertGroup(z, g);
    }
    return d;
}

} // namespace mls::test
