// SPDX-License-Identifier: MIT
#include "ComponentProps.h"

#include <QTest>

using namespace mls;

/// The known fields kept in props and extra fields: read typed, written in place.
class TestComponentProps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void latencyOverride_data();
    void latencyOverride();
    void setLatencyKeepsPlace();
    void mergeLatencyIntoTableRows();
    void zoneColor_data();
    void zoneColor();
    void zoneMargins_data();
    void zoneMargins();
};

void TestComponentProps::latencyOverride_data()
{
    QTest::addColumn<QString>("props");
    QTest::addColumn<double>("expected"); // -1: no override
    QTest::newRow("number") << R"({"latency_ms": 40})" << 40.0;
    QTest::newRow("fraction") << R"({"latency_ms": 12.5})" << 12.5;
    QTest::newRow("string") << R"({"latency_ms": "40"})" << -1.0;
    QTest::newRow("missing") << R"({"owner": "feed"})" << -1.0;
    QTest::newRow("not an object") << R"([1, 2])" << -1.0;
}

void TestComponentProps::latencyOverride()
{
    QFETCH(QString, props);
    QFETCH(double, expected);
    const auto ms = known::latencyOverrideMs(Json::parse(props.toStdString()));
    QCOMPARE(ms.value_or(-1), expected);
}

void TestComponentProps::setLatencyKeepsPlace()
{
    const Json props = Json::parse(R"({"a": 1, "latency_ms": 5, "b": 2})");
    const Json set = known::withLatencyOverride(props, 40.0);
    QCOMPARE(QString::fromStdString(set.dump()), QString(R"({"a":1,"latency_ms":40,"b":2})"));
    const Json fraction = known::withLatencyOverride(props, 12.5);
    QCOMPARE(QString::fromStdString(fraction.dump()),
             QString(R"({"a":1,"latency_ms":12.5,"b":2})"));
    const Json removed = known::withLatencyOverride(props, std::nullopt);
    QCOMPARE(QString::fromStdString(removed.dump()), QString(R"({"a":1,"b":2})"));
    QCOMPARE(QString::fromStdString(known::withoutLatencyOverride(props).dump()),
             QString(R"({"a":1,"b":2})"));
}

void TestComponentProps::mergeLatencyIntoTableRows()
{
    // The inspector's table shows props without the override; an edit there keeps it in place.
    const Json current = Json::parse(R"({"a": 1, "latency_ms": 5, "b": 2})");
    const Json rows = Json::parse(R"({"a": 1, "b": 3})");
    QCOMPARE(QString::fromStdString(known::mergeLatencyOverride(current, rows).dump()),
             QString(R"({"a":1,"latency_ms":5,"b":3})"));
    const Json noOverride = Json::parse(R"({"a": 1})");
    QVERIFY(known::mergeLatencyOverride(noOverride, rows) == rows);
}

void TestComponentProps::zoneColor_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("read"); // empty: none
    QTest::newRow("hex") << "#2563EB"
                         << "#2563eb";
    QTest::newRow("named") << "red"
                           << "#ff0000";
    QTest::newRow("invalid") << "not a colour"
                             << "";
    QTest::newRow("removed") << ""
                             << "";
}

void TestComponentProps::zoneColor()
{
    QFETCH(QString, written);
    QFETCH(QString, read);
    Group zone;
    known::setZoneColor(zone, "#000000");
    known::setZoneColor(zone, written);
    const auto colour = known::zoneColor(zone);
    QCOMPARE(colour ? colour->name() : QString(), read);
    QCOMPARE(zone.extra.contains("color"), !written.isEmpty());
}

void TestComponentProps::zoneMargins_data()
{
    QTest::addColumn<QString>("json"); // the "margins" field as written in a file
    QTest::addColumn<QMarginsF>("read");
    QTest::newRow("four numbers") << "[10, 20, 30, 40]" << QMarginsF(10, 20, 30, 40);
    QTest::newRow("negative sides are none") << "[-5, 0, 12.5, 0]" << QMarginsF(0, 0, 12.5, 0);
    QTest::newRow("too few") << "[10, 20]" << QMarginsF();
    QTest::newRow("not numbers") << R"(["a", 1, 2, 3])" << QMarginsF();
    QTest::newRow("not an array") << R"({"left": 3})" << QMarginsF();
    QTest::newRow("huge is clamped") << "[1e300, 0, 0, 0]" << QMarginsF(100000, 0, 0, 0);
}

void TestComponentProps::zoneMargins()
{
    QFETCH(QString, json);
    QFETCH(QMarginsF, read);
    Group zone;
    zone.extra["margins"] = Json::parse(json.toStdString());
    QCOMPARE(known::zoneMargins(zone), read);
}

QTEST_APPLESS_MAIN(TestComponentProps)
#include "tst_component_props.moc"
