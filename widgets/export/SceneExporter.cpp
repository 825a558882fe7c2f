// SPDX-License-Identifier: MIT
#include "SceneExporter.h"

#include "Diagram.h"
#include "EmbeddedDesign.h"
#include "Logging.h"
#include "SvgWriter.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/FlowLegend.h"
#include "canvas/LabelPlacer.h"
#include "canvas/ZoneItem.h"
#include "export/ExportScope.h"
#include "rules/RuleEngine.h"

#include <QBuffer>
#include <QGraphicsItem>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>

namespace mls {

namespace {

/// The board as exported: the canvas's items and style, a plain background, no grid.
class ExportScene : public DiagramScene
{
public:
    ExportScene(Diagram *diagram, ExportOptions::Background background)
        : DiagramScene(diagram), m_background(background)
    {
        CardStyle style = background == ExportOptions::Background::Dark ? CardStyle::darkStyle()
                                                                        : CardStyle::light();
        if (background != ExportOptions::Background::Dark)
            style.canvas = Qt::white; // also the fill behind arrow labels
        setStyle(style);
        setGridVisible(false);
    }

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override
    {
        if (m_background != ExportOptions::Background::Transparent)
            painter->fillRect(rect, style().canvas);
    }

private:
    ExportOptions::Background m_background;
};

/// Problem markers on the exported cards and arrows: with @p show, the built-in design rules
/// run on @p diagram and their unwaived findings are drawn as on the canvas.
void applyMarkers(DiagramScene *scene, const Diagram &diagram, bool show)
{
    if (show) {
        RuleEngine engine;
        scene->setFindings(engine.check(diagram));
    }
    scene->setMarkersVisible(show);
}

/// The flow legend as an item of the export scene, so PNG, SVG, PDF and print all draw it.
class LegendItem : public QGraphicsItem
{
public:
    LegendItem(QStringList flows, const CardStyle &style)
        : m_flows(std::move(flows)), m_style(style), m_size(FlowLegend::size(m_flows, style))
    {}
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_size); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        FlowLegend::paint(painter, QPointF(0, 0), m_flows, m_style);
    }

private:
    QStringList m_flows;
    CardStyle m_style;
    QSizeF m_size;
};

/// The bounds of what is drawn, tighter than the items' bounding rectangles, which leave room
/// for the selection ring and the connection handle that an export never shows.
QRectF drawnBounds(const DiagramScene &scene, const Diagram &diagram)
{
    QRectF r;
    for (const Component &c : diagram.components()) {
        if (const ComponentItem *item = scene.componentItem(c.id)) {
            r |= item->sceneCardRect().adjusted(-1, -1, 1, 1); // the border's half pen
            if (item->marker() && scene.markersVisible())      // the badge on the top-right corner
                r |= item->sceneCardRect().adjusted(0, -FindingBadge::radius - 1, 0, 0);
        }
    }
    for (const Group &g : diagram.groups()) {
        if (const ZoneItem *item = scene.zoneItem(g.id))
            r |= item->sceneRect().adjusted(-2, -2, 2, 2); // not the border's grab margin
    }
    for (const Connection &c : diagram.connections()) {
        if (const QGraphicsItem *item = scene.connectionItem(c.id))
            r |= item->sceneBoundingRect();
    }
    for (const Note &n : diagram.notes()) // with a sticky note's shadow (3 px down and right)
        r |= n.rect.adjusted(-1, -1, 4, 4);
    return r;
}

} // namespace

SceneExporter::SceneExporter(Diagram *diagram, const ExportOptions &options)
    : m_diagram(diagram), m_options(options)
{
    m_options.scale = std::clamp(m_options.scale, ExportOptions::minScale, ExportOptions::maxScale);
    m_options.margin = std::clamp(m_options.margin, 0.0, ExportOptions::maxMargin);
    if (!m_options.selection.isEmpty()) {
        m_subset = ExportScope::subset(*diagram, m_options.selection);
        m_diagram = m_subset.get();
    }
    m_scene = std::make_unique<ExportScene>(m_diagram, m_options.background);
    m_scene->setRouting(m_options.routing);
    applyMarkers(m_scene.get(), *m_diagram, m_options.problemMarkers);
    LabelPlacer::flush(m_scene.get()); // labels off the cards before measuring and drawing
    m_content = drawnBounds(*m_scene, *m_diagram);
    const QStringList flows = FlowLegend::usedFlows(*m_diagram);
    if (m_options.flowLegend && !flows.isEmpty() && !m_content.isNull()) {
        // Below the drawing, at its left edge: a corner of the picture that covers nothing.
        auto *legend = new LegendItem(flows, m_scene->style());
        legend->setPos(std::floor(m_content.left()), std::ceil(m_content.bottom()) + 16);
        m_scene->addItem(legend);
        m_content |= legend->sceneBoundingRect();
    }
    if (m_content.isNull()) // an empty diagram: a small blank picture, not a zero-sized one
        m_content = QRectF(0, 0, 1, 1);
}

SceneExporter::~SceneExporter() = default;

QRectF SceneExporter::sourceRect() const
{
    const qreal m = m_options.margin;
    // Whole board pixels, so scale 1 maps board pixels onto image pixels exactly.
    const QRectF r = m_content.adjusted(-m, -m, m, m);
    return QRectF(QPointF(std::floor(r.left()), std::floor(r.top())),
                  QPointF(std::ceil(r.right()), std::ceil(r.bottom())));
}

QSize SceneExporter::imageSize() const
{
    const QRectF r = sourceRect();
    return QSize(int(std::ceil(r.width() * m_options.scale)),
                 int(std::ceil(r.height() * m_options.scale)));
}

QString SceneExporter::title() const
{
    return m_diagram->meta().title.isEmpty() ? QStringLiteral("mlsketch diagram")
                                             : m_diagram->meta().title;
}

QString SceneExporter::description() const
{
    QString text = QStringLiteral("An ML system design drawn with mlsketch: %1 components, %2 "
                                  "connections, %3 zones.")
                       .arg(m_diagram->components().size())
                       .arg(m_diagram->connections().size())
                       .arg(m_diagram->groups().size());
    if (!m_diagram->meta().notes.trimmed().isEmpty())
        text += QLatin1Char('\n') + m_diagram->meta().notes.trimmed();
    return text;
}

void SceneExporter::render(QPainter *painter, const QRectF &target) const
{
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                            QPainter::SmoothPixmapTransform);
    m_scene->render(painter, target, sourceRect(), Qt::IgnoreAspectRatio);
}

QImage SceneExporter::toImage(QString *error) const
{
    const QSize size = imageSize();
    if (size.width() > maxImageSide || size.height() > maxImageSide ||
        qint64(size.width()) * size.height() > maxImagePixels) {
        if (error)
            *error = QStringLiteral("the image would be %1 × %2 pixels, more than a PNG viewer "
                                    "can open; use a smaller scale, or SVG or PDF")
                         .arg(size.width())
                         .arg(size.height());
        return {};
    }
    // Opaque backgrounds need no alpha channel: a quarter less to encode and to store.
    const bool opaque = m_options.background != ExportOptions::Background::Transparent;
    QImage image(size, opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = QStringLiteral("not enough memory for a %1 × %2 pixel image")
                         .arg(size.width())
                         .arg(size.height());
        return {};
    }
    image.fill(opaque ? m_scene->style().canvas : QColor(Qt::transparent));
    // Paint at 96 DPI: fonts sized in points follow the device's DPI, and the scale is already
    // in the painter's transform. The file then claims 96 × scale DPI, so it prints at the
    // board's size.
    const int dotsPerMeter96 = qRound(96 / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter96);
    image.setDotsPerMeterY(dotsPerMeter96);
    QPainter painter(&image);
    render(&painter, QRectF(QPointF(0, 0), size));
    painter.end();
    const int dotsPerMeter = qRound(m_options.scale * 96 / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

QByteArray SceneExporter::toPng(QString *error) const
{
    QImage image = toImage(error);
    if (image.isNull())
        return {};
    // The picture carries its design (or the exported selection), to open again as a diagram.
    if (m_options.selection.isEmpty())
        EmbeddedDesign::embed(*m_diagram, image);
    else
        EmbeddedDesign::embed(*ExportScope::subset(*m_diagram, m_options.selection), image);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Qt maps PNG quality 50 to zlib level 4: measured on a 30-megapixel board, a third less
    // encoding time than the default level 6 for files under 2 % larger.
    if (!image.save(&buffer, "PNG", 50)) {
        if (error)
            *error = QStringLiteral("the PNG encoder failed");
        return {};
    }
    return bytes;
}

QByteArray SceneExporter::toSvg() const
{
    const QRectF source = sourceRect();
    SvgWriter svg(imageSize(), source); // the drawing is in board coordinates
    svg.setTitle(title());
    svg.setDescription(description());
    QPainter painter(&svg);
    render(&painter, source);
    painter.end();
    return svg.document();
}

QByteArray SceneExporter::toPdf() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setTitle(title());
    pdf.setCreator(QStringLiteral("mlsketch"));
    pdf.setResolution(96);
    const QSizeF page = QSizeF(imageSize()) * 72.0 / 96.0; // points
    pdf.setPageSize(QPageSize(page, QPageSize::Point, title(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&pdf);
    render(&painter, QRectF(QPointF(0, 0), QSizeF(imageSize())));
    painter.end();
    return bytes;
}

void SceneExporter::print(QPrinter *printer) const
{
    // Fonts sized in points grow with the device's DPI while the fit below already scales the
    // drawing; at 96 DPI both agree. The output stays vectors (the print engine is PDF).
    printer->setResolution(96);
    QPainter painter(printer);
    if (!painter.isActive()) {
        qCWarning(lcWidgets) << "cannot print: the printer did not start";
        return;
    }
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    const QRectF source = sourceRect();
    const qreal s = std::min(page.width() / source.width(), page.height() / source.height());
    QRectF target(0, 0, source.width() * s, source.height() * s);
    target.moveCenter(QRectF(QPointF(0, 0), page.size()).center());
    render(&painter, target);
}

} // namespace mls
