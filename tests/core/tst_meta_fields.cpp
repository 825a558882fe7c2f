// SPDX-License-Identifier: MIT
#include "MetaFields.h"

#include <QTest>

using namespace mls;

/// The known fields of meta.extra read and written through one set of typed accessors.
class TestMetaFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templateFields_data();
    void templateFields();
    void stepNotesRoundTrip();
    void severityOverrides();
};

namespace {
Meta metaWith(const char *json)
{
    Meta m;
    m.extra = Json::parse(json);
    return m;
}
} // namespace

void TestMetaFields::templateFields_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QStringList>("tags");
    QTest::newRow("both") << R"({"summary": "Two towers", "tags": ["recsys", "video"]})"
                          << "Two towers" << QStringList{"recsys", "video"};
    QTest::newRow("absent") << "{}" << QString() << QStringList();
    QTest::newRow("wrong types") << R"({"summary": 3, "tags": "recsys"})" << QString()
                                 << QStringList();
    QTest::newRow("mixed tags") << R"({"tags": ["a", 1, "b"]})" << QString()
                                << QStringList{"a", "b"};
}

void TestMetaFields::templateFields()
{
    QFETCH(QString, json);
    QFETCH(QString, summary);
    QFETCH(QStringList, tags);
    const Meta m = metaWith(json.toUtf8().constData());
    QCOMPARE(known::templateSummary(m), summary);
    QCOMPARE(known::templateTags(m), tags);
}

void TestMetaFields::stepNotesRoundTrip()
{
    Meta m = metaWith(R"({"steps": "not an object", "other": 1})");
    QVERIFY(known::stepNotes(m).isEmpty());
    m = known::withStepNote(m, QStringLiteral("monitoring"), QStringLiteral("drift on CTR"));
    m = known::withStepNote(m, QStringLiteral("evaluation"), QStringLiteral("NDCG@10"));
    QCOMPARE(known::stepNotes(m).value(QStringLiteral("monitoring")),
             QStringLiteral("drift on CTR"));
    QCOMPARE(known::stepNotesInOrder(m).size(), 2);
    QVERIFY(m.extra.value("other", 0) == 1); // other fields are kept
}

void TestMetaFields::severityOverrides()
{
    const Meta m = metaWith(R"({"severity_overrides": {"MLS-014": "warning", "MLS-001": 2}})");
    const QHash<QString, QString> o = known::severityOverrides(m);
    QCOMPARE(o.size(), 2);
    QCOMPARE(o.value(QStringLiteral("MLS-014")), QStringLiteral("warning"));
    QVERIFY(o.value(QStringLiteral("MLS-001")).isEmpty()); // not a name: the engine warns
}

QTEST_APPLESS_MAIN(TestMetaFields)
#include "tst_meta_fields.moc"
