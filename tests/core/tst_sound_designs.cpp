// SPDX-License-Identifier: MIT
#include "DiagramReader.h"
#include "RuleEngine.h"

#include <QDir>
#include <QTest>

using namespace mls;

/// Sound production architectures must come out with no error and no warning: a rule that
/// fires on them is as much a bug as a rule that misses a flaw.
class TestSoundDesigns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clean_data();
    void clean();
};

void TestSoundDesigns::clean_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(MLS_TEST_DATA_DIR "/sound"));
    const QStringList files = dir.entryList({QStringLiteral("*.mlsketch")}, QDir::Files);
    QVERIFY(files.size() >= 5);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
    QTest::newRow("template video_recommendation")
        << QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");
}

void TestSoundDesigns::clean()
{
    QFETCH(QString, path);
    const ReadResult read = DiagramReader::readFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY(read.warnings.isEmpty());
    RuleEngine engine;
    QStringList problems;
    for (const Finding &f : engine.check(*read.diagram)) {
        if (f.severity() != Severity::Info)
            problems << f.rule() + QLatin1Char(' ') + f.message();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

QTEST_APPLESS_MAIN(TestSoundDesigns)
#include "tst_sound_designs.moc"
