// SPDX-License-Identifier: MIT
#include "Diagram.h"
#include "Fragment.h"
#include "commands/AddItemsCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "commands/ReorderComponentsCommand.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace mls;

/// Undo texts are tr() with %n plurals; in English (no translator) they read as before,
/// "Move 1 component" / "Move 3 components", and a loaded translation's numerus forms win.
class TestUndoText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void englishPlurals_data();
    void englishPlurals();
    void translationIsUsed();
};

namespace {

std::unique_ptr<Diagram> cards(int n)
{
    auto d = std::make_unique<Diagram>();
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = QStringLiteral("cache");
        c.label = QStringLiteral("Cache %1").arg(i);
        c.pos = QPointF(i * 10, 0);
        d->insertComponent(i, c);
    }
    Group g;
    g.id = QStringLiteral("g1");
    g.label = QStringLiteral("Serving");
    g.members = {QStringLiteral("c0")};
    d->insertGroup(0, g);
    return d;
}

QStringList firstIds(int n)
{
    QStringList ids;
    for (int i = 0; i < n; ++i)
        ids << QStringLiteral("c%1").arg(i);
    return ids;
}

/// The text of command @p what acting on @p n components of a fresh diagram.
QString textOf(const QString &what, int n)
{
    auto d = cards(n);
    const QStringList ids = firstIds(n);
    std::unique_ptr<QUndoCommand> cmd;
    if (what == QLatin1String("move"))
        cmd = std::make_unique<MoveComponentsCommand>(d.get(), ids,
                                                      QVector<QPointF>(n, QPointF(500, 500)));
    else if (what == QLatin1String("delete"))
        cmd = std::make_unique<RemoveItemsCommand>(d.get(), ids, QStringList(), QStringList());
    else if (what == QLatin1String("delete with zone"))
        cmd = std::make_unique<RemoveItemsCommand>(d.get(), ids, QStringList(),
                                                   QStringList{QStringLiteral("g1")});
    else if (what == QLatin1String("front"))
        cmd = std::make_unique<ReorderComponentsCommand>(d.get(), ids,
                                                         ReorderComponentsCommand::Where::Front);
    else if (what == QLatin1String("paste"))
        cmd.reset(AddItemsCommand::paste(d.get(), Fragment::extract(*d, ids).toBytes(),
                                         QPointF(30, 30), nullptr));
    else if (what == QLatin1String("group")) {
        Group g;
        g.id = QStringLiteral("g2");
        g.label = QStringLiteral("Offline");
        g.members = ids;
        cmd.reset(AddItemsCommand::group(d.get(), g));
    }
    return cmd ? cmd->text() : QString();
}

/// A translation with numerus forms, as lrelease would compile one.
class NumerusTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int n) const override
    {
        if (qstrcmp(context, "mls::MoveComponentsCommand") == 0 &&
            qstrcmp(source, "Move %n component(s)") == 0)
            return n == 1 ? QStringLiteral("Verschiebe %n Komponente")
                          : QStringLiteral("Verschiebe %n Komponenten");
        return {};
    }
};

} // namespace

void TestUndoText::englishPlurals_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("move 1") << "move" << 1 << "Move 1 component";
    QTest::newRow("move 3") << "move" << 3 << "Move 3 components";
    QTest::newRow("move 1000") << "move" << 1000 << "Move 1000 components";
    QTest::newRow("delete 1") << "delete" << 1 << "Delete 1 component";
    QTest::newRow("delete 2") << "delete" << 2 << "Delete 2 components";
    QTest::newRow("delete with zone") << "delete with zone" << 2 << "Delete 2 components, 1 zone";
    QTest::newRow("front 1") << "front" << 1 << "Bring 1 component to front";
    QTest::newRow("front 2") << "front" << 2 << "Bring 2 components to front";
    QTest::newRow("paste 1") << "paste" << 1 << "Paste 1 component";
    QTest::newRow("paste 4") << "paste" << 4 << "Paste 4 components";
    QTest::newRow("group 1") << "group" << 1 << "Group 1 component into “Offline”";
    QTest::newRow("group 2") << "group" << 2 << "Group 2 components into “Offline”";
}

void TestUndoText::englishPlurals()
{
    QFETCH(QString, what);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(textOf(what, n), expected);
}

void TestUndoText::translationIsUsed()
{
    NumerusTranslator german;
    QVERIFY(QCoreApplication::installTranslator(&german));
    const QString one = textOf(QStringLiteral("move"), 1);
    const QString three = textOf(QStringLiteral("move"), 3);
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(one, QStringLiteral("Verschiebe 1 Komponente"));
    QCOMPARE(three, QStringLiteral("Verschiebe 3 Komponenten"));
    QCOMPARE(textOf(QStringLiteral("move"), 3), QStringLiteral("Move 3 components"));
}

QTEST_GUILESS_MAIN(TestUndoText)
#include "tst_undo_text.moc"
