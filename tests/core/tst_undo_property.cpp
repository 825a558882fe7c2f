// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "DiagramWriter.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditComponentCommand.h"
#include "commands/EditConnectionCommand.h"
#include "commands/EditGroupCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "commands/ReorderComponentsCommand.h"
#include "commands/SetMetaCommand.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// Property: any sequence of commands, undone completely, gives back the starting file byte for
/// byte; redone completely, gives back the end state.
class TestUndoProperty : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomCommands_data();
    void randomCommands();

private:
    QUndoCommand *randomCommand(Diagram &d, QRandomGenerator &rng);
};

namespace {

template <typename T> const T &pick(const ElementList<T> &items, QRandomGenerator &rng)
{
    return items[rng.bounded(int(items.size()))];
}

QStringList someComponents(const Diagram &d, QRandomGenerator &rng, int max)
{
    QStringList ids;
    const int n = 1 + rng.bounded(max);
    for (int i = 0; i < n && !d.components().empty(); ++i) {
        const QString id = pick(d.components(), rng).id;
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

QString randomText(QRandomGenerator &rng)
{
    static const QStringList words{"Ranking",    "Feature store",     "Kafka",       "ünïcödé",
                                   "视频",       "a \"quoted\" name", "back\\slash", "",
                                   "<b>html</b>"};
    return words[rng.bounded(int(words.size()))];
}

void buildRandom(Diagram &d, QRandomGenerator &rng)
{
    const auto &kinds = Catalog::builtin().kinds();
    for (int i = 0; i < 40; ++i) {
        const QString kind = kinds[rng.bounded(int(kinds.size()))].id;
        d.insertComponent(i, component(QString("c%1").arg(i), kind,
                                       {double(rng.bounded(2000)), double(rng.bounded(1000))}));
    }
    const auto &flows = Catalog::builtin().flows();
    for (int i = 0; i < 60; ++i) {
        d.insertConnection(i, connection(QString("e%1").arg(i), pick(d.components(), rng).id,
                                         pick(d.components(), rng).id,
                                         flows[rng.bounded(int(flows.size()))].id));
    }
    for (int i = 0; i < 5; ++i) {
        Group g;
        g.id = QString("g%1").arg(i);
        g.label = randomText(rng);
        g.members = someComponents(d, rng, 5);
        d.insertGroup(i, g);
    }
}

} // namespace

QUndoCommand *TestUndoProperty::randomCommand(Diagram &d, QRandomGenerator &rng)
{
    const auto &kinds = Catalog::builtin().kinds();
    const auto &flows = Catalog::builtin().flows();
    const bool haveComponents = !d.components().empty();
    const bool haveConnections = !d.connections().empty();
    switch (rng.bounded(17)) {
    case 0:
    case 1: {
        Component c =
            component(d.uniqueId("c"), kinds[rng.bounded(int(kinds.size()))].id,
                      {double(rng.bounded(3000)), double(rng.bounded(3000))}, randomText(rng));
        return AddItemsCommand::addComponent(&d, c);
    }
    case 2:
        if (!haveComponents)
            return nullptr;
        return new RemoveItemsCommand(&d, someComponents(d, rng, 3),
                                      haveConnections ? QStringList{pick(d.connections(), rng).id}
                                                      : QStringList{});
    case 3:
    case 4: {
        if (!haveComponents)
            return nullptr;
        const QStringList ids = someComponents(d, rng, 3);
        QVector<QPointF> to;
        for (const QString &id : ids)
            to << d.component(id)->pos + QPointF(rng.bounded(41) - 20, rng.bounded(41) - 20);
        return new MoveComponentsCommand(&d, ids, to);
    }
    case 5:
        if (!haveComponents)
            return nullptr;
        return AddItemsCommand::connect(
            &d, connection(d.uniqueId("e"), pick(d.components(), rng).id,
                           pick(d.components(), rng).id, flows[rng.bounded(int(flows.size()))].id));
    case 6:
        if (!haveConnections)
            return nullptr;
        return new RemoveItemsCommand(&d, {}, {pick(d.connections(), rng).id});
    case 7:
        return haveComponents ? EditComponentCommand::setLabel(&d, pick(d.components(), rng).id,
                                                               randomText(rng))
                              : nullptr;
    case 8:
        return haveComponents
                   ? EditComponentCommand::setKind(&d, pick(d.components(), rng).id,
                                                   kinds[rng.bounded(int(kinds.size()))].id)
                   : nullptr;
    case 9:
        return haveComponents
                   ? EditComponentCommand::setProps(&d, pick(d.components(), rng).id,
                                                    Json{{"latency_ms", rng.bounded(100)}})
                   : nullptr;
    case 10:
        return haveComponents ? EditComponentCommand::setNotes(&d, pick(d.components(), rng).id,
                                                               randomText(rng))
                              : nullptr;
    case 11:
        if (!haveConnections)
            return nullptr;
        return rng.bounded(2)
                   ? EditConnectionCommand::setFlow(&d, pick(d.connections(), rng).id,
                                                    flows[rng.bounded(int(flows.size()))].id)
                   : EditConnectionCommand::setLabel(&d, pick(d.connections(), rng).id,
                                                     randomText(rng));
    case 12: {
        if (!haveComponents)
            return nullptr;
        Group g;
        g.id = d.uniqueId("g");
        g.label = randomText(rng);
        g.members = someComponents(d, rng, 4);
        return AddItemsCommand::group(&d, g);
    }
    case 13:
        if (d.groups().empty())
            return nullptr;
        return rng.bounded(2)
                   ? static_cast<QUndoCommand *>(
                         RemoveItemsCommand::ungroup(&d, pick(d.groups(), rng).id))
                   : EditGroupCommand::rename(&d, pick(d.groups(), rng).id, randomText(rng));
    case 14: {
        if (!haveComponents)
            return nullptr;
        const QByteArray bytes = Fragment::extract(d, someComponents(d, rng, 4)).toBytes();
        QString error;
        return AddItemsCommand::paste(&d, bytes, {20, 20}, &error);
    }
    case 15:
        if (!haveComponents)
            return nullptr;
        return new ReorderComponentsCommand(&d, someComponents(d, rng, 4),
                                            rng.bounded(2) ? ReorderComponentsCommand::Where::Front
                                                           : ReorderComponentsCommand::Where::Back);
    default: {
        Meta m = d.meta();
        switch (rng.bounded(3)) {
        case 0:
            m.title = randomText(rng);
            break;
        case 1:
            m.latencyBudgetMs = rng.bounded(500);
            break;
        default:
            m.notes = randomText(rng);
        }
        return new SetMetaCommand(&d, m);
    }
    }
}

void TestUndoProperty::randomCommands_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("steps");
    QTest::newRow("seed 1") << 1u << 5000;
    QTest::newRow("seed 2") << 2u << 5000;
    QTest::newRow("seed 3, short") << 3u << 200;
}

void TestUndoProperty::randomCommands()
{
    QFETCH(quint32, seed);
    QFETCH(int, steps);
    QRandomGenerator rng(seed);
    Diagram d;
    buildRandom(d, rng);
    QUndoStack stack;
    const QByteArray start = DiagramWriter::write(d);
    int pushed = 0;
    for (int i = 0; i < steps; ++i) {
        if (QUndoCommand *cmd = randomCommand(d, rng)) {
            stack.push(cmd);
            ++pushed;
        }
    }
    QVERIFY(pushed > steps * 9 / 10);
    QVERIFY(stack.count() > steps / 2);
    const QByteArray end = DiagramWriter::write(d);
    QVERIFY(end != start);
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(DiagramWriter::write(d), start);
    while (stack.canRedo())
        stack.redo();
    QCOMPARE(DiagramWriter::write(d), end);
}

QTEST_APPLESS_MAIN(TestUndoProperty)
#include "tst_undo_property.moc"
