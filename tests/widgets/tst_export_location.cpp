// SPDX-License-Identifier: MIT
#include "export/ExportLocation.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace mls;

/// Export's suggested path: always in a folder that exists, named after the document.
class TestExportLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void suggest_data();
    void suggest();
    void fileNameFor_data();
    void fileNameFor();
};

void TestExportLocation::suggest_data()
{
    // Paths are relative to a temporary folder holding "docs/" and "pictures/"; "missing/"
    // does not exist. An empty expected folder means the current folder.
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("fallbacks");
    QTest::addColumn<QString>("expected");
    const QStringList both{"pictures", "home"};
    QTest::newRow("saved document: its folder, its name") << "docs/ranking.mlsketch"
                                                          << "Ranking v2" << both << "docs/ranking";
    QTest::newRow("untitled: pictures folder, the title")
        << ""
        << "Video recommendation" << both << "pictures/Video recommendation";
    QTest::newRow("untitled, no title") << ""
                                        << "  " << both << "pictures/diagram";
    QTest::newRow("template resource counts as untitled")
        << ":/templates/video_recommendation.mlsketch"
        << "Video" << both << "pictures/Video";
    QTest::newRow("document folder deleted since") << "missing/a.mlsketch"
                                                   << "A" << both << "pictures/a";
    QTest::newRow("no pictures folder: home") << ""
                                              << "T" << QStringList{"missing", "home"} << "home/T";
    QTest::newRow("no folder at all: current") << ""
                                               << "T" << QStringList{"missing"} << "T";
    QTest::newRow("title with a slash") << ""
                                        << "A/B test" << both << "pictures/A-B test";
}

void TestExportLocation::suggest()
{
    QFETCH(QString, document);
    QFETCH(QString, title);
    QFETCH(QStringList, fallbacks);
    QFETCH(QString, expected);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDir root(tmp.path());
    for (const char *folder : {"docs", "pictures", "home"})
        QVERIFY(root.mkpath(folder));
    auto absolute = [&](const QString &p) {
        return p.isEmpty() || p.startsWith(":/") ? p : root.filePath(p);
    };
    QStringList folders;
    for (const QString &f : fallbacks)
        folders << root.filePath(f);
    const QString want = expected.contains('/') ? root.filePath(expected) : expected;
    QCOMPARE(ExportLocation::suggest(absolute(document), title, folders), want);
}

void TestExportLocation::fileNameFor_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Fraud detection"
                           << "Fraud detection";
    QTest::newRow("empty") << ""
                           << "diagram";
    QTest::newRow("separators") << "a\\b/c:d"
                                << "a-b-c-d";
    QTest::newRow("dot dot") << ".."
                             << "diagram";
    QTest::newRow("hidden") << ".secret"
                            << "secret";
}

void TestExportLocation::fileNameFor()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(ExportLocation::fileNameFor(title), expected);
}

QTEST_APPLESS_MAIN(TestExportLocation)
#include "tst_export_location.moc"
