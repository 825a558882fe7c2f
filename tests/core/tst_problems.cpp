// SPDX-License-Identifier: MIT
// The built-in problems and rubrics, and the messages for broken problem files.
#include "Catalog.h"
#include "DesignSteps.h"
#include "DiagramReader.h"
#include "Problem.h"

#include <QDir>
#include <QSet>
#include <QTest>

using namespace mls;

class TestProblems : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initCoreResources(); }

    void everyTemplateIsAProblem()
    {
        const QStringList templates = QDir(QStringLiteral(MLS_SOURCE_DIR "/templates"))
                                          .entryList({"*.mlsketch"}, QDir::Files, QDir::Name);
        QStringList names;
        for (const QString &t : templates)
            names << t.chopped(int(strlen(".mlsketch")));
        QCOMPARE(ProblemSet::ids(), names);
        for (const QString &id : ProblemSet::ids())
            QVERIFY(DiagramReader::readFile(ProblemSet::referencePath(id)).ok());
    }

    void rubricsAreComplete()
    {
        for (const Problem &p : ProblemSet::builtin()) {
            QVERIFY2(p.items.size() >= 8 && p.items.size() <= 15, qPrintable(p.id));
            QVERIFY(!p.prompt.isEmpty() && p.requirements.size() >= 3 && !p.tags.isEmpty());
            QSet<QString> steps;
            for (const RubricItem &i : p.items) {
                QVERIFY(!i.why.isEmpty());
                if (!i.isPenalty()) {
                    QVERIFY(!i.hint.isEmpty());
                    steps.insert(i.step);
                }
            }
            // Graph checks cover most steps; notes and the budget cover the rest.
            QVERIFY2(steps.size() >= 5, qPrintable(p.id));
        }
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"("id":"x","title":"X","prompt":"p","difficulty":"easy",)";
        const QByteArray item =
            R"({"id":"a","step":"evaluation","title":"A","points":5,"hint":"h","why":"w",)";
        QTest::newRow("not json") << QByteArray("{") << "not valid JSON";
        QTest::newRow("not object") << QByteArray("[]") << "top level: not an object";
        QTest::newRow("no id") << QByteArray(R"({"title":"X"})") << "missing \"id\"";
        QTest::newRow("bad difficulty")
            << QByteArray(R"({"id":"x","title":"X","prompt":"p","difficulty":"insane","items":[]})")
            << "difficulty must be";
        QTest::newRow("no items") << "{" + head + "\"items\":[]}"
                                  << "no points to earn";
        QTest::newRow("unknown type") << "{" + head + "\"items\":[" + item + R"("type":"magic"}]})"
                                      << "items[0] (\"a\"): unknown type \"magic\"";
        QTest::newRow("unknown kind")
            << "{" + head + "\"items\":[" + item +
                   R"("type":"flow","from":["warp_drive"],"to":["trainer"]}]})"
            << "unknown kind \"warp_drive\"";
        QTest::newRow("unknown flow")
            << "{" + head + "\"items\":[" + item +
                   R"("type":"flow","from":["client"],"to":["trainer"],"flows":["gossip"]}]})"
            << "unknown flow \"gossip\"";
        QTest::newRow("unknown step")
            << "{" + head +
                   R"("items":[{"id":"a","step":"vibes","title":"A","points":5,"hint":"h","why":"w","type":"notes"}]})"
            << "unknown step \"vibes\"";
        QTest::newRow("positive penalty")
            << "{" + head + "\"items\":[" + item + R"("type":"rule_errors","per_error":2}]})"
            << "a penalty needs negative points";
        QTest::newRow("empty slots")
            << "{" + head + "\"items\":[" + item + R"("type":"roles","slots":[]}]})"
            << "\"slots\" must be a non-empty list";
        QTest::newRow("duplicate id") << "{" + head + "\"items\":[" + item + R"("type":"notes"},)" +
                                             item + R"("type":"notes"}]})"
                                      << "duplicate id \"a\"";
    }
    void badFilesAreNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ProblemSet::fromJson(json, QStringLiteral("bad.json"), &error));
        QVERIFY2(error.startsWith(QLatin1String("bad.json: ")), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void searchMatchesTitleTagsAndPrompt()
    {
        const Problem *p = ProblemSet::find(QStringLiteral("video_recommendation"));
        QVERIFY(p);
        QVERIFY(p->matches(QStringLiteral("VIDEO")));
        QVERIFY(p->matches(QStringLiteral("two-stage")));
        QVERIFY(p->matches(QStringLiteral("hard")));
        QVERIFY(!p->matches(QStringLiteral("fraud")));
    }
};

QTEST_APPLESS_MAIN(TestProblems)
#include "tst_problems.moc"
