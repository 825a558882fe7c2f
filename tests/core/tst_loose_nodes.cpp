// SPDX-License-Identifier: MIT
#include "layout/GraphvizLayout.h"
#include "layout/LayoutPlacement.h"
#include "layout/LooseNodes.h"

#include <QTest>

#include <algorithm>
#include <numeric>

using namespace mls;

namespace {

/// A chain of @p chain cards ("c0" → "c1" → …), @p zoned cards in one zone ("z0", "z1", …,
/// connected in a chain too), then @p loose cards nothing connects ("l0", "l1", …).
LayoutInput board(int chain, int zoned, int loose, LayoutEngine engine)
{
    LayoutInput in;
    in.options.engine = engine;
    auto add = [&](const QString &prefix, int n, const QStringList &zones) {
        for (int i = 0; i < n; ++i) {
            LayoutNode node;
            node.id = prefix + QString::number(i);
            node.size = QSizeF(212 + 20 * (i % 3), 60 + 20 * (i % 2));
            node.zones = zones;
            in.nodes.append(node);
            if (i > 0)
                in.edges.append({QStringLiteral("e%1%2").arg(prefix).arg(i),
                                 prefix + QString::number(i - 1), prefix + QString::number(i)});
        }
    };
    add(QStringLiteral("c"), chain, {});
    if (zoned > 0)
        in.zoneIds << QStringLiteral("zone");
    add(QStringLiteral("z"), zoned, {QStringLiteral("zone")});
    for (int i = 0; i < loose; ++i) {
        LayoutNode node;
        node.id = QStringLiteral("l%1").arg(i);
        node.size = QSizeF(212, 60 + 40 * (i % 2));
        in.nodes.append(node);
    }
    return in;
}

QRectF cardOf(const LayoutInput &in, const LayoutResult &r, int i)
{
    return LayoutPlacement::cardRect(r.centres[i], in.nodes[i].size);
}

/// The first two cards that overlap, as "a/b", or empty. Sorted by left edge, so only cards
/// whose x ranges meet are compared.
QString firstOverlap(const LayoutInput &in, const LayoutResult &r)
{
    QVector<int> order(in.nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return cardOf(in, r, a).left() < cardOf(in, r, b).left(); });
    for (int i = 0; i < order.size(); ++i) {
        const QRectF a = cardOf(in, r, order[i]);
        for (int j = i + 1; j < order.size(); ++j) {
            const QRectF b = cardOf(in, r, order[j]);
            if (b.left() >= a.right())
                break;
            if (a.intersects(b))
                return in.nodes[order[i]].id + QLatin1Char('/') + in.nodes[order[j]].id;
        }
    }
    return {};
}

} // namespace

class TstLooseNodes : public QObject
{
    Q_OBJECT

private slots:
    void find_data();
    void find();
    void sfdpGridsLooseCards_data();
    void sfdpGridsLooseCards();
    void pinnedLooseCardStays();
};

void TstLooseNodes::find_data()
{
    QTest::addColumn<QStringList>("edges"); // "from>to"
    QTest::addColumn<QStringList>("zoned");
    QTest::addColumn<QVector<int>>("expected");
    // Nodes a, b, c, d in that order.
    QTest::newRow("no edges") << QStringList() << QStringList() << QVector<int>{0, 1, 2, 3};
    QTest::newRow("one edge") << QStringList{"a>b"} << QStringList() << QVector<int>{2, 3};
    QTest::newRow("self loop touches")
        << QStringList{"c>c"} << QStringList() << QVector<int>{0, 1, 3};
    QTest::newRow("edge to an unknown node does not")
        << QStringList{"a>x", "y>d"} << QStringList() << QVector<int>{0, 1, 2, 3};
    QTest::newRow("zone members are not loose")
        << QStringList{"a>b"} << QStringList{"d"} << QVector<int>{2};
}

void TstLooseNodes::find()
{
    QFETCH(QStringList, edges);
    QFETCH(QStringList, zoned);
    QFETCH(QVector<int>, expected);
    LayoutInput in;
    for (const char *id : {"a", "b", "c", "d"}) {
        LayoutNode n;
        n.id = QLatin1String(id);
        if (zoned.contains(n.id))
            n.zones << QStringLiteral("z");
        in.nodes.append(n);
    }
    for (const QString &e : edges)
        in.edges.append({e, e.section(QLatin1Char('>'), 0, 0), e.section(QLatin1Char('>'), 1)});
    QCOMPARE(LooseNodes::find(in), expected);
    QStringList kept;
    for (const LayoutNode &n : LooseNodes::without(in, expected).nodes)
        kept << n.id;
    QStringList want;
    for (int i = 0; i < in.nodes.size(); ++i) {
        if (!expected.contains(i))
            want << in.nodes[i].id;
    }
    QCOMPARE(kept, want);
}

void TstLooseNodes::sfdpGridsLooseCards_data()
{
    QTest::addColumn<int>("chain");
    QTest::addColumn<int>("zoned");
    QTest::addColumn<int>("loose");
    QTest::newRow("only loose cards") << 0 << 0 << 2402;
    QTest::newRow("a chain and loose cards") << 60 << 0 << 1500;
    QTest::newRow("a zone and loose cards") << 0 << 12 << 1600;
    QTest::newRow("chain, zone, loose") << 40 << 8 << 300;
}

void TstLooseNodes::sfdpGridsLooseCards()
{
    QFETCH(int, chain);
    QFETCH(int, zoned);
    QFETCH(int, loose);
    const LayoutInput in = board(chain, zoned, loose, LayoutEngine::Sfdp);
    const LayoutResult r = GraphvizLayout::run(in);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(int(r.centres.size()), int(in.nodes.size()));
    QCOMPARE(int(r.routes.size()), int(in.edges.size()));
    const QString overlap = firstOverlap(in, r);
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));

    // Every loose card sits below every other card.
    const int first = chain + zoned;
    qreal restBottom = -1e18;
    for (int i = 0; i < first; ++i)
        restBottom = std::max(restBottom, cardOf(in, r, i).bottom());
    for (const ZoneRect &z : r.zones)
        restBottom = std::max(restBottom, z.rect.bottom());
    QRectF grid;
    for (int i = first; i < in.nodes.size(); ++i) {
        const QRectF card = cardOf(in, r, i);
        QVERIFY2(card.top() > restBottom, qPrintable(in.nodes[i].id));
        grid = grid.isNull() ? card : grid.united(card);
    }
    // The grid is a block, not a line: no side more than four times the other, unless it is
    // as wide as the drawing above it.
    if (first == 0)
        QVERIFY2(grid.width() < 4 * grid.height() && grid.height() < 4 * grid.width(),
                 qPrintable(QStringLiteral("%1 × %2").arg(grid.width()).arg(grid.height())));
    QVERIFY(grid.height() < 4 * std::max(grid.width(), r.bounds.width()));
}

void TstLooseNodes::pinnedLooseCardStays()
{
    LayoutInput in = board(20, 0, 1600, LayoutEngine::Sfdp);
    in.nodes[30].fixedCentre = QPointF(-5000, 700);
    const LayoutResult r = GraphvizLayout::run(in);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.centres[30], QPointF(-5000, 700));
    const QString overlap = firstOverlap(in, r);
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
}

QTEST_GUILESS_MAIN(TstLooseNodes)
#include "tst_loose_nodes.moc"
