// SPDX-License-Identifier: MIT
#include "../GeneratedBoard.h"
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "canvas/DiagramScene.h"
#include "export/DotExport.h"
#include "export/SceneExporter.h"

#include <QApplication>
#include <QBuffer>
#include <QGraphicsItem>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace mls;
using namespace mls::test;

namespace {

std::unique_ptr<Diagram> loadTemplate(const QString &name)
{
    ReadResult read = DiagramReader::readFile(QStringLiteral(MLS_SOURCE_DIR "/templates/") + name);
    if (!read.ok())
        qFatal("%s", qPrintable(read.error));
    return std::move(read.diagram);
}

/// A square board of @p n cards cycling through every kind, 1.5 arrows per card between
/// neighbours (a flow the two kinds allow when there is one), and a zone per 100 cards.
std::unique_ptr<Diagram> squareBoard(int n)
{
    BoardRecipe recipe;
    recipe.columns = int(std::ceil(std::sqrt(double(n))));
    recipe.kindStride = 7;
    recipe.links = BoardRecipe::Links::Neighbours;
    recipe.zoneMembers = 4;
    recipe.zonePrefix = "z";
    return mls::test::generatedBoard(n, recipe);
}

/// What the tests read from an exported SVG.
struct SvgParts
{
    QString error;
    QStringList symbolIds;     ///< ids of the symbols in <defs>
    QStringList symbolBodies;  ///< the elements of each symbol, as text
    QSet<QString> symbolPaths; ///< the d of every path inside a symbol
    QStringList drawnPaths;    ///< the d of every path outside <defs>
    QStringList uses;          ///< what each <use> refers to
    QStringList styleRules;    ///< the declarations of each CSS rule
    QStringList inlineStyled;  ///< elements outside <defs> still carrying a fill or stroke
    QStringList texts;
};

SvgParts parse(const QByteArray &svg)
{
    SvgParts parts;
    QXmlStreamReader xml(svg);
    int defsDepth = 0; // > 0 inside <defs>
    int symbolDepth = 0;
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (symbolDepth == depth)
                symbolDepth = 0;
            if (defsDepth == depth)
                defsDepth = 0;
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        const QStringView name = xml.name();
        const QXmlStreamAttributes a = xml.attributes();
        const QString id = a.value(QStringLiteral("id")).toString();
        if (name == u"defs" && !defsDepth)
            defsDepth = depth;
        if (defsDepth && name == u"g" && id.startsWith(QLatin1String("mls-symbol-"))) {
            symbolDepth = depth;
            parts.symbolIds << id;
            parts.symbolBodies << QString();
            continue;
        }
        if (symbolDepth) {
            QString e = name.toString();
            for (const QXmlStreamAttribute &at : a)
                e += QStringLiteral(" %1=%2").arg(at.qualifiedName(), at.value());
            parts.symbolBodies.last() += e + QLatin1Char('\n');
        }
        if (name == u"path") {
            const QString d = a.value(QStringLiteral("d")).toString();
            if (symbolDepth)
                parts.symbolPaths.insert(d);
            else
                parts.drawnPaths << d;
        }
        if (name == u"use")
            parts.uses << a.value(QStringLiteral("xlink:href")).toString();
        if (name == u"style") {
            const QString sheet = xml.readElementText();
            --depth;
            static const QRegularExpression rule(QStringLiteral("\\{([^}]*)\\}"));
            for (auto it = rule.globalMatch(sheet); it.hasNext();)
                parts.styleRules << it.next().captured(1);
            continue;
        }
        if (!defsDepth && !a.hasAttribute(QStringLiteral("stroke-dasharray")) &&
            (a.hasAttribute(QStringLiteral("fill")) || a.hasAttribute(QStringLiteral("stroke")) ||
             a.hasAttribute(QStringLiteral("font-family"))))
            parts.inlineStyled << name.toString();
        if (name == u"text") {
            parts.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            --depth;
        }
    }
    if (xml.hasError())
        parts.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return parts;
}

QImage rendered(const QByteArray &svg, const QSize &size)
{
    QSvgRenderer renderer(svg);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    return image;
}

/// What the generic QSvgGenerator writes for the same scene: no symbols, every style inline.
QByteArray plainSvg(const SceneExporter &exporter)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(96);
    svg.setSize(exporter.imageSize());
    svg.setViewBox(exporter.sourceRect());
    QPainter painter(&svg);
    exporter.render(&painter, exporter.sourceRect());
    painter.end();
    return bytes;
}

/// Pixels differing by more than @p tolerance in any channel.
int differingPixels(const QImage &a, const QImage &b, int tolerance)
{
    int differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *p = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *q = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if (qAbs(qRed(p[x]) - qRed(q[x])) > tolerance ||
                qAbs(qGreen(p[x]) - qGreen(q[x])) > tolerance ||
                qAbs(qBlue(p[x]) - qBlue(q[x])) > tolerance ||
                qAbs(qAlpha(p[x]) - qAlpha(q[x])) > tolerance)
                ++differing;
        }
    }
    return differing;
}

/// A scene item the exporter knows nothing of (a note someone adds to the board later).
class ForeignItem : public QGraphicsItem
{
public:
    QRectF boundingRect() const override { return {0, 0, 160, 60}; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setPen(QPen(QColor(0x12, 0x34, 0x56), 2));
        painter->setBrush(QColor(0xfe, 0xf0, 0x8a));
        painter->drawRect(boundingRect());
        painter->drawText(boundingRect(), Qt::AlignCenter, QStringLiteral("Sticky note 42"));
    }
};

} // namespace

/// The SVG export: each icon defined once, each style once, the same picture as the generic
/// SVG writer draws, and a file within twice Graphviz's size for the same board.
class TstSvgExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(Catalog::loadBuiltin(nullptr)); }
    void iconsAndStylesOnce_data();
    void iconsAndStylesOnce();
    void samePictureAsGenericWriter_data();
    void samePictureAsGenericWriter();
    void drawsItemsItDoesNotKnow();
    void sizeAgainstGraphviz();
};

void TstSvgExport::iconsAndStylesOnce_data()
{
    QTest::addColumn<QString>("board"); // a template file, or "generated"
    QTest::addColumn<int>("background");
    QTest::newRow("template, white")
        << "video_recommendation.mlsketch" << int(ExportOptions::Background::White);
    QTest::newRow("template, dark")
        << "rag_assistant.mlsketch" << int(ExportOptions::Background::Dark);
    QTest::newRow("generated 300, transparent")
        << "generated" << int(ExportOptions::Background::Transparent);
}

void TstSvgExport::iconsAndStylesOnce()
{
    QFETCH(QString, board);
    QFETCH(int, background);
    const auto d = board == QLatin1String("generated") ? squareBoard(300) : loadTemplate(board);
    ExportOptions options;
    options.background = ExportOptions::Background(background);
    const SvgParts svg = parse(SceneExporter(d.get(), options).toSvg());
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));

    // One <use> per card, each of a symbol that exists; one symbol per icon and ink.
    QSet<QString> kinds;
    for (const Component &c : d->components())
        kinds.insert(c.kind);
    QCOMPARE(int(svg.uses.size()), int(d->components().size()));
    for (const QString &use : svg.uses)
        QVERIFY2(svg.symbolIds.contains(use.mid(1)), qPrintable(use));
    QVERIFY(!svg.symbolIds.isEmpty());
    QVERIFY2(svg.symbolIds.size() <= kinds.size(), qPrintable(svg.symbolIds.join(' ')));
    QCOMPARE(QSet<QString>(svg.symbolBodies.begin(), svg.symbolBodies.end()).size(),
             svg.symbolBodies.size());
    // No icon drawn again outside its symbol.
    for (const QString &path : svg.drawnPaths)
        QVERIFY2(!svg.symbolPaths.contains(path), qPrintable(path));

    // Each set of styles once, and no element carrying its own fill, stroke or font (but the
    // dashed ones, left inline on purpose).
    QCOMPARE(QSet<QString>(svg.styleRules.begin(), svg.styleRules.end()).size(),
             svg.styleRules.size());
    QVERIFY2(svg.inlineStyled.isEmpty(), qPrintable(svg.inlineStyled.join(' ')));
    // Text stays text: every card's kind line is searchable.
    for (const Component &c : d->components())
        QVERIFY2(svg.texts.contains(Catalog::builtin().kindLabel(c.kind)), qPrintable(c.kind));
}

void TstSvgExport::samePictureAsGenericWriter_data()
{
    QTest::addColumn<QString>("board");
    QTest::addColumn<int>("background");
    QTest::addColumn<bool>("markers");
    QTest::newRow("white") << "video_recommendation.mlsketch"
                           << int(ExportOptions::Background::White) << false;
    QTest::newRow("dark, markers")
        << "realtime_fraud_detection.mlsketch" << int(ExportOptions::Background::Dark) << true;
    QTest::newRow("transparent") << "rag_assistant.mlsketch"
                                 << int(ExportOptions::Background::Transparent) << false;
}

/// Drawn back by Qt's SVG renderer, the compact SVG is the picture QSvgGenerator alone writes
/// for the same scene (icons, dashes, arrows, zones, badges, legend).
void TstSvgExport::samePictureAsGenericWriter()
{
    QFETCH(QString, board);
    QFETCH(int, background);
    QFETCH(bool, markers);
    const auto d = loadTemplate(board);
    ExportOptions options;
    options.background = ExportOptions::Background(background);
    options.problemMarkers = markers;
    const SceneExporter exporter(d.get(), options);
    const QByteArray compact = exporter.toSvg();
    const QByteArray plain = plainSvg(exporter);
    QVERIFY2(compact.size() * 2 < plain.size(),
             qPrintable(QStringLiteral("%1 against %2").arg(compact.size()).arg(plain.size())));
    const QSize size = exporter.imageSize();
    const QImage a = rendered(compact, size);
    const QImage b = rendered(plain, size);
    const int differing = differingPixels(a, b, 8);
    QVERIFY2(differing * 10000 < size.width() * size.height(),
             qPrintable(QStringLiteral("%1 pixels differ").arg(differing)));
}

void TstSvgExport::drawsItemsItDoesNotKnow()
{
    // Whatever a scene item paints reaches the file, styles compacted like the rest.
    Diagram d;
    fillSmall(d);
    const SceneExporter exporter(&d, {});
    auto *item = new ForeignItem;
    item->setPos(exporter.contentRect().topLeft());
    item->setZValue(10);
    exporter.scene()->addItem(item);
    const QByteArray bytes = exporter.toSvg();
    const SvgParts svg = parse(bytes);
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QVERIFY2(svg.texts.contains(QStringLiteral("Sticky note 42")), qPrintable(svg.texts.join('|')));
    QVERIFY(bytes.contains("fill:#fef08a;"));
    QVERIFY(bytes.contains("stroke:#123456;"));
    QVERIFY(svg.inlineStyled.isEmpty());
    const QImage image = rendered(bytes, exporter.imageSize());
    const QPoint inNote =
        ((exporter.contentRect().topLeft() + QPointF(10, 10)) - exporter.sourceRect().topLeft())
            .toPoint();
    QCOMPARE(QColor(image.pixel(inNote)), QColor(0xfe, 0xf0, 0x8a));
}

void TstSvgExport::sizeAgainstGraphviz()
{
    // A generated board of 1,000 cards: our file within twice Graphviz's for the same
    // positioned graph (what `mlsketch_bench --export` measures), and a bound of our own.
    const auto d = squareBoard(1000);
    const QByteArray ours = SceneExporter(d.get(), {}).toSvg();
    QVERIFY2(parse(ours).error.isEmpty(), "not well-formed");
    QVERIFY2(ours.size() < 2500 * qsizetype(d->components().size()),
             qPrintable(QStringLiteral("%1 bytes").arg(ours.size())));
    const QString neato = QStandardPaths::findExecutable(QStringLiteral("neato"));
    if (neato.isEmpty())
        QSKIP("neato (the graphviz package) is not installed: the ratio is not measured");
    QTemporaryDir dir;
    QFile dot(dir.filePath(QStringLiteral("board.dot")));
    QVERIFY(dot.open(QIODevice::WriteOnly));
    dot.write(DotExport::toDot(*d, {true}));
    dot.close();
    const QString theirs = dir.filePath(QStringLiteral("board.svg"));
    QCOMPARE(QProcess::execute(neato, {QStringLiteral("-n2"), QStringLiteral("-Tsvg"),
                                       dot.fileName(), QStringLiteral("-o"), theirs}),
             0);
    const qint64 graphviz = QFileInfo(theirs).size();
    QVERIFY(graphviz > 0);
    QVERIFY2(ours.size() <= 2 * graphviz,
             qPrintable(QStringLiteral("ours %1 bytes, Graphviz's %2 (%3×)")
                            .arg(ours.size())
                            .arg(graphviz)
                            .arg(double(ours.size()) / double(graphviz), 0, 'f', 2)));
}

QTEST_MAIN(TstSvgExport)
#include "tst_svg_export.moc"
