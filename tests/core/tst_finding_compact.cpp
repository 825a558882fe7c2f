// SPDX-License-Identifier: MIT
// The compact Finding (issue 16): the rule's texts read through an interned rule, the ids and
// a waiver's reason in one list, messages filled at their exact size. Pins that every field
// reads as the old struct held it: the message against the old one-pass template filler, the
// rule's texts against the engine's rule on every template and random designs, the ids and the
// waiver whatever order they are set in, and findings that outlive their engine.
#include "../RuleEdits.h"
#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "RuleChecks.h"
#include "RuleEngine.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace mls;

namespace {

/// The template filler as it was before the compact finding, verbatim.
QString oldFill(const QString &t, const MessageArgs &args)
{
    QString m;
    m.reserve(t.size() + 32);
    qsizetype i = 0;
    while (i < t.size()) {
        const qsizetype open = t.indexOf(QLatin1Char('{'), i);
        const qsizetype close = open < 0 ? -1 : t.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            m += QStringView(t).mid(i);
            break;
        }
        m += QStringView(t).mid(i, open - i);
        const QString value = args(QStringView(t).mid(open + 1, close - open - 1));
        m += value.isNull() ? QStringView(t).mid(open, close - open + 1) : QStringView(value);
        i = close + 1;
    }
    return m;
}

/// A random template of text, known and unknown placeholders, stray and nested braces.
QString randomTemplate(QRandomGenerator &rng)
{
    static const QStringList pieces{"{from}", "{to}",   "{component}", "{nope}", "{}", "{",
                                    "}",      "{a{b}",  " calls ",     "“x”",    "é",  "🙂",
                                    "{path}", "{flow}", "text ",       "{{to}}"};
    QString t;
    const int n = int(rng.bounded(12));
    for (int i = 0; i < n; ++i)
        t += pieces[rng.bounded(int(pieces.size()))];
    return t;
}

/// Placeholder values: some names unknown (null: kept as written), some empty, some holding
/// braces or long text.
QString randomValue(QStringView name, quint32 salt)
{
    const quint32 h = quint32(qHash(name)) ^ salt;
    switch (h % 5) {
    case 0:
        return QString();
    case 1:
        return QStringLiteral("");
    case 2:
        return QStringLiteral("\"{to}\"");
    case 3:
        return QStringLiteral("\"%1\"").arg(QString(int(h % 97), QLatin1Char('x')));
    default:
        return name.toString().toUpper();
    }
}

/// The key as the old struct made it, from plain lists.
QString oldKey(const QString &rule, QStringList c, QStringList e)
{
    c.sort();
    e.sort();
    return rule + QLatin1Char('|') + c.join(QLatin1Char(',')) + QLatin1Char('|') +
           e.join(QLatin1Char(','));
}

} // namespace

class tst_FindingCompact : public QObject
{
    Q_OBJECT
private slots:
    void messageAsTheOldFiller_data();
    void messageAsTheOldFiller();
    void textsAreTheRules_data();
    void textsAreTheRules();
    void idsAndWaiverInAnyOrder_data();
    void idsAndWaiverInAnyOrder();
    void outlivesItsEngine();
    void internSharesEqualRules();
    void messageReadsAsSet_data();
    void messageReadsAsSet();
};

void tst_FindingCompact::messageAsTheOldFiller_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 4; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void tst_FindingCompact::messageAsTheOldFiller()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    for (int i = 0; i < 2000; ++i) {
        Rule rule;
        rule.id = QStringLiteral("T-%1").arg(i);
        rule.message = randomTemplate(rng);
        const quint32 salt = rng.generate();
        const MessageArgs args = [salt](QStringView name) { return randomValue(name, salt); };
        const Finding f = makeFinding(rule, Severity::Info, args, {"c"}, {});
        QCOMPARE(f.message(), oldFill(rule.message, args));
    }
}

void tst_FindingCompact::textsAreTheRules_data()
{
    QTest::addColumn<QString>("design");
    QTest::addColumn<int>("edits");
    const QString dir = QStringLiteral(MLS_SOURCE_DIR "/templates/");
    for (const QString &name : QDir(dir).entryList({"*.mlsketch"}, QDir::Files)) {
        QTest::newRow(qPrintable(name)) << dir + name << 0;
        QTest::newRow(qPrintable(name + ", edited")) << dir + name << 150;
    }
    QTest::newRow("random design") << QString() << 400;
}

void tst_FindingCompact::textsAreTheRules()
{
    QFETCH(QString, design);
    QFETCH(int, edits);
    std::unique_ptr<Diagram> d =
        design.isEmpty() ? std::make_unique<Diagram>() : test::readDesign(design);
    QRandomGenerator rng(quint32(qHash(design)) + quint32(edits));
    RuleEngine engine;
    engine.check(*d);
    int seen = 0;
    for (int i = 0; i <= edits; ++i) {
        QVector<Finding> found;
        if (i == 0) {
            found = engine.check(*d);
        } else {
            const auto [components, connections] = test::randomEdit(*d, rng);
            found = engine.recheck(*d, components, connections);
        }
        if (i % 50 != 0 && i != edits)
            continue;
        for (const Finding &f : found) {
            const Rule *r = engine.rule(f.rule());
            QVERIFY2(r, qPrintable(f.rule()));
            QCOMPARE(f.title(), r->title);
            QCOMPARE(f.explanation(), r->explanation);
            if (!f.message().startsWith(QLatin1String("Not checked")))
                QCOMPARE(f.fix(), r->fix);
            QVERIFY(!f.message().isEmpty());
            QCOMPARE(f.ids(), f.components().toList() + f.connections().toList());
            QCOMPARE(f.key(), oldKey(f.rule(), f.components(), f.connections()));
            QCOMPARE(f.waiverReason().isEmpty() || f.waived(), true);
            ++seen;
        }
    }
    if (edits > 0)
        QVERIFY(seen > 0);
}

void tst_FindingCompact::idsAndWaiverInAnyOrder_data()
{
    QTest::addColumn<QStringList>("components");
    QTest::addColumn<QStringList>("connections");
    QTest::addColumn<bool>("waived");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("waiverFirst");
    QTest::newRow("none") << QStringList() << QStringList() << false << QString() << false;
    QTest::newRow("components") << QStringList{"a", "b"} << QStringList() << false << QString()
                                << false;
    QTest::newRow("connections") << QStringList() << QStringList{"e1"} << false << QString()
                                 << true;
    QTest::newRow("both, waived") << QStringList{"b", "a"} << QStringList{"e2", "e1"} << true
                                  << QStringLiteral("accepted") << false;
    QTest::newRow("both, waived first") << QStringList{"b", "a"} << QStringList{"e2", "e1"} << true
                                        << QStringLiteral("accepted") << true;
    QTest::newRow("waived without reason")
        << QStringList{"a"} << QStringList{"e"} << true << QString() << true;
    QTest::newRow("reason looks like an id")
        << QStringList{"a"} << QStringList() << true << QStringLiteral("a") << false;
}

void tst_FindingCompact::idsAndWaiverInAnyOrder()
{
    QFETCH(QStringList, components);
    QFETCH(QStringList, connections);
    QFETCH(bool, waived);
    QFETCH(QString, reason);
    QFETCH(bool, waiverFirst);
    Finding f;
    f.setRule(QStringLiteral("MLS-999"), QStringLiteral("A title"));
    if (waiverFirst) {
        f.setWaiver(true, QStringLiteral("first reason"));
        f.setWaiver(waived, reason);
        f.setIds({"x"}, {"y", "z"});
        f.setIds(components, connections);
    } else {
        f.setIds(components, connections);
        f.setWaiver(waived, reason);
    }
    QCOMPARE(f.components().toList(), components);
    QCOMPARE(f.connections().toList(), connections);
    QCOMPARE(f.waived(), waived);
    QCOMPARE(f.waiverReason(), reason);
    QCOMPARE(f.key(), oldKey("MLS-999", components, connections));
    QCOMPARE(f.title(), QStringLiteral("A title"));
    // Unwaived again, the reason goes and the ids stay.
    Finding g = f;
    g.setWaiver(false, QStringLiteral("ignored"));
    QCOMPARE(g.waiverReason(), QString());
    QCOMPARE(g.components().toList(), components);
    QCOMPARE(g.connections().toList(), connections);
    QCOMPARE(g == f, !waived);
    QCOMPARE(f.components() == components, true);
    QVERIFY(sizeof(Finding) <= 48);
}

void tst_FindingCompact::outlivesItsEngine()
{
    const QString dir = QStringLiteral(MLS_SOURCE_DIR "/templates/");
    std::unique_ptr<Diagram> d =
        test::readDesign(dir + QDir(dir).entryList({"*.mlsketch"}, QDir::Files).first());
    QRandomGenerator rng(7);
    for (int i = 0; i < 60; ++i)
        test::randomEdit(*d, rng);
    QVector<Finding> found;
    QStringList texts;
    {
        auto engine = std::make_unique<RuleEngine>();
        found = engine->check(*d);
        for (const Finding &f : found) {
            const Rule *r = engine->rule(f.rule());
            texts << r->id + r->title + r->explanation + r->fix;
        }
    }
    QVERIFY(!found.isEmpty());
    // Another engine's rules now lie where the first one's were.
    RuleEngine other;
    other.check(*d);
    for (qsizetype i = 0; i < found.size(); ++i) {
        const Finding &f = found[i];
        QCOMPARE(f.rule() + f.title() + f.explanation() + f.fix(), texts[i]);
    }
}

void tst_FindingCompact::internSharesEqualRules()
{
    Rule a;
    a.id = QStringLiteral("X-1");
    a.title = QStringLiteral("Title");
    a.message = QStringLiteral("{component} is odd");
    a.explanation = QStringLiteral("Why.");
    a.fix = QStringLiteral("Fix.");
    const Rule *first = Finding::intern(a);
    QCOMPARE(Finding::intern(a), first);
    Rule b;
    b.id = QStringLiteral("X-") + QString::number(1);
    b.title = QStringLiteral("Tit") + QStringLiteral("le");
    b.message = a.message;
    b.explanation = a.explanation;
    b.fix = a.fix;
    QCOMPARE(Finding::intern(b), first); // equal text, other strings: the same copy
    Rule c = a;
    c.fix = QStringLiteral("Another fix.");
    const Rule *other = Finding::intern(c);
    QVERIFY(other != first);
    QCOMPARE(other->fix, c.fix);
    Rule e = a;
    e.severity = Severity::Error;
    QVERIFY(Finding::intern(e) != first);
    QCOMPARE(Finding::intern(a), first);
    QCOMPARE(first->title, a.title);
}

void tst_FindingCompact::messageReadsAsSet_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("ascii") << QStringLiteral("Ranker reads features nobody writes");
    QTest::newRow("empty") << QString();
    QTest::newRow("latin-1") << QStringLiteral("Caf\u00e9 r\u00e9sum\u00e9 feeds nothing");
    QTest::newRow("cjk") << QStringLiteral("\u7279\u5f81\u5e93 has no writer");
    QTest::newRow("astral") << QStringLiteral("\U0001F680 launcher \U0001F9EA tests");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral(" half");
    QTest::newRow("the template") << QStringLiteral("{component} is odd");
    QTest::newRow("template as text") << QStringLiteral("Plain rule text");
    QTest::newRow("long ascii") << QStringLiteral("hop ").repeated(700);
    QTest::newRow("long utf-8") << QStringLiteral("\u00e9tape \u2192 ").repeated(400);
}

/// The message is kept as UTF-8 (or nothing, when it is the rule's template): it reads back as
/// set, also after the finding moves to another rule, and equality follows it.
void tst_FindingCompact::messageReadsAsSet()
{
    QFETCH(QString, message);
    Rule rule;
    rule.id = QStringLiteral("X-9");
    rule.message = QStringLiteral("Plain rule text");
    Finding f(rule, Severity::Warning, message, QStringList{QStringLiteral("a")});
    // A lone surrogate is not UTF-8: it reads back as the replacement character.
    const QString expected = QString::fromUtf8(message.toUtf8());
    QCOMPARE(f.message(), expected);
    Finding copy = f;
    QCOMPARE(copy, f);
    { // copies share the bytes: one outlives the other, a moved-from one reads empty
        auto first = std::make_unique<Finding>(f);
        Finding second = *first;
        first.reset();
        QCOMPARE(second.message(), expected);
        Finding moved = std::move(second);
        QCOMPARE(moved.message(), expected);
        second = moved;
        QCOMPARE(second.message(), expected);
    }
    Rule other = rule;
    other.id = QStringLiteral("X-10");
    other.message = QStringLiteral("Another template");
    f.setRule(other);
    QCOMPARE(f.message(), expected);
    QCOMPARE(f.rule(), other.id);
    f.setMessage(QStringLiteral("changed"));
    QVERIFY(f != copy);
    QCOMPARE(f.message(), QStringLiteral("changed"));
    f.setMessage(other.message); // now the rule's own template
    QCOMPARE(f.message(), other.message);
    f.setRule(rule);
    QCOMPARE(f.message(), other.message);
}

QTEST_APPLESS_MAIN(tst_FindingCompact)
#include "tst_finding_compact.moc"
