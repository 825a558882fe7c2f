// SPDX-License-Identifier: MIT
#include "export/SvgCompactor.h"

#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace mls;

namespace {

/// The document QSvgGenerator would write around @p body.
QByteArray document(const QByteArray &body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
           "<svg width=\"10mm\" height=\"10mm\" viewBox=\"0 0 40 40\" "
           "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "version=\"1.2\" baseProfile=\"tiny\">\n<title>T</title>\n<desc>D</desc>\n"
           "<defs>\n</defs>\n" +
           body + "</svg>\n";
}

/// One group as QSvgGenerator writes it: the whole painter state on every group.
QByteArray group(const QByteArray &fill, const QByteArray &transform, const QByteArray &content)
{
    return "<g fill=\"" + fill +
           "\" fill-opacity=\"1\" stroke=\"#cfd5dd\" stroke-opacity=\"1\" stroke-width=\"1\" "
           "stroke-linecap=\"square\" stroke-linejoin=\"bevel\" transform=\"" +
           transform +
           "\"\nfont-family=\"Sans Serif\" font-size=\"12\" font-weight=\"400\" "
           "font-style=\"normal\" \n>\n" +
           content + "</g>\n";
}

const QByteArray rect =
    "<path vector-effect=\"none\" fill-rule=\"evenodd\" d=\"M0,0 L5,0 L5,5\"/>\n";

int count(const QByteArray &haystack, const char *needle)
{
    return int(haystack.count(needle));
}

/// Every element's name and attributes, in document order, read with an XML reader (empty
/// with the error when the document is not well-formed).
QStringList elements(const QByteArray &svg, QString *error)
{
    QStringList out;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        QString e = xml.name().toString();
        for (const QXmlStreamAttribute &a : xml.attributes())
            e += QStringLiteral(" %1=%2").arg(a.qualifiedName(), a.value());
        out << e;
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

} // namespace

/// The SVG compaction pass on documents shaped like QSvgGenerator's.
class TstSvgCompactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rewrites_data();
    void rewrites();
    void eachStyleOnce();
    void keepsTextAsWritten();
    void leavesMalformedInputAlone_data();
    void leavesMalformedInputAlone();
};

void TstSvgCompactor::rewrites_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("groups");      // <g elements left
    QTest::addColumn<int>("rules");       // CSS rules written
    QTest::addColumn<QString>("present"); // a regular expression the output matches
    QTest::addColumn<QString>("absent");  // one it must not match

    QTest::newRow("same style twice: one rule")
        << group("#ffffff", "matrix(1,0,0,1,10,20)", rect) +
               group("#ffffff", "matrix(1,0,0,1,30,20)", rect)
        << 2 << 2 << R"re(<g class="s0" transform="translate\(10,20\)">)re"
        << "fill=\"#ffffff\"";
    QTest::newRow("group that draws nothing is dropped")
        << group("#ffffff", "matrix(1,0,0,1,0,0)", "") +
               group("#000000", "matrix(1,0,0,1,1,1)", rect)
        << 1 << 3 << "<g class=\"s1\" transform=\"translate\\(1,1\\)\">"
        << "<g class=\"s0\"";
    QTest::newRow("nested empty groups are dropped")
        << "<g fill=\"none\">\n" + group("#ffffff", "matrix(1,0,0,1,0,0)", "") + "</g>\n" +
               group("#000000", "matrix(2,0,0,2,0,0)", rect)
        << 1 << 4 << "<g class=\"s2\" transform=\"matrix\\(2,0,0,2,0,0\\)\">"
        << "<g class=\"s[01]\"";
    QTest::newRow("the same state again continues the group")
        << group("#ffffff", "matrix(1,0,0,1,5,5)", rect) +
               group("#ffffff", "matrix(1,0,0,1,5,5)", rect)
        << 1 << 2 << "(<path class=\"s1\" d=\"M0,0 L5,0 L5,5\"/>\\s*){2}</g>"
        << "vector-effect";
    QTest::newRow("identity transform is no transform")
        << group("#ffffff", "matrix(1,0,0,1,0,0)", rect) << 1 << 2 << "<g class=\"s0\">"
        << "transform";
    QTest::newRow("a real matrix is kept") << group("#ffffff", "matrix(0.5,0,0,0.5,3,4)", rect) << 1
                                           << 2 << "transform=\"matrix\\(0.5,0,0,0.5,3,4\\)\""
                                           << "translate";
    QTest::newRow("dashed stroke keeps its attributes")
        << "<g fill=\"none\" stroke=\"#2563eb\" stroke-dasharray=\"4.8,2.4\" "
           "stroke-dashoffset=\"0\" stroke-width=\"1.2\">\n" +
               rect + "</g>\n"
        << 1 << 1 << "<g fill=\"none\" stroke=\"#2563eb\" stroke-dasharray=\"4.8,2.4\""
        << "<g class";
    QTest::newRow("value that is not plain CSS stays an attribute")
        << "<g fill=\"#fff\" font-family=\"A &amp; B\">\n" + rect + "</g>\n"
        << 1 << 2 << "<g class=\"s0\" font-family=\"A &amp; B\">"
        << "font-family:";
    QTest::newRow("group referred to by id is kept")
        << QByteArray("<g id=\"sym\">\n</g>\n<use xlink:href=\"#sym\"/>\n") << 1 << 0
        << "<g id=\"sym\"></g>"
        << "<style";
}

void TstSvgCompactor::rewrites()
{
    QFETCH(QByteArray, body);
    QFETCH(int, groups);
    QFETCH(int, rules);
    QFETCH(QString, present);
    QFETCH(QString, absent);
    const QByteArray in = document(body);
    const QByteArray out = SvgCompactor::compact(in);
    QString error;
    const QStringList before = elements(in, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList after = elements(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(out)));
    QCOMPARE(count(out, "<g"), groups);
    const QRegularExpression rule(QStringLiteral("^\\.s[0-9a-z]+\\{[^}]*\\}$"),
                                  QRegularExpression::MultilineOption);
    QCOMPARE(int(QString::fromUtf8(out).count(rule)), rules);
    QVERIFY2(QString::fromUtf8(out).contains(QRegularExpression(present)), out.constData());
    QVERIFY2(!QString::fromUtf8(out).contains(QRegularExpression(absent)), out.constData());
    // Nothing drawn is lost: every path of the input is in the output.
    QCOMPARE(count(out, "<path"), count(in, "<path"));
    // The style sheet comes after the title and description, before anything drawn.
    QVERIFY(after.indexOf(QStringLiteral("desc")) == 2);
    if (rules > 0)
        QCOMPARE(after.at(3), QStringLiteral("style type=text/css"));
}

void TstSvgCompactor::eachStyleOnce()
{
    // 200 cards in 3 colours: 3 group rules and the path's rule, whatever the count.
    QByteArray body;
    const QByteArray fills[] = {"#ff0000", "#00ff00", "#0000ff"};
    for (int i = 0; i < 200; ++i)
        body += group(fills[i % 3], "matrix(1,0,0,1," + QByteArray::number(i) + ",0)", rect);
    const QByteArray out = SvgCompactor::compact(document(body));
    const QString text = QString::fromUtf8(out);
    QRegularExpression rule(QStringLiteral("^\\.(s[0-9a-z]+)\\{([^}]*)\\}$"),
                            QRegularExpression::MultilineOption);
    QSet<QString> declarations;
    int rules = 0;
    for (auto it = rule.globalMatch(text); it.hasNext(); ++rules) {
        const QRegularExpressionMatch m = it.next();
        QVERIFY2(!declarations.contains(m.captured(2)), qPrintable(m.captured(2)));
        declarations.insert(m.captured(2));
    }
    QCOMPARE(rules, 4);
    QCOMPARE(count(out, "fill=\""), 0);
    QCOMPARE(count(out, "font-family"), 3);
    QCOMPARE(count(out, "<g class"), 200);
    QVERIFY2(out.size() * 3 < document(body).size(), qPrintable(QString::number(out.size())));
}

void TstSvgCompactor::keepsTextAsWritten()
{
    const QByteArray text =
        "<text fill=\"#1f2937\" fill-opacity=\"1\" stroke=\"none\" xml:space=\"preserve\" "
        "x=\"-50\" "
        "y=\"-2.5\" font-family=\"Sans Serif\" font-size=\"12.6667\" font-weight=\"600\" "
        "font-style=\"normal\" \n >  Ranking &amp; &lt;b&gt;  </text>\n";
    const QByteArray out =
        SvgCompactor::compact(document(group("#ffffff", "matrix(1,0,0,1,0,0)", text)));
    QString error;
    elements(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(out.contains(" xml:space=\"preserve\" x=\"-50\" y=\"-2.5\">  Ranking &amp; "
                          "&lt;b&gt;  </text>"),
             out.constData());
    QVERIFY(out.contains("font-size:12.6667px;font-weight:600;"));
    QVERIFY(out.contains("<title>T</title>\n<desc>D</desc>"));
}

void TstSvgCompactor::leavesMalformedInputAlone_data()
{
    QTest::addColumn<QByteArray>("svg");
    QTest::newRow("unclosed group") << document("<g fill=\"none\">\n" + rect);
    QTest::newRow("cut off tag") << QByteArray("<svg><g fill=\"none");
    QTest::newRow("mismatched end") << document("<g fill=\"none\">\n" + rect + "</text>\n");
    QTest::newRow("unquoted attribute") << document("<g fill=none>\n" + rect + "</g>\n");
    QTest::newRow("no svg element") << QByteArray("<g fill=\"none\"></g>");
    QTest::newRow("empty") << QByteArray();
}

void TstSvgCompactor::leavesMalformedInputAlone()
{
    QFETCH(QByteArray, svg);
    QCOMPARE(SvgCompactor::compact(svg), svg);
}

QTEST_APPLESS_MAIN(TstSvgCompactor)
#include "tst_svg_compactor.moc"
