// SPDX-License-Identifier: MIT
#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QTest>

#include <algorithm>

using namespace mls;

/// The reader converts components, connections and zones while it parses the file; the
/// result, the warnings and the first error must be those of reading the whole file first
/// and converting it in the format's order, whatever order the file's sections come in.
class TestReaderOrder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sectionOrderDoesNotMatter_data();
    void sectionOrderDoesNotMatter();
    void firstErrorInTheFormatsOrder_data();
    void firstErrorInTheFormatsOrder();
};

namespace {

/// A design touching every section, with an unknown kind and flow (warnings), unknown fields
/// and references between the sections.
const std::vector<std::pair<std::string, std::string>> &sections()
{
    static const std::vector<std::pair<std::string, std::string>> s{
        {"format", R"("mlsketch")"},
        {"version", "1"},
        {"meta", R"({"title":"T","latency_budget_ms":150,"colour":"blue"})"},
        {"components", R"([{"id":"a","kind":"client","x":10,"y":20,"extra":1},
                           {"id":"b","kind":"quantum_annealer","props":{"latency_ms":5}},
                           {"id":"c","kind":"ranking","waivers":[{"rule":"MLS-001","why":2}]}])"},
        {"connections", R"([{"id":"e1","from":"a","to":"c","flow":"requests"},
                            {"id":"e2","from":"b","to":"c","flow":"telepathy","label":"L"}])"},
        {"groups", R"([{"id":"g","label":"Zone","members":["a","c"],"colour":"red"}])"},
        {"unknown", R"({"kept":[1,2,3]})"}};
    return s;
}

QByteArray inOrder(const std::vector<int> &order)
{
    QByteArray text = "{";
    for (size_t i = 0; i < order.size(); ++i) {
        const auto &[key, value] = sections()[size_t(order[i])];
        text += (i ? "," : "") + QByteArray::fromStdString("\"" + key + "\":" + value);
    }
    return text + "}";
}

} // namespace

void TestReaderOrder::sectionOrderDoesNotMatter_data()
{
    QTest::addColumn<QByteArray>("text");
    // Every order of the three arrays, around the other members.
    std::vector<int> arrays{3, 4, 5};
    do {
        std::vector<int> order{0, 1, 2};
        order.insert(order.end(), arrays.begin(), arrays.end());
        order.push_back(6);
        QTest::newRow(
            qPrintable(QStringLiteral("%1 %2 %3").arg(arrays[0]).arg(arrays[1]).arg(arrays[2])))
            << inOrder(order);
    } while (std::next_permutation(arrays.begin(), arrays.end()));
    QTest::newRow("arrays first, format last") << inOrder({3, 4, 5, 6, 2, 1, 0});
}

void TestReaderOrder::sectionOrderDoesNotMatter()
{
    QFETCH(QByteArray, text);
    const ReadResult expected = DiagramReader::read(inOrder({0, 1, 2, 3, 4, 5, 6}), "f");
    QVERIFY2(expected.ok(), qPrintable(expected.error));
    QCOMPARE(expected.warnings.size(), 2);
    const ReadResult r = DiagramReader::read(text, "f");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.warnings, expected.warnings);
    // Unknown top-level fields keep their own order, wherever the sections are.
    QCOMPARE(DiagramWriter::write(*r.diagram), DiagramWriter::write(*expected.diagram));
    QVERIFY(r.diagram->components()[1].props == expected.diagram->components()[1].props);
}

void TestReaderOrder::firstErrorInTheFormatsOrder_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxComponents"); // 0: the default limits
    QTest::addColumn<QString>("error");
    const QByteArray head = R"({"format":"mlsketch","version":1,)";
    const QByteArray badComponent = R"("components":[{"id":"a","kind":"client"},{"kind":"x"}])";
    QTest::newRow("format after a bad component")
        << QByteArray(R"({"components":[{"kind":"x"}],"format":"drawio","version":1})") << 0
        << "f: format: \"format\" is \"drawio\", expected \"mlsketch\": this is not an mlsketch "
           "file";
    QTest::newRow("meta after a bad component") << head + badComponent + R"(,"meta":"x"})" << 0
                                                << "f: meta: expected an object, found a string";
    QTest::newRow("connections not an array after a bad component")
        << head + badComponent + R"(,"connections":{}})" << 0
        << "f: connections: expected an array, found an object";
    QTest::newRow("too many components, one of them bad")
        << head + badComponent + "}" << 1 << "f: components: 2 entries, more than the limit of 1";
    QTest::newRow("a repeated key after a bad component")
        << head + badComponent + R"(,"meta":{"a":1,"a":2}})" << 0
        << "f: meta: the key \"a\" appears twice in the same object; a file may hold each key once";
    QTest::newRow("bad JSON after a bad component")
        << head + badComponent + R"(,"x":tru})" << 0
        << "f: line 1, column 96: not valid JSON: syntax error while parsing value - invalid "
           "literal; last read: '\"x\":tru}'";
    QTest::newRow("a bad component before a bad connection")
        << head + R"("connections":[{"id":"e"}],)" + badComponent + "}" << 0
        << "f: components[1].id: missing";
    QTest::newRow("connections before components")
        << head + R"("connections":[{"id":"e","from":"a","to":"ghost","flow":"requests"}],)" +
               badComponent.left(badComponent.indexOf(",{")) + "]}"
        << 0 << "f: connections[0].to: refers to a missing component \"ghost\"";
    QTest::newRow("an id used first by a later section")
        << head + R"("connections":[{"id":"a","from":"a","to":"a","flow":"requests"}],)" +
               R"("components":[{"id":"a","kind":"client"}]})"
        << 0 << "f: connections[0].id: duplicate id \"a\" (already used by components[0].id)";
    QTest::newRow("a zone read after the connection naming it")
        << head + R"("components":[{"id":"a","kind":"client"}],)" +
               R"("connections":[{"id":"e","from":"a","to":"g","flow":"requests"}],)" +
               R"("groups":[{"id":"g","members":[]}]})"
        << 0
        << "f: connections[0].to: \"g\" is a zone, not a component (connections and zone "
           "members are components)";
    QTest::newRow("a connection from itself")
        << head + R"("components":[{"id":"a","kind":"client"}],)" +
               R"("connections":[{"id":"e","from":"e","to":"a","flow":"requests"}]})"
        << 0 << "f: connections[0].from: \"e\" is not a component (it is connections[0])";
    QTest::newRow("a zone naming a later zone")
        << head + R"("groups":[{"id":"g1","members":["g2"]},{"id":"g2"}]})" << 0
        << "f: groups[0].members[0]: \"g2\" is a zone, not a component (connections and zone "
           "members are components)";
    QTest::newRow("a zone naming a connection")
        << head + R"("components":[{"id":"a","kind":"client"}],)" +
               R"("connections":[{"id":"e","from":"a","to":"a","flow":"requests"}],)" +
               R"("groups":[{"id":"g","members":["a","e"]}]})"
        << 0 << "f: groups[0].members[1]: \"e\" is not a component (it is connections[0])";
    QTest::newRow("a repeated key inside an element, after a bad one")
        << head + R"("components":[{"kind":"x"},{"id":"b","id":"c"}]})" << 0
        << "f: components[1]: the key \"id\" appears twice in the same object; a file may hold "
           "each key once";
}

void TestReaderOrder::firstErrorInTheFormatsOrder()
{
    QFETCH(QByteArray, text);
    QFETCH(int, maxComponents);
    QFETCH(QString, error);
    Limits limits;
    if (maxComponents > 0)
        limits.maxComponents = maxComponents;
    const ReadResult r = DiagramReader::read(text, "f", limits);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, error);
    QVERIFY(r.warnings.isEmpty());
}

QTEST_APPLESS_MAIN(TestReaderOrder)
#include "tst_reader_order.moc"
