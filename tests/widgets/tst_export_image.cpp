// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "CardGeometry.h"
#include "Catalog.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/FindingBadge.h"
#include "canvas/LabelPlacer.h"
#include "export/ExportWriter.h"
#include "export/SceneExporter.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QPrinter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace mls;
using namespace mls::test;

namespace {

const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

std::unique_ptr<Diagram> loadTemplate()
{
    ReadResult read = DiagramReader::readFile(templateFile);
    if (!read.ok())
        qFatal("%s", qPrintable(read.error));
    return std::move(read.diagram);
}

/// The parts of an SVG document the tests look at, read with an XML reader.
struct SvgDoc
{
    QString error; ///< empty when well-formed
    QString viewBox;
    QString width;
    QString title;
    QString desc;
    QStringList texts;
    int paths = 0;
    int images = 0;
    int foreignObjects = 0;
};

SvgDoc parseSvg(const QByteArray &bytes)
{
    SvgDoc doc;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"svg") {
            doc.viewBox = xml.attributes().value("viewBox").toString();
            doc.width = xml.attributes().value("width").toString();
        } else if (name == u"title") {
            doc.title = xml.readElementText();
        } else if (name == u"desc") {
            doc.desc = xml.readElementText();
        } else if (name == u"text") {
            doc.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (name == u"path" || name == u"polyline" || name == u"polygon") {
            ++doc.paths;
        } else if (name == u"image") {
            ++doc.images;
        } else if (name == u"foreignObject") {
            ++doc.foreignObjects;
        }
    }
    if (xml.hasError())
        doc.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return doc;
}

/// True when @p shown is @p label, or @p label elided to the card ("Recommendation A…").
bool showsLabel(const QStringList &texts, const QString &label)
{
    for (const QString &t : texts) {
        if (t == label || (t.endsWith(QChar(0x2026)) && label.startsWith(t.chopped(1))))
            return true;
    }
    return false;
}

/// True when every line @p c's card wraps its label into is a text of the SVG, so the label's
/// words are all there in order and none is cut ("Followed-Post Ret…" was).
bool showsWholeLabel(const QStringList &texts, const Component &c)
{
    const CardGeometry::CardText card = CardGeometry::layout(c);
    if (card.lines.join(QLatin1Char(' ')) != Catalog::builtin().displayName(c).simplified())
        return false;
    return std::all_of(card.lines.begin(), card.lines.end(),
                       [&](const QString &line) { return texts.contains(line); });
}

/// Fraction of pixels whose colour differs by more than @p tolerance in any channel.
double differingFraction(const QImage &a, const QImage &b, int tolerance)
{
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (qAbs(qRed(p[col]) - qRed(q[col])) > tolerance ||
                qAbs(qGreen(p[col]) - qGreen(q[col])) > tolerance ||
                qAbs(qBlue(p[col]) - qBlue(q[col])) > tolerance ||
                qAbs(qAlpha(p[col]) - qAlpha(q[col])) > tolerance)
                ++differing;
        }
    }
    return double(differing) / (double(x.width()) * x.height());
}

/// Where a board point lands in an image of @p exporter.
QPoint toPixel(const SceneExporter &exporter, const QPointF &board)
{
    const QPointF p = (board - exporter.sourceRect().topLeft()) * exporter.options().scale;
    return p.toPoint();
}

} // namespace

/// PNG, SVG and PDF drawn from the real scene.
class TestExportImage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(Catalog::loadBuiltin(nullptr)); }
    void svgIsVectorsAndText();
    void everyTemplateExportsCleanly_data();
    void everyTemplateExportsCleanly();
    void svgEscapesText_data();
    void svgEscapesText();
    void svgRendersLikePng();
    void pngSizeAndDpi_data();
    void pngSizeAndDpi();
    void pngShowsCards();
    void problemMarkers_data();
    void problemMarkers();
    void backgrounds_data();
    void backgrounds();
    void matchesCanvasPixels();
    void pdfPageSize_data();
    void pdfPageSize();
    void printsToPdfPrinter();
    void selectionOnly();
    void emptyDiagram();
    void tooLargeIsRefused();
    void writerReportsFailures();
    void reviewWritesImage();
};

void TestExportImage::everyTemplateExportsCleanly_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(MLS_SOURCE_DIR "/templates"));
    const QStringList files = dir.entryList({QStringLiteral("*.mlsketch")}, QDir::Files);
    QVERIFY(files.size() >= 14);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

/// A shipped design exports as well-formed vectors with every label whole, and as a PNG of
/// the expected size.
void TestExportImage::everyTemplateExportsCleanly()
{
    QFETCH(QString, file);
    ReadResult read = DiagramReader::readFile(file);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join(u'\n')));
    const SceneExporter exporter(read.diagram.get(), ExportOptions());
    const SvgDoc svg = parseSvg(exporter.toSvg());
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.images, 0);
    QCOMPARE(svg.foreignObjects, 0);
    QCOMPARE(svg.title, read.diagram->meta().title);
    for (const Component &c : read.diagram->components())
        QVERIFY2(showsWholeLabel(svg.texts, c), qPrintable(c.label + QStringLiteral(" cut short")));
    for (const QString &text : svg.texts)
        QVERIFY2(!text.contains(QChar(0x2026)), qPrintable(text + QStringLiteral(" is elided")));
    for (const Group &g : read.diagram->groups())
        QVERIFY2(showsLabel(svg.texts, g.label), qPrintable(g.label));
    QString error;
    const QImage png = exporter.toImage(&error);
    QVERIFY2(!png.isNull(), qPrintable(error));
    QCOMPARE(png.size(), exporter.sourceRect().size().toSize());
}

void TestExportImage::svgIsVectorsAndText()
{
    auto d = loadTemplate();
    ExportOptions options;
    options.margin = 30;
    const SceneExporter exporter(d.get(), options);
    const SvgDoc svg = parseSvg(exporter.toSvg());
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    // viewBox = what is drawn plus the margin, in board units.
    const QRectF source = exporter.sourceRect();
    QCOMPARE(source, exporter.contentRect().adjusted(-30, -30, 30, 30).toAlignedRect());
    QCOMPARE(svg.viewBox, QStringLiteral("%1 %2 %3 %4")
                              .arg(source.x())
                              .arg(source.y())
                              .arg(source.width())
                              .arg(source.height()));
    QCOMPARE(svg.title, QStringLiteral("Video recommendation"));
    const QString counts = QStringLiteral("%1 components, %2 connections, %3 zones")
                               .arg(d->components().size())
                               .arg(d->connections().size())
                               .arg(d->groups().size());
    QVERIFY2(svg.desc.contains(counts), qPrintable(svg.desc));
    // Every card's label and kind, every zone title and arrow label is real text.
    for (const Component &c : d->components()) {
        QVERIFY2(showsWholeLabel(svg.texts, c), qPrintable(c.label));
        QVERIFY2(showsLabel(svg.texts, Catalog::builtin().kindLabel(c.kind)), qPrintable(c.kind));
    }
    for (const Group &g : d->groups())
        QVERIFY2(svg.texts.contains(g.label), qPrintable(g.label));
    for (const Connection &e : d->connections()) {
        if (!e.label.isEmpty())
            QVERIFY2(svg.texts.contains(e.label), qPrintable(e.label));
    }
    // Vectors only: icons are paths too, nothing is a picture.
    QCOMPARE(svg.images, 0);
    QCOMPARE(svg.foreignObjects, 0);
    QVERIFY(svg.paths > int(d->components().size() + d->connections().size()));
}

void TestExportImage::svgEscapesText_data()
{
    QTest::addColumn<QString>("label");
    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>");
    QTest::newRow("ampersand and quotes") << QStringLiteral("A & \"B\" & 'C'");
    QTest::newRow("cdata end") << QStringLiteral("]]> <!-- -->");
    QTest::newRow("closing tags") << QStringLiteral("</text></g></svg>");
    QTest::newRow("entity") << QStringLiteral("&lt;b&gt; &#65;");
}

void TestExportImage::svgEscapesText()
{
    QFETCH(QString, label);
    Diagram d;
    Meta meta;
    meta.title = label;
    meta.notes = label;
    d.setMeta(meta);
    d.insertComponent(0, component("c1", "client", {0, 0}, label));
    d.insertComponent(1, component("c2", "api_gateway", {400, 0}, "API"));
    Connection e = connection("e1", "c1", "c2", "requests");
    e.label = label;
    d.insertConnection(0, e);
    Group g;
    g.id = "g1";
    g.label = label;
    g.members = {"c1", "c2"};
    d.insertGroup(0, g);
    const SvgDoc svg = parseSvg(SceneExporter(&d, {}).toSvg());
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.title, label);
    QVERIFY(svg.desc.endsWith(label));
    QVERIFY2(svg.texts.contains(label), qPrintable(svg.texts.join(" | "))); // the zone title
    QVERIFY(showsLabel(svg.texts, label));                                  // the card
}

void TestExportImage::svgRendersLikePng()
{
    // The SVG, drawn back by Qt's SVG renderer, looks like the PNG (fonts, arrows, icons).
    auto d = loadTemplate();
    const SceneExporter exporter(d.get(), {});
    const QImage png = exporter.toImage();
    QSvgRenderer renderer(exporter.toSvg());
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF(), exporter.sourceRect());
    QImage drawn(png.size(), QImage::Format_ARGB32_Premultiplied);
    drawn.fill(Qt::transparent);
    QPainter painter(&drawn);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    QVERIFY2(differingFraction(png, drawn, 96) < 0.02,
             qPrintable(QString::number(differingFraction(png, drawn, 96))));
}

void TestExportImage::pngSizeAndDpi_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("3x") << 3.0;
    QTest::newRow("4x") << 4.0;
}

void TestExportImage::pngSizeAndDpi()
{
    QFETCH(qreal, scale);
    auto d = loadTemplate();
    ExportOptions options;
    options.scale = scale;
    const SceneExporter exporter(d.get(), options);
    const QRectF source = exporter.sourceRect();
    const QByteArray png = exporter.toPng();
    QVERIFY(png.startsWith("\x89PNG"));
    QBuffer buffer;
    buffer.setData(png);
    QImageReader reader(&buffer, "png");
    const QImage image = reader.read();
    QCOMPARE(image.size(), QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)));
    // The pHYs chunk: 96 DPI per scale step, so the image prints at the board's size.
    QCOMPARE(image.dotsPerMeterX(), qRound(96 * scale / 0.0254));
    QCOMPARE(image.dotsPerMeterY(), qRound(96 * scale / 0.0254));
}

void TestExportImage::problemMarkers_data()
{
    QTest::addColumn<bool>("markers");
    QTest::newRow("with markers") << true;
    QTest::newRow("without markers") << false;
}

/// "With problem markers" draws the canvas's badge on a flawed card (the ranking service of
/// fillSmall has no feature source: a warning), and only then.
void TestExportImage::problemMarkers()
{
    QFETCH(bool, markers);
    Diagram d;
    fillSmall(d);
    ExportOptions options;
    options.problemMarkers = markers;
    const SceneExporter exporter(&d, options);
    const QImage image = exporter.toImage();
    const QRectF card = CardGeometry::rect(*d.component("rank"));
    const QPoint centre = toPixel(exporter, QPointF(card.right() - 16, card.top()));
    const QColor amber = FindingBadge::color(Severity::Warning);
    int badgePixels = 0;
    for (int dy = -6; dy <= 6; ++dy) {
        for (int dx = -6; dx <= 6; ++dx) {
            const QColor c = image.pixelColor(centre + QPoint(dx, dy));
            if (qAbs(c.red() - amber.red()) < 24 && qAbs(c.green() - amber.green()) < 24 &&
                qAbs(c.blue() - amber.blue()) < 24)
                ++badgePixels;
        }
    }
    if (markers)
        QVERIFY2(badgePixels > 20, qPrintable(QString::number(badgePixels)));
    else
        QCOMPARE(badgePixels, 0);
}

void TestExportImage::pngShowsCards()
{
    auto d = loadTemplate();
    ExportOptions options;
    options.scale = 2;
    const SceneExporter exporter(d.get(), options);
    const QImage image = exporter.toImage();
    const QColor background = image.pixelColor(1, 1);
    QCOMPARE(background, QColor(Qt::white));
    for (const Component &c : d->components()) {
        // The category stripe on the card's left edge is drawn in the kind's colour.
        const QRectF card = CardGeometry::rect(c);
        const QPoint stripe = toPixel(exporter, QPointF(card.left() + 2, c.pos.y()));
        const QColor expected = Catalog::builtin().kind(c.kind)->color;
        const QColor got = image.pixelColor(stripe);
        QVERIFY2(qAbs(got.red() - expected.red()) < 40 && qAbs(got.blue() - expected.blue()) < 40,
                 qPrintable(c.id + " " + got.name() + " vs " + expected.name()));
        // Text and icon make the card's middle far from blank.
        const QRect inside(toPixel(exporter, card.topLeft() + QPointF(10, 10)),
                           toPixel(exporter, card.bottomRight() - QPointF(10, 10)));
        int dark = 0;
        for (int y = inside.top(); y < inside.bottom(); y += 2)
            for (int x = inside.left(); x < inside.right(); x += 2)
                dark += qGray(image.pixel(x, y)) < 128;
        QVERIFY2(dark > 50, qPrintable(c.id));
    }
}

void TestExportImage::backgrounds_data()
{
    QTest::addColumn<int>("background");
    QTest::addColumn<QColor>("corner");
    QTest::newRow("white") << int(ExportOptions::Background::White) << QColor(Qt::white);
    QTest::newRow("transparent") << int(ExportOptions::Background::Transparent)
                                 << QColor(0, 0, 0, 0);
    QTest::newRow("dark") << int(ExportOptions::Background::Dark) << CardStyle::darkStyle().canvas;
}

void TestExportImage::backgrounds()
{
    QFETCH(int, background);
    QFETCH(QColor, corner);
    Diagram d;
    fillSmall(d);
    ExportOptions options;
    options.background = ExportOptions::Background(background);
    const SceneExporter exporter(&d, options);
    const QImage image = exporter.toImage().convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(image.pixelColor(0, 0).rgba(), corner.rgba());
    // Cards are opaque on every background.
    QCOMPARE(image.pixelColor(toPixel(exporter, {0, 20})).alpha(), 255);
    const QString svg = QString::fromUtf8(exporter.toSvg());
    const bool hasBackdrop =
        svg.contains(QRegularExpression(QStringLiteral("<rect[^>]* x=\"%1\" y=\"%2\"")
                                            .arg(exporter.sourceRect().x())
                                            .arg(exporter.sourceRect().y())));
    QCOMPARE(hasBackdrop, options.background != ExportOptions::Background::Transparent);
}

void TestExportImage::matchesCanvasPixels()
{
    // The canvas as the user sees it after a selection was cleared and the grid turned off:
    // the export at scale 1 must be the same picture.
    auto d = loadTemplate();
    DiagramScene canvas(d.get());
    CardStyle style = CardStyle::light();
    style.canvas = Qt::white;
    canvas.setStyle(style);
    canvas.setGridVisible(false);
    canvas.selectIds({"ranking", "e1", "g_online"});
    canvas.clearSelection();
    LabelPlacer::flush(&canvas); // what the window's event loop does once nothing moves

    ExportOptions options;
    options.flowLegend = false; // the canvas shows its legend as a widget, not in the scene
    const SceneExporter exporter(d.get(), options);
    const QImage exported = exporter.toImage();
    QImage expected(exported.size(), QImage::Format_ARGB32_Premultiplied);
    expected.fill(Qt::transparent);
    QPainter painter(&expected);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    canvas.render(&painter, QRectF(QPointF(0, 0), exported.size()), exporter.sourceRect());
    painter.end();
    const double differing = differingFraction(exported, expected, 8);
    QVERIFY2(differing < 0.001, qPrintable(QString::number(differing)));

    // A selected card does differ (the ring), so the comparison can fail.
    canvas.selectIds({"ranking"});
    QImage selected(exported.size(), QImage::Format_ARGB32_Premultiplied);
    selected.fill(Qt::transparent);
    QPainter p2(&selected);
    p2.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    canvas.render(&p2, QRectF(QPointF(0, 0), exported.size()), exporter.sourceRect());
    p2.end();
    QVERIFY(differingFraction(exported, selected, 8) > 0.0005);
}

void TestExportImage::pdfPageSize_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
}

void TestExportImage::pdfPageSize()
{
    QFETCH(qreal, scale);
    auto d = loadTemplate();
    ExportOptions options;
    options.scale = scale;
    const SceneExporter exporter(d.get(), options);
    const QByteArray pdf = exporter.toPdf();
    QVERIFY(pdf.startsWith("%PDF-"));
    static const QRegularExpression mediaBox(
        QStringLiteral(R"(/MediaBox \[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\])"));
    const auto m = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(m.hasMatch());
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "),
             1);
    // One page the size of the picture: board px at 96 DPI, in points (1/72 in).
    const QSizeF expected = QSizeF(exporter.imageSize()) * 72.0 / 96.0;
    QVERIFY2(qAbs(m.captured(1).toDouble() - expected.width()) <= 1.0, qPrintable(m.captured(0)));
    QVERIFY2(qAbs(m.captured(2).toDouble() - expected.height()) <= 1.0, qPrintable(m.captured(0)));
    QVERIFY(pdf.contains("/FontFile")); // text is text, with its font embedded
}

void TestExportImage::printsToPdfPrinter()
{
    auto d = loadTemplate();
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath("printed.pdf"));
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    SceneExporter(d.get(), {}).print(&printer);
    QFile f(dir.filePath("printed.pdf"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.contains("/FontFile")); // vectors and real text, not a picture
    QVERIFY(!pdf.contains("/Subtype /Image"));
    QVERIFY(pdf.contains("/MediaBox [0 0 842")); // A4 landscape, in points
}

void TestExportImage::selectionOnly()
{
    auto d = loadTemplate();
    ExportOptions whole;
    ExportOptions part;
    part.selection = {"g_train"}; // a zone brings its members
    const SceneExporter all(d.get(), whole);
    const SceneExporter some(d.get(), part);
    QVERIFY(some.imageSize().width() < all.imageSize().width());
    QVERIFY(all.contentRect().contains(some.contentRect()));
    const SvgDoc svg = parseSvg(some.toSvg());
    QVERIFY(svg.texts.contains("Training & release"));
    QVERIFY(showsLabel(svg.texts, "Model registry"));
    QVERIFY(!showsLabel(svg.texts, "Viewer app"));
    QVERIFY(svg.desc.contains("5 components")); // two trainers, gate, registry, item tower
    // A selected arrow brings both its ends.
    part.selection = {"e1"};
    QVERIFY(parseSvg(SceneExporter(d.get(), part).toSvg()).desc.contains("2 components, 1 "));
}

void TestExportImage::emptyDiagram()
{
    Diagram d;
    const SceneExporter exporter(&d, {});
    const QImage image = exporter.toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(49, 49)); // 1 px of nothing and the margin
    QVERIFY(parseSvg(exporter.toSvg()).error.isEmpty());
    QVERIFY(exporter.toPdf().startsWith("%PDF-"));
}

void TestExportImage::tooLargeIsRefused()
{
    Diagram d;
    d.insertComponent(0, component("a", "cache", {0, 0}));
    d.insertComponent(1, component("b", "cache", {20000, 0}));
    ExportOptions options;
    options.scale = 2;
    const SceneExporter exporter(&d, options);
    QString error;
    QVERIFY(exporter.toImage(&error).isNull());
    QVERIFY2(error.contains("40"), qPrintable(error)); // names the size in pixels
    QVERIFY(error.contains("SVG or PDF"));
    QVERIFY(parseSvg(exporter.toSvg()).error.isEmpty()); // vectors still work
}

void TestExportImage::writerReportsFailures()
{
    Diagram d;
    fillSmall(d);
    QString error;
    QVERIFY(!ExportWriter::write(d, "/nonexistent-dir/out.png", {}, &error));
    QVERIFY2(error.contains("cannot write \"/nonexistent-dir/out.png\""), qPrintable(error));
    QVERIFY(!ExportWriter::write(d, "/tmp/out.jpg", {}, &error));
    QVERIFY2(error.contains("unknown format \".jpg\"") && error.contains(".mmd"),
             qPrintable(error));
    QTemporaryDir dir;
    for (const char *name : {"a.png", "a.svg", "a.pdf", "a.dot", "a.mmd"}) {
        QVERIFY2(ExportWriter::write(d, dir.filePath(name), {}, &error), qPrintable(error));
        QVERIFY(QFileInfo(dir.filePath(name)).size() > 100);
    }
}

void TestExportImage::reviewWritesImage()
{
    auto d = loadTemplate();
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath("design review.md");
    QVERIFY2(ExportWriter::write(*d, path, {}, &error), qPrintable(error));
    QCOMPARE(ExportWriter::reviewImagePath(path), dir.filePath("design review.png"));
    QFile md(path);
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(md.readAll());
    QVERIFY(text.contains("![Video recommendation](design%20review.png)"));
    const QImage image(dir.filePath("design review.png"));
    QCOMPARE(image.size(), SceneExporter(d.get(), {}).imageSize());
}

QTEST_MAIN(TestExportImage)
#include "tst_export_image.moc"
