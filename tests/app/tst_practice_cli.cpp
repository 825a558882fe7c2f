// SPDX-License-Identifier: MIT
// `mlsketch grade` and `mlsketch practice`, run as the real program.
#include "Catalog.h"
#include "DiagramReader.h"
#include "Grader.h"
#include "Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mls;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QString err;
};

Run mlsketch(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MLSKETCH_BIN), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

const QString attempts = QStringLiteral(MLS_TEST_DATA_DIR "/practice/");

} // namespace

class TestPracticeCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initCoreResources(); }

    void gradeJsonMatchesTheGrader_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("problem");
        QTest::newRow("strong video") << "video_strong.mlsketch"
                                      << "video_recommendation";
        QTest::newRow("weak fraud") << "fraud_weak.mlsketch"
                                    << "realtime_fraud_detection";
        QTest::newRow("rag against video") << "rag_strong.mlsketch"
                                           << "video_recommendation";
    }
    void gradeJsonMatchesTheGrader()
    {
        QFETCH(QString, file);
        QFETCH(QString, problem);
        const Run r =
            mlsketch({"grade", attempts + file, "--against", problem, "--format", "json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["against"].toString(), problem);
        const ReadResult read = DiagramReader::readFile(attempts + file);
        QVERIFY(read.ok());
        const Grade g = Grader::gradeAttempt(*read.diagram, *ProblemSet::find(problem));
        QCOMPARE(o["score"].toInt(), g.score);
        QCOMPARE(o["steps"].toArray().size(), 7);
        const QJsonArray items = o["items"].toArray();
        QCOMPARE(items.size(), g.items.size());
        for (const QJsonValue &v : items) {
            const QJsonObject item = v.toObject();
            for (const char *key :
                 {"id", "step", "title", "points", "earned", "status", "hint", "components"})
                QVERIFY2(item.contains(QLatin1String(key)), key);
            QVERIFY(QStringList({"met", "partial", "missing"}).contains(item["status"].toString()));
        }
    }

    void gradeText()
    {
        const Run r = mlsketch(
            {"grade", attempts + "video_weak.mlsketch", "--against", "video_recommendation"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("score "));
        QVERIFY(r.out.contains("missing feedback_loop"));
    }

    void gradeErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString good = attempts + "video_weak.mlsketch";
        QTest::newRow("unknown problem")
            << QStringList{"grade", good, "--against", "chess"} << "video_recommendation";
        QTest::newRow("unreadable")
            << QStringList{"grade", attempts + "none.mlsketch", "--against", "video_recommendation"}
            << "none.mlsketch";
        QTest::newRow("no problem") << QStringList{"grade", good} << "usage";
        QTest::newRow("bad format")
            << QStringList{"grade", good, "--against", "video_recommendation", "--format", "xml"}
            << "usage";
    }
    void gradeErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = mlsketch(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void practiceListsEveryProblem()
    {
        const Run r = mlsketch({"practice"});
        QCOMPARE(r.code, 0);
        for (const Problem &p : ProblemSet::builtin()) {
            QVERIFY(r.out.contains(p.id.toUtf8()));
            QVERIFY(r.out.contains(p.prompt.left(40).toUtf8()));
        }
        const Run json = mlsketch({"practice", "--format", "json"});
        QCOMPARE(json.code, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), ProblemSet::builtin().size());
    }
};

QTEST_APPLESS_MAIN(TestPracticeCli)
#include "tst_practice_cli.moc"
