// SPDX-License-Identifier: MIT
#include "export/SvgWriter.h"

#include <QApplication>
#include <QBuffer>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTest>
#include <QXmlStreamReader>

#include <functional>

using namespace mls;

namespace {

using Drawing = std::function<void(QPainter *)>;

const QSize canvas(120, 90);

QByteArray written(const Drawing &draw, const QString &title = {})
{
    SvgWriter svg(canvas, QRectF(QPointF(0, 0), canvas));
    svg.setTitle(title);
    QPainter painter(&svg);
    painter.setRenderHint(QPainter::Antialiasing);
    draw(&painter);
    painter.end();
    return svg.document();
}

/// What Qt's own QSvgGenerator writes for the same drawing: the reference picture.
QByteArray generated(const Drawing &draw)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(96);
    svg.setSize(canvas);
    svg.setViewBox(QRectF(QPointF(0, 0), canvas));
    QPainter painter(&svg);
    painter.setRenderHint(QPainter::Antialiasing);
    draw(&painter);
    painter.end();
    return bytes;
}

/// The same drawing on a raster image: what the board shows.
QImage painted(const Drawing &draw)
{
    QImage image(canvas, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    draw(&painter);
    return image;
}

QImage rendered(const QByteArray &svg)
{
    QSvgRenderer renderer(svg);
    QImage image(canvas, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    return image;
}

/// Pixels that differ by more than @p tolerance in any channel.
int differingPixels(const QImage &a, const QImage &b, int tolerance)
{
    int differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (qAbs(qRed(p) - qRed(q)) > tolerance || qAbs(qGreen(p) - qGreen(q)) > tolerance ||
                qAbs(qBlue(p) - qBlue(q)) > tolerance || qAbs(qAlpha(p) - qAlpha(q)) > tolerance)
                ++differing;
        }
    }
    return differing;
}

int opaquePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    }
    return n;
}

/// The error of @p svg as XML, empty when well-formed.
QString xmlError(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    return xml.hasError()
               ? QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())
               : QString();
}

int count(const QByteArray &text, const QByteArray &what)
{
    return int(text.count(what));
}

} // namespace

Q_DECLARE_METATYPE(Drawing)

/// The SVG paint device: what a painter draws, written compactly and drawn back the same.
class TstSvgWriter : public QObject
{
    Q_OBJECT

private slots:
    void samePictureAsQtGenerator_data();
    void samePictureAsQtGenerator();
    void eachStyleOnce();
    void transformsAsGroups();
    void textIsEscapedText_data();
    void textIsEscapedText();
    void symbolsOnce();
    void numbersAreShort();
};

void TstSvgWriter::samePictureAsQtGenerator_data()
{
    QTest::addColumn<Drawing>("draw");
    QTest::addColumn<bool>("raster"); ///< compared with the raster drawing, not QSvgGenerator's
    QTest::newRow("filled and stroked rect") << Drawing([](QPainter *p) {
        p->setPen(QPen(QColor(0x12, 0x34, 0x56), 2));
        p->setBrush(QColor(0xfe, 0xf0, 0x8a));
        p->drawRect(QRectF(10.5, 10.5, 60, 40));
    }) << false;
    QTest::newRow("rounded rect, translucent") << Drawing([](QPainter *p) {
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(37, 99, 235, 90));
        p->drawRoundedRect(QRectF(5, 5, 100, 70), 12, 12);
    }) << false;
    QTest::newRow("round caps and joins") << Drawing([](QPainter *p) {
        p->setPen(QPen(Qt::darkGreen, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath path(QPointF(10, 80));
        path.lineTo(40, 10);
        path.cubicTo(60, 60, 80, 0, 110, 70);
        p->drawPath(path);
    }) << false;
    QTest::newRow("dashed") << Drawing([](QPainter *p) {
        QPen pen(QColor(0xbe, 0x12, 0x3c), 2, Qt::DashLine, Qt::FlatCap);
        p->setPen(pen);
        p->drawLine(QPointF(5, 20), QPointF(115, 20));
        pen.setStyle(Qt::DotLine);
        p->setPen(pen);
        p->drawLine(QPointF(5, 50), QPointF(115, 60));
    }) << false;
    QTest::newRow("polygons, both fill rules") << Drawing([](QPainter *p) {
        const QPolygonF star{{60, 5}, {80, 85}, {10, 35}, {110, 35}, {40, 85}};
        p->setPen(Qt::NoPen);
        p->setBrush(Qt::red);
        p->drawPolygon(star, Qt::OddEvenFill);
        p->translate(0, 2);
        p->setBrush(QColor(0, 0, 255, 80));
        p->drawPolygon(star, Qt::WindingFill);
    }) << true; // QSvgGenerator fills every polygon even-odd
    QTest::newRow("polyline and points") << Drawing([](QPainter *p) {
        p->setPen(QPen(Qt::black, 3));
        p->drawPolyline(QPolygonF{{5, 5}, {60, 80}, {115, 5}});
        p->drawPoint(QPointF(60, 20));
    }) << false;
    QTest::newRow("ellipse and circle") << Drawing([](QPainter *p) {
        p->setPen(QPen(Qt::blue, 1.5));
        p->setBrush(Qt::yellow);
        p->drawEllipse(QRectF(5, 5, 60, 30));
        p->drawEllipse(QPointF(80, 60), 20, 20);
    }) << false;
    QTest::newRow("rotated and scaled") << Drawing([](QPainter *p) {
        p->translate(60, 45);
        p->rotate(30);
        p->scale(1.5, 0.75);
        p->setPen(QPen(Qt::magenta, 2));
        p->setBrush(Qt::cyan);
        p->drawRect(QRectF(-25, -20, 50, 40));
    }) << false;
    QTest::newRow("painter opacity") << Drawing([](QPainter *p) {
        p->setOpacity(0.4);
        p->fillRect(QRectF(10, 10, 60, 60), Qt::darkRed);
        p->setOpacity(1);
        p->fillRect(QRectF(50, 30, 60, 50), Qt::darkBlue);
    }) << false;
    QTest::newRow("gradients") << Drawing([](QPainter *p) {
        QLinearGradient linear(0, 0, 120, 0);
        linear.setColorAt(0, Qt::white);
        linear.setColorAt(1, Qt::darkBlue);
        p->setPen(Qt::NoPen);
        p->setBrush(linear);
        p->drawRect(QRectF(0, 0, 120, 40));
        QRadialGradient radial(QPointF(60, 65), 25);
        radial.setColorAt(0, Qt::yellow);
        radial.setColorAt(1, Qt::darkGreen);
        p->setBrush(radial);
        p->drawEllipse(QPointF(60, 65), 25, 25);
    }) << false;
    QTest::newRow("image") << Drawing([](QPainter *p) {
        QImage image(8, 8, QImage::Format_ARGB32);
        image.fill(QColor(200, 30, 30));
        for (int i = 0; i < 8; ++i)
            image.setPixelColor(i, i, Qt::white);
        p->drawImage(QRectF(20, 20, 64, 48), image);
    }) << false;
}

/// Drawn back by Qt's SVG renderer, the file is the picture Qt's own SVG generator writes
/// (or, where that one is wrong, the picture on the board).
void TstSvgWriter::samePictureAsQtGenerator()
{
    QFETCH(Drawing, draw);
    QFETCH(bool, raster);
    const QByteArray ours = written(draw);
    QVERIFY2(xmlError(ours).isEmpty(), qPrintable(xmlError(ours)));
    const QImage a = rendered(ours);
    const QImage b = raster ? painted(draw) : rendered(generated(draw));
    QVERIFY2(opaquePixels(b) > 200, "the reference drew nothing");
    const int differing = differingPixels(a, b, 8);
    QVERIFY2(differing <= 2, qPrintable(QStringLiteral("%1 pixels differ").arg(differing)));
}

void TstSvgWriter::eachStyleOnce()
{
    const QByteArray svg = written([](QPainter *p) {
        for (int i = 0; i < 30; ++i) {
            p->setPen(QPen(i % 2 ? Qt::red : Qt::blue, 2));
            p->setBrush(Qt::NoBrush);
            p->drawRect(QRectF(i * 3, i * 2, 10, 10));
            p->setPen(QPen(Qt::DashLine));
            p->drawLine(QPointF(0, i), QPointF(50, i));
        }
    });
    QVERIFY2(xmlError(svg).isEmpty(), qPrintable(xmlError(svg)));
    // Two solid strokes: two rules, each rect refers to one; dashed lines keep their attributes.
    static const QRegularExpression rule(QStringLiteral("\\.s[0-9a-z]+\\{"));
    QCOMPARE(int(QString::fromUtf8(svg).count(rule)), 2);
    QCOMPARE(count(svg, "<rect class=\""), 30);
    QCOMPARE(count(svg, "stroke-dasharray=\""), 30);
    QCOMPARE(count(svg, "<g"), 0); // nothing transformed: no group at all
}

void TstSvgWriter::transformsAsGroups()
{
    const QByteArray svg = written([](QPainter *p) {
        p->translate(10, 20);
        p->drawRect(QRectF(0, 0, 5, 5));
        p->drawRect(QRectF(6, 0, 5, 5)); // same transform: same group
        p->resetTransform();
        p->drawRect(QRectF(0, 0, 5, 5)); // identity: outside any group
        p->scale(2, 2);
        p->drawRect(QRectF(0, 0, 5, 5));
    });
    QVERIFY2(xmlError(svg).isEmpty(), qPrintable(xmlError(svg)));
    QCOMPARE(count(svg, "<g transform=\"translate(10,20)\">"), 1);
    QCOMPARE(count(svg, "<g transform=\"matrix(2,0,0,2,0,0)\">"), 1);
    QCOMPARE(count(svg, "<g"), 2);
    const qsizetype closed = svg.indexOf("</g>");
    QVERIFY(closed > svg.indexOf("x=\"6\""));
    QVERIFY(closed < svg.lastIndexOf("<rect", svg.indexOf("matrix(")));
}

void TstSvgWriter::textIsEscapedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); ///< as read back
    QTest::newRow("plain") << "Feature store"
                           << "Feature store";
    QTest::newRow("markup") << "<b>&amp; \"x\"</b>"
                            << "<b>&amp; \"x\"</b>";
    QTest::newRow("control characters") << QStringLiteral("a\x01"
                                                          "b\x1f"
                                                          "c")
                                        << "abc";
    QTest::newRow("non-characters") << QStringLiteral("x\uFFFEy\uFFFFz") << "xyz";
    QTest::newRow("unicode") << QStringLiteral("Modèle → 推荐") << QStringLiteral("Modèle → 推荐");
}

/// Text is written as text, escaped, with the family actually used and a generic fallback;
/// titles are escaped the same way, and the file stays well-formed whatever the label holds.
void TstSvgWriter::textIsEscapedText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QByteArray svg = written(
        [&](QPainter *p) {
            p->setFont(QFont(QStringLiteral("Sans Serif"), 10));
            p->drawText(QPointF(5, 40), text);
        },
        text);
    QVERIFY2(xmlError(svg).isEmpty(), qPrintable(xmlError(svg)));
    QXmlStreamReader xml(svg);
    QStringList texts;
    QString title;
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (xml.isStartElement() && xml.name() == u"text")
            texts << xml.readElementText();
        else if (xml.isStartElement() && xml.name() == u"title")
            title = xml.readElementText();
        else if (!xml.isStartElement())
            xml.readNext();
    }
    QCOMPARE(texts.join(QString()), expected);
    QCOMPARE(title, expected);
    QVERIFY(svg.contains(", sans-serif;"));
    QVERIFY2(!svg.contains("font-family:Sans Serif"), "an alias only fontconfig knows");
}

/// A drawing asked for as a symbol is defined once per size and used wherever it is drawn.
void TstSvgWriter::symbolsOnce()
{
    int drawn = 0;
    const auto icon = [&drawn](QPainter *p, const QRectF &r) {
        ++drawn;
        p->setPen(QPen(Qt::darkBlue, 1.5));
        p->drawEllipse(r.adjusted(2, 2, -2, -2));
        p->drawLine(r.topLeft(), r.bottomRight());
    };
    SvgWriter svg(canvas, QRectF(QPointF(0, 0), canvas));
    QPainter painter(&svg);
    for (int i = 0; i < 12; ++i)
        svg.paintSymbol(&painter, QRectF(i * 9, 10, 20, 20), QStringLiteral("circle"), icon);
    painter.translate(0, 40);
    svg.paintSymbol(&painter, QRectF(0, 0, 30, 30), QStringLiteral("circle"), icon);
    painter.end();
    const QByteArray doc = svg.document();
    QVERIFY2(xmlError(doc).isEmpty(), qPrintable(xmlError(doc)));
    QCOMPARE(drawn, 2); // once per size
    QCOMPARE(svg.symbolCount(), 2);
    QCOMPARE(count(doc, "<use xlink:href=\"#mls-symbol-0\"/>"), 12);
    QCOMPARE(count(doc, "<use xlink:href=\"#mls-symbol-1\"/>"), 1);
    QCOMPARE(count(doc, "<ellipse") + count(doc, "<circle"), 2);
    // The uses are placed where the icon would have been drawn.
    const QImage image = rendered(doc);
    QVERIFY(qAlpha(image.pixel(10 + 9 * 3 + 10, 20)) > 0); // a diagonal crosses the centre
    QVERIFY(qAlpha(image.pixel(15, 55)) > 0);
    QCOMPARE(qAlpha(image.pixel(60, 85)), 0);
}

void TstSvgWriter::numbersAreShort()
{
    const QByteArray svg =
        written([](QPainter *p) { p->drawRect(QRectF(0.1234567, -2.5, 1e-9, 123456.0004)); });
    QVERIFY2(svg.contains("<rect class=\"s0\" x=\"0.123\" y=\"-2.5\" width=\"0\" "
                          "height=\"123456\"/>"),
             svg.constData());
}

QTEST_MAIN(TstSvgWriter)
#include "tst_svg_writer.moc"
