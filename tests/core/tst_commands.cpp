// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "CardGeometry.h"
#include "ComponentProps.h"
#include "DiagramWriter.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditComponentCommand.h"
#include "commands/EditConnectionCommand.h"
#include "commands/EditGroupCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/ReattachConnectionCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "commands/ReorderComponentsCommand.h"
#include "commands/SetMetaCommand.h"

#include <QTest>

#include <QUndoStack>
#include <functional>

using namespace mls;
using namespace mls::test;

/// Each undo command: push, check, undo, check, redo, check (model + QUndoStack harness).
class TestCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addComponent();
    void removeComponentTakesConnectionsAndMembership();
    void removeRestoresFileOrder();
    void moveMergesSameSelection();
    void moveDoesNotMergeOtherSelection();
    void oneUndoStepPerMoveGesture_data();
    void oneUndoStepPerMoveGesture();
    void typedEditTextDescribesWholeEdit();
    void editComponent_data();
    void editComponent();
    void typingMerges();
    void editConnection();
    void groupAndUngroup();
    void editGroup();
    void resizeZoneKeepsMembers();
    void addConnectedIsOneStep();
    void reattach_data();
    void reattach();
    void reattachToSameEndsIsObsolete();
    void paste();
    void repeatedPastesCascade();
    void pasteRejectsGarbage();
    void setMeta();
    void noOpIsObsolete();
    void reorder_data();
    void reorder();

private:
    /// Pushes, checks @p after, undoes, checks the start, redoes, checks @p after again.
    void roundTrip(QUndoCommand *cmd, const std::function<void()> &checkAfter);

    Diagram *m_diagram = nullptr;
    QUndoStack *m_stack = nullptr;
};

void TestCommands::init()
{
    m_diagram = new Diagram;
    fillSmall(*m_diagram);
    m_stack = new QUndoStack;
}

void TestCommands::cleanup()
{
    delete m_stack;
    delete m_diagram;
}

void TestCommands::roundTrip(QUndoCommand *cmd, const std::function<void()> &checkAfter)
{
    const QByteArray start = DiagramWriter::write(*m_diagram);
    m_stack->push(cmd);
    checkAfter();
    const QByteArray end = DiagramWriter::write(*m_diagram);
    QVERIFY(end != start);
    m_stack->undo();
    QCOMPARE(DiagramWriter::write(*m_diagram), start);
    m_stack->redo();
    QCOMPARE(DiagramWriter::write(*m_diagram), end);
    checkAfter();
}

void TestCommands::addComponent()
{
    auto *cmd = AddItemsCommand::addComponent(m_diagram, component("v", "vector_db", {1, 2}));
    QCOMPARE(cmd->text(), QStringLiteral("Add Vector DB"));
    roundTrip(cmd, [&] { QCOMPARE(m_diagram->component("v")->pos, QPointF(1, 2)); });
}

void TestCommands::removeComponentTakesConnectionsAndMembership()
{
    auto *cmd = new RemoveItemsCommand(m_diagram, {"gw"}, {});
    QCOMPARE(cmd->text(), QStringLiteral("Delete 1 component"));
    roundTrip(cmd, [&] {
        QVERIFY(!m_diagram->component("gw"));
        QVERIFY(!m_diagram->connection("e1"));
        QVERIFY(!m_diagram->connection("e2"));
        QVERIFY(m_diagram->connection("e3"));
        QCOMPARE(m_diagram->group("g1")->members, QStringList{"client"});
    });
}

void TestCommands::removeRestoresFileOrder()
{
    auto *cmd = new RemoveItemsCommand(m_diagram, {"reg", "client"}, {"e2"}, {"g1"});
    QCOMPARE(cmd->text(), QStringLiteral("Delete 2 components, 1 connection, 1 zone"));
    roundTrip(cmd, [&] {
        QCOMPARE(int(m_diagram->components().size()), 2);
        QVERIFY(m_diagram->connections().empty());
        QVERIFY(m_diagram->groups().empty());
    });
    QCOMPARE(m_diagram->componentIndex("client"), -1);
    m_stack->undo();
    QCOMPARE(m_diagram->componentIndex("client"), 0);
    QCOMPARE(m_diagram->componentIndex("reg"), 3);
    QCOMPARE(m_diagram->connectionIndex("e3"), 2);
}

void TestCommands::moveMergesSameSelection()
{
    const QStringList ids{"client", "gw"};
    m_stack->push(MoveComponentsCommand::nudge(m_diagram, ids, {{10, 0}, {260, 0}}));
    m_stack->push(MoveComponentsCommand::nudge(m_diagram, ids, {{20, 0}, {270, 0}}));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Move 2 components"));
    QCOMPARE(m_diagram->component("client")->pos, QPointF(20, 0));
    m_stack->undo();
    QCOMPARE(m_diagram->component("client")->pos, QPointF(0, 0));
    QCOMPARE(m_diagram->component("gw")->pos, QPointF(250, 0));
}

void TestCommands::moveDoesNotMergeOtherSelection()
{
    m_stack->push(new MoveComponentsCommand(m_diagram, {"client"}, {{10, 0}}));
    m_stack->push(new MoveComponentsCommand(m_diagram, {"gw"}, {{10, 10}}));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->text(0), QStringLiteral("Move 1 component"));
}

/// A gesture is one undo step: only a nudge merges, and only into the nudge just before it.
void TestCommands::oneUndoStepPerMoveGesture_data()
{
    QTest::addColumn<QString>("first"); // drag, nudge or align
    QTest::addColumn<QString>("second");
    QTest::addColumn<int>("steps");
    QTest::newRow("two drags") << "drag"
                               << "drag" << 2;
    QTest::newRow("nudge after align") << "align"
                                       << "nudge" << 2;
    QTest::newRow("nudge after drag") << "drag"
                                      << "nudge" << 2;
    QTest::newRow("drag after nudge") << "nudge"
                                      << "drag" << 2;
    QTest::newRow("align after align") << "align"
                                       << "align" << 2;
    QTest::newRow("two nudges") << "nudge"
                                << "nudge" << 1;
}

void TestCommands::oneUndoStepPerMoveGesture()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(int, steps);
    const QStringList ids{"client", "gw"};
    auto push = [&](const QString &gesture, qreal x) {
        const QVector<QPointF> to{{x, 0}, {x + 250, 0}};
        auto *cmd = gesture == "nudge" ? MoveComponentsCommand::nudge(m_diagram, ids, to)
                                       : new MoveComponentsCommand(m_diagram, ids, to);
        if (gesture == "align")
            cmd->setText("Align 2 components");
        m_stack->push(cmd);
    };
    push(first, 20);
    push(second, 40);
    QCOMPARE(m_stack->count(), steps);
    m_stack->undo();
    QCOMPARE(m_diagram->component("client")->pos, QPointF(steps == 1 ? 0 : 20, 0));
}

/// The undo text of a typed edit names its end result, not the first keystroke.
void TestCommands::typedEditTextDescribesWholeEdit()
{
    for (const char *typed : {"R", "Re", "Redis feature cache"})
        m_stack->push(EditComponentCommand::setLabel(m_diagram, "gw", typed));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Rename “gw” to “Redis feature cache”"));
    for (const char *typed : {"g", "gR", "gRPC"})
        m_stack->push(EditConnectionCommand::setLabel(m_diagram, "e2", typed));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Label connection “gRPC”"));
    for (const char *typed : {"S", "Se", "Serving"})
        m_stack->push(EditGroupCommand::rename(m_diagram, "g1", typed));
    QVERIFY2(m_stack->undoText().endsWith(QStringLiteral("to “Serving”")),
             qPrintable(m_stack->undoText()));
}

void TestCommands::editComponent_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("text");
    QTest::newRow("label") << 0 << "Rename “gw” to “Edge”";
    QTest::newRow("kind") << 1 << "Change “gw” to Model server";
    QTest::newRow("props") << 2 << "Edit properties of “gw”";
    QTest::newRow("notes") << 3 << "Edit notes of “gw”";
    QTest::newRow("waivers") << 4 << "Change waivers of “gw”";
}

void TestCommands::editComponent()
{
    QFETCH(int, field);
    QFETCH(QString, text);
    QUndoCommand *cmd = nullptr;
    std::function<void()> check;
    switch (field) {
    case 0:
        cmd = EditComponentCommand::setLabel(m_diagram, "gw", "Edge");
        check = [&] { QCOMPARE(m_diagram->component("gw")->label, QStringLiteral("Edge")); };
        break;
    case 1:
        cmd = EditComponentCommand::setKind(m_diagram, "gw", "model_server");
        check = [&] { QCOMPARE(m_diagram->component("gw")->kind, QStringLiteral("model_server")); };
        break;
    case 2:
        cmd = EditComponentCommand::setProps(m_diagram, "gw", Json{{"latency_ms", 12}});
        check = [&] { QCOMPARE(m_diagram->component("gw")->props["latency_ms"].get<int>(), 12); };
        break;
    case 3:
        cmd = EditComponentCommand::setNotes(m_diagram, "gw", "line 1\nline 2");
        check = [&] {
            QCOMPARE(m_diagram->component("gw")->notes, QStringLiteral("line 1\nline 2"));
        };
        break;
    default:
        cmd = EditComponentCommand::setWaivers(m_diagram, "gw", {Waiver{"MLS-001", "why", {}}});
        check = [&] { QCOMPARE(m_diagram->component("gw")->waivers.size(), 1); };
        break;
    }
    QCOMPARE(cmd->text(), text);
    roundTrip(cmd, check);
    // Connections that no longer fit the new kind are kept, for the rules to flag.
    QCOMPARE(m_diagram->connectionsOf("gw").size(), 2);
}

void TestCommands::typingMerges()
{
    m_stack->push(EditComponentCommand::setLabel(m_diagram, "gw", "E"));
    m_stack->push(EditComponentCommand::setLabel(m_diagram, "gw", "Ed"));
    m_stack->push(EditComponentCommand::setLabel(m_diagram, "gw", "Edge"));
    QCOMPARE(m_stack->count(), 1);
    m_stack->push(EditComponentCommand::setNotes(m_diagram, "gw", "n"));
    QCOMPARE(m_stack->count(), 2);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(m_diagram->component("gw")->label, QStringLiteral("gw"));
}

void TestCommands::editConnection()
{
    auto *cmd = EditConnectionCommand::setFlow(m_diagram, "e2", "features");
    QCOMPARE(cmd->text(), QStringLiteral("Change flow to Features"));
    roundTrip(cmd,
              [&] { QCOMPARE(m_diagram->connection("e2")->flow, QStringLiteral("features")); });
    roundTrip(EditConnectionCommand::setLabel(m_diagram, "e2", "gRPC"),
              [&] { QCOMPARE(m_diagram->connection("e2")->label, QStringLiteral("gRPC")); });
}

void TestCommands::groupAndUngroup()
{
    Group g;
    g.id = "g2";
    g.label = "Training";
    g.members = {"reg"};
    auto *cmd = AddItemsCommand::group(m_diagram, g);
    QCOMPARE(cmd->text(), QStringLiteral("Group 1 component into “Training”"));
    roundTrip(cmd, [&] { QCOMPARE(m_diagram->groupsOf("reg"), QStringList{"g2"}); });
    auto *ungroup = RemoveItemsCommand::ungroup(m_diagram, "g1");
    QCOMPARE(ungroup->text(), QStringLiteral("Ungroup “Online”"));
    roundTrip(ungroup, [&] {
        QVERIFY(!m_diagram->group("g1"));
        QVERIFY(m_diagram->component("client")); // members stay
    });
}

void TestCommands::editGroup()
{
    roundTrip(EditGroupCommand::rename(m_diagram, "g1", "Serving"),
              [&] { QCOMPARE(m_diagram->group("g1")->label, QStringLiteral("Serving")); });
    roundTrip(EditGroupCommand::setMembers(m_diagram, "g1", {"client", "gw", "rank"}),
              [&] { QCOMPARE(m_diagram->group("g1")->members.size(), 3); });
    roundTrip(EditGroupCommand::setColor(m_diagram, "g1", "#2563EB"), [&] {
        QCOMPARE(m_diagram->group("g1")->extra["color"].get<std::string>(), std::string("#2563EB"));
    });
}

void TestCommands::resizeZoneKeepsMembers()
{
    auto *cmd = EditGroupCommand::setMargins(m_diagram, "g1", QMarginsF(0, 0, 80, 40));
    QCOMPARE(cmd->text(), QStringLiteral("Resize zone \u201cOnline\u201d"));
    roundTrip(cmd, [&] {
        const Group *g = m_diagram->group("g1");
        QCOMPARE(known::zoneMargins(*g), QMarginsF(0, 0, 80, 40));
        QCOMPARE(g->members, QStringList({"client", "gw"}));
    });
    // Back to no extra room: the field goes away, the file is as before the first resize.
    roundTrip(EditGroupCommand::setMargins(m_diagram, "g1", QMarginsF()),
              [&] { QVERIFY(!m_diagram->group("g1")->extra.contains("margins")); });
}

void TestCommands::addConnectedIsOneStep()
{
    Component c;
    c.id = "mon";
    c.kind = "monitoring";
    c.label = "Monitoring";
    c.pos = {500, 400};
    Connection e;
    e.id = "e9";
    e.from = "rank";
    e.to = "mon";
    e.flow = "predictions";
    auto *cmd = AddItemsCommand::addConnected(m_diagram, c, e);
    QCOMPARE(cmd->text(), QStringLiteral("Add Monitoring, connect from \u201crank\u201d "
                                         "(predictions)"));
    roundTrip(cmd, [&] {
        QVERIFY(m_diagram->component("mon"));
        QCOMPARE(m_diagram->connection("e9")->to, QStringLiteral("mon"));
    });
    QCOMPARE(m_stack->count(), 1);
}

void TestCommands::reattach_data()
{
    QTest::addColumn<QString>("connection");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("flow");
    QTest::newRow("target end") << "e1"
                                << "client"
                                << "rank"
                                << "requests";
    QTest::newRow("source end") << "e3"
                                << "gw"
                                << "rank"
                                << "requests";
    QTest::newRow("flow changes with the end") << "e3"
                                               << "rank"
                                               << "client"
                                               << "predictions";
}

void TestCommands::reattach()
{
    QFETCH(QString, connection);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, flow);
    Connection before = *m_diagram->connection(connection);
    before.label = QStringLiteral("kept");
    m_diagram->updateConnection(before);
    const int index = m_diagram->connectionIndex(connection);
    auto *cmd = new ReattachConnectionCommand(m_diagram, connection, from, to, flow);
    QVERIFY(cmd->text().startsWith(QStringLiteral("Reconnect ")));
    roundTrip(cmd, [&] {
        const Connection *c = m_diagram->connection(connection);
        QVERIFY(c);
        QCOMPARE(c->from, from);
        QCOMPARE(c->to, to);
        QCOMPARE(c->flow, flow);
        QCOMPARE(c->label, QStringLiteral("kept"));
        QCOMPARE(m_diagram->connectionIndex(connection), index); // file order kept
        QVERIFY(m_diagram->connectionsOf(to).contains(connection));
    });
    m_stack->undo();
    QCOMPARE(*m_diagram->connection(connection), before);
    QVERIFY(m_diagram->connectionsOf(before.to).contains(connection));
    if (before.to != to && before.from != to)
        QVERIFY(!m_diagram->connectionsOf(to).contains(connection));
}

void TestCommands::reattachToSameEndsIsObsolete()
{
    ReattachConnectionCommand cmd(m_diagram, "e1", "client", "gw", "requests");
    QVERIFY(cmd.isObsolete());
}

void TestCommands::paste()
{
    const QByteArray bytes = Fragment::extract(*m_diagram, {"client", "gw"}).toBytes();
    QString error;
    auto *cmd = AddItemsCommand::paste(m_diagram, bytes, {30, 30}, &error);
    QVERIFY2(cmd, qPrintable(error));
    QCOMPARE(cmd->text(), QStringLiteral("Paste 2 components"));
    const QStringList ids = cmd->componentIds();
    roundTrip(cmd, [&] {
        QCOMPARE(int(m_diagram->components().size()), 6);
        QCOMPARE(int(m_diagram->connections().size()), 4);
        QCOMPARE(int(m_diagram->groups().size()), 2);
        // The copy keeps its shape, moved clear of every other card.
        const QPointF shift =
            m_diagram->component(ids[0])->pos - m_diagram->component("client")->pos;
        QCOMPARE(m_diagram->component(ids[1])->pos, m_diagram->component("gw")->pos + shift);
        QVERIFY(shift.manhattanLength() > 0);
        for (const QString &id : ids)
            for (const Component &c : m_diagram->components())
                QVERIFY2(ids.contains(c.id) || !CardGeometry::rect(c).intersects(
                                                   CardGeometry::rect(*m_diagram->component(id))),
                         qPrintable(id + " covers " + c.id));
        QCOMPARE(m_diagram->outgoing(ids[0]).first()->to, ids[1]);
    });
}

void TestCommands::repeatedPastesCascade()
{
    const QByteArray bytes = Fragment::extract(*m_diagram, {"client", "gw"}).toBytes();
    for (int n = 1; n <= 6; ++n) {
        QString error;
        auto *cmd = AddItemsCommand::paste(m_diagram, bytes, QPointF(30, 30) * n, &error);
        QVERIFY2(cmd, qPrintable(error));
        m_stack->push(cmd);
    }
    QCOMPARE(int(m_diagram->components().size()), 4 + 12);
    const auto &all = m_diagram->components();
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = i + 1; j < all.size(); ++j)
            QVERIFY2(!CardGeometry::rect(all[i]).intersects(CardGeometry::rect(all[j])),
                     qPrintable(all[i].id + " and " + all[j].id + " overlap"));
}

void TestCommands::pasteRejectsGarbage()
{
    QString error;
    QVERIFY(!AddItemsCommand::paste(m_diagram, "not json", {}, &error));
    QVERIFY2(error.startsWith("clipboard: "), qPrintable(error));
    QCOMPARE(int(m_diagram->components().size()), 4);
}

void TestCommands::setMeta()
{
    Meta m = m_diagram->meta();
    m.latencyBudgetMs = 120;
    auto *cmd = new SetMetaCommand(m_diagram, m);
    QCOMPARE(cmd->text(), QStringLiteral("Set latency budget to 120 ms"));
    roundTrip(cmd, [&] { QCOMPARE(m_diagram->meta().latencyBudgetMs, 120.0); });
}

void TestCommands::noOpIsObsolete()
{
    m_stack->push(EditComponentCommand::setLabel(m_diagram, "gw", "gw"));
    m_stack->push(new MoveComponentsCommand(m_diagram, {"gw"}, {{250, 0}}));
    m_stack->push(new RemoveItemsCommand(m_diagram, {"nope"}, {}));
    QCOMPARE(m_stack->count(), 0);
}

void TestCommands::reorder_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<bool>("front");
    QTest::addColumn<QStringList>("order");
    QTest::newRow("front") << QStringList{"gw", "client"} << true
                           << QStringList{"rank", "reg", "client", "gw"};
    QTest::newRow("back") << QStringList{"reg", "gw"} << false
                          << QStringList{"gw", "reg", "client", "rank"};
    QTest::newRow("one to front") << QStringList{"client"} << true
                                  << QStringList{"gw", "rank", "reg", "client"};
}

void TestCommands::reorder()
{
    QFETCH(QStringList, ids);
    QFETCH(bool, front);
    QFETCH(QStringList, order);
    auto *cmd = new ReorderComponentsCommand(m_diagram, ids,
                                             front ? ReorderComponentsCommand::Where::Front
                                                   : ReorderComponentsCommand::Where::Back);
    roundTrip(cmd, [&] {
        QStringList now;
        for (const Component &c : m_diagram->components())
            now << c.id;
        QCOMPARE(now, order);
    });
    // Already in place: nothing to do, nothing pushed.
    m_stack->push(new ReorderComponentsCommand(m_diagram, {order.first()},
                                               ReorderComponentsCommand::Where::Back));
    m_stack->push(new ReorderComponentsCommand(m_diagram, {order.last()},
                                               ReorderComponentsCommand::Where::Front));
    QCOMPARE(m_stack->count(), 1);
}

QTEST_APPLESS_MAIN(TestCommands)
#include "tst_commands.moc"
