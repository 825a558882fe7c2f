// SPDX-License-Identifier: MIT
#include "CardGeometry.h"
#include "Catalog.h"
#include "Component.h"
#include "Limits.h"

#include <QTest>

using namespace mls;

/// Cards wrap their label to three lines and grow wider past that: nothing is ever cut.
class TestCardGeometry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wrap_data();
    void wrap();
    void cardGrows_data();
    void cardGrows();
    void longestLabelFits();
};

namespace {
qreal unit(QChar)
{
    return 1; // one per character: the test reads widths as character counts
}
} // namespace

void TestCardGeometry::wrap_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qreal>("width");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("fits") << "Feature store" << 20.0 << QStringList{"Feature store"};
    QTest::newRow("exact fit") << "abc def" << 7.0 << QStringList{"abc def"};
    QTest::newRow("breaks at the space") << "abc def" << 6.0 << QStringList{"abc", "def"};
    QTest::newRow("greedy") << "aa bb cc dd" << 5.0 << QStringList{"aa bb", "cc dd"};
    QTest::newRow("whitespace simplified") << "  Mobile\tapp \n(iOS and Android) " << 10.0
                                           << QStringList{"Mobile app", "(iOS and", "Android)"};
    QTest::newRow("long word broken between characters")
        << "Followed-Post-Retrieval x" << 10.0 << QStringList{"Followed-P", "ost-Retrie", "val x"};
    QTest::newRow("one character wider than the line still shows")
        << "abc" << 0.5 << QStringList{"a", "b", "c"};
    QTest::newRow("empty") << "" << 10.0 << QStringList{};
    QTest::newRow("surrogate pair kept whole")
        << QString::fromUtf8("ab\xF0\x9F\x98\x80") << 3.0
        << QStringList{"ab", QString::fromUtf8("\xF0\x9F\x98\x80")};
}

void TestCardGeometry::wrap()
{
    QFETCH(QString, text);
    QFETCH(qreal, width);
    QFETCH(QStringList, lines);
    const QStringList got = CardGeometry::wrap(text, width, unit);
    QCOMPARE(got, lines);
    // Never drops text: the lines put together are the simplified text minus the breaks.
    QCOMPARE(got.join(QString()).remove(QLatin1Char(' ')),
             text.simplified().remove(QLatin1Char(' ')));
}

void TestCardGeometry::cardGrows_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("wider");
    QTest::newRow("short: one line, base card") << "Cache" << 1 << false;
    QTest::newRow("two lines") << "Followed-Post Retrieval service" << 2 << false;
    QTest::newRow("three lines") << "Mobile app (iOS and Android) with the offline queue" << 3
                                 << false;
    QTest::newRow("past three lines: wider")
        << "Candidate generation from the followed posts, the trending posts and the posts "
           "of similar users, merged and deduplicated"
        << 3 << true;
}

void TestCardGeometry::cardGrows()
{
    QFETCH(QString, label);
    QFETCH(int, lines);
    QFETCH(bool, wider);
    const CardGeometry::CardText card = CardGeometry::layout(label, QStringLiteral("Ranking"));
    QCOMPARE(card.lines.size(), lines);
    QCOMPARE(card.size.width() > CardGeometry::baseWidth, wider);
    QVERIFY(card.size.height() >= CardGeometry::baseHeight);
    QCOMPARE(card.lines.join(QLatin1Char(' ')), label.simplified());
    for (const QString &line : card.lines)
        QVERIFY(CardGeometry::labelWidth(line) <= card.textWidth);
    // Whole grid steps, so a wider card still snaps to the grid.
    QCOMPARE(std::fmod(card.size.width() - CardGeometry::baseWidth, CardGeometry::widthStep), 0.0);
    // The size is a function of the component: the same label gives the same card.
    Component c;
    c.kind = QStringLiteral("ranking");
    c.label = label;
    QCOMPARE(CardGeometry::size(c), card.size);
}

void TestCardGeometry::longestLabelFits()
{
    const QString label = QStringLiteral("word ").repeated(Limits().maxLabelLength / 5);
    const CardGeometry::CardText card = CardGeometry::layout(label, QString());
    QVERIFY(card.lines.size() <= CardGeometry::maxLabelLines);
    QCOMPARE(card.lines.join(QLatin1Char(' ')), label.simplified());
    const QString oneWord(Limits().maxLabelLength, QLatin1Char('W'));
    QCOMPARE(CardGeometry::layout(oneWord, QString()).lines.join(QString()), oneWord);
}

QTEST_APPLESS_MAIN(TestCardGeometry)
#include "tst_card_geometry.moc"
