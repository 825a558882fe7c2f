// SPDX-License-Identifier: MIT
#include "DiagramReader.h"
#include "RuleEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace mls;

namespace {

const QString corpusDir = QStringLiteral(MLS_TEST_DATA_DIR "/corpus");

/// expected.json: file name → the error/warning findings the rules must make, each as
/// {rule, component} (the component is one the finding names). An empty list: a sound design.
QJsonObject expectations()
{
    QFile f(corpusDir + QStringLiteral("/expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

/// A corpus of big designs (20–40 components, zones, feedback loops): sound ones modelled on
/// published production systems must get no error or warning from any rule; each flawed one
/// has exactly one flaw deep inside, and must get exactly the findings it names.
class TestDesignCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusIsComplete();
    void findings_data();
    void findings();
};

void TestDesignCorpus::corpusIsComplete()
{
    const QJsonObject expected = expectations();
    const QStringList files =
        QDir(corpusDir).entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name);
    const QStringList listed = expected.keys();
    QCOMPARE(QSet<QString>(files.begin(), files.end()),
             QSet<QString>(listed.begin(), listed.end()));
    int sound = 0;
    for (const QString &f : files)
        sound += expected.value(f).toArray().isEmpty() ? 1 : 0;
    QVERIFY2(sound >= 10, qPrintable(QString::number(sound)));
    QVERIFY2(files.size() - sound >= 10, qPrintable(QString::number(files.size() - sound)));
}

void TestDesignCorpus::findings_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonArray>("expected");
    const QJsonObject expected = expectations();
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QTest::newRow(qPrintable(it.key()))
            << corpusDir + QLatin1Char('/') + it.key() << it.value().toArray();
}

void TestDesignCorpus::findings()
{
    QFETCH(QString, path);
    QFETCH(QJsonArray, expected);
    const ReadResult read = DiagramReader::readFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY(read.warnings.isEmpty());
    const int size = int(read.diagram->components().size());
    QVERIFY2(size >= 20 && size <= 40, qPrintable(QString::number(size)));
    QVERIFY(read.diagram->groups().size() > 0);

    RuleEngine engine;
    QVector<Finding> problems;
    for (const Finding &f : engine.check(*read.diagram)) {
        if (f.severity() != Severity::Info && !f.waived())
            problems.push_back(f);
    }
    // Every expected finding is made, naming its component; nothing else is.
    QStringList missing;
    QVector<bool> matched(problems.size(), false);
    for (const QJsonValue &v : expected) {
        const QString rule = v.toObject().value("rule").toString();
        const QString component = v.toObject().value("component").toString();
        bool found = false;
        for (qsizetype i = 0; i < problems.size() && !found; ++i) {
            if (!matched[i] && problems[i].rule() == rule &&
                problems[i].components().contains(component))
                matched[i] = found = true;
        }
        if (!found)
            missing << rule + QLatin1Char(' ') + component;
    }
    QStringList unexpected;
    for (qsizetype i = 0; i < problems.size(); ++i) {
        if (!matched[i])
            unexpected << problems[i].rule() + QLatin1Char(' ') + problems[i].message();
    }
    QVERIFY2(missing.isEmpty(), qPrintable("not found: " + missing.join("; ")));
    QVERIFY2(unexpected.isEmpty(), qPrintable("unexpected: " + unexpected.join("; ")));
}

QTEST_APPLESS_MAIN(TestDesignCorpus)
#include "tst_design_corpus.moc"
