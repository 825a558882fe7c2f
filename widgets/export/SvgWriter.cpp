// SPDX-License-Identifier: MIT
#include "SvgWriter.h"

#include <QBuffer>
#include <QFontInfo>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace mls {

namespace {

/// @p v with at most @p decimals decimals and no trailing zeros ("12", "-0.5", "3.142").
void appendNumber(QByteArray &out, double v, int decimals = 3)
{
    static constexpr long long scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (!std::isfinite(v)) {
        out += '0';
        return;
    }
    decimals = std::clamp(decimals, 0, 6);
    const double scaled = std::round(v * double(scales[decimals]));
    if (std::fabs(scaled) >= 9e15) { // beyond exact integers: the shortest exact form
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
        out.append(buffer, end - buffer);
        return;
    }
    auto n = static_cast<long long>(scaled);
    if (n == 0) {
        out += '0';
        return;
    }
    if (n < 0) {
        out += '-';
        n = -n;
    }
    long long whole = n / scales[decimals];
    long long fraction = n % scales[decimals];
    char digits[24];
    char *const end = digits + sizeof digits;
    char *p = end;
    do {
        *--p = char('0' + whole % 10);
        whole /= 10;
    } while (whole);
    out.append(p, end - p);
    if (fraction == 0)
        return;
    char tail[6];
    for (int i = decimals - 1; i >= 0; --i) {
        tail[i] = char('0' + fraction % 10);
        fraction /= 10;
    }
    int length = decimals;
    while (length > 0 && tail[length - 1] == '0')
        --length;
    out += '.';
    out.append(tail, length);
}

/// ` name="v"`, @p v as appendNumber() writes it.
void appendAttribute(QByteArray &out, const char *name, double v, int decimals = 3)
{
    out += ' ';
    out += name;
    out += "=\"";
    appendNumber(out, v, decimals);
    out += '"';
}

void appendColor(QByteArray &out, const QColor &color)
{
    static const char hex[] = "0123456789abcdef";
    const QRgb rgb = color.rgb();
    const char text[] = {'#',
                         hex[(qRed(rgb) >> 4) & 15],
                         hex[qRed(rgb) & 15],
                         hex[(qGreen(rgb) >> 4) & 15],
                         hex[qGreen(rgb) & 15],
                         hex[(qBlue(rgb) >> 4) & 15],
                         hex[qBlue(rgb) & 15]};
    out.append(text, sizeof text);
}

/// `fill:#rrggbb;` (for @p property "fill"), and `fill-opacity:a;` unless @p color is opaque.
void appendPaint(QByteArray &out, const char *property, const QColor &color)
{
    out += property;
    out += ':';
    appendColor(out, color);
    out += ';';
    if (color.alpha() != 255) {
        out += property;
        out += "-opacity:";
        appendNumber(out, color.alphaF(), 4);
        out += ';';
    }
}

/// @p text as XML character data or attribute value: escaped, and without the characters
/// XML cannot hold (control characters, U+FFFE, U+FFFF), which a label may still contain.
void appendEscaped(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.constData());
    const qsizetype n = utf8.size();
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        switch (c) {
        case '&':
            out += "&amp;";
            continue;
        case '<':
            out += "&lt;";
            continue;
        case '>':
            out += "&gt;";
            continue;
        case '"':
            out += "&quot;";
            continue;
        default:
            break;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            continue;
        if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF)) {
            i += 2; // U+FFFE or U+FFFF
            continue;
        }
        out += char(c);
    }
}

/// Whether @p brush is none or one colour; any other (a gradient, a texture) is written on the
/// element rather than in a class.
bool isPlainBrush(const QBrush &brush)
{
    return brush.style() == Qt::NoBrush || brush.style() == Qt::SolidPattern;
}

} // namespace

/// What a document and the symbols drawn for it share: one style sheet, one `<defs>`.
struct SvgShared
{
    int resolution = 96;
    QHash<QByteArray, QByteArray> classes; ///< declarations → class name
    QByteArray sheet;                      ///< the rules, in first-use order
    QByteArray defs;                       ///< gradients and symbols
    QHash<QString, int> symbols;           ///< key at a size → symbol number
    int gradients = 0;
    QHash<QString, QByteArray> families; ///< family asked for → as written
};

/// The engine behind SvgWriter: writes each primitive as it is drawn.
class SvgPaintEngine : public QPaintEngine
{
public:
    explicit SvgPaintEngine(std::shared_ptr<SvgShared> shared)
        : QPaintEngine(
              PaintEngineFeatures(QPaintEngine::AllFeatures) &
              ~PaintEngineFeatures(QPaintEngine::PatternBrush | QPaintEngine::PerspectiveTransform |
                                   QPaintEngine::ConicalGradientFill | QPaintEngine::PorterDuff)),
          m_shared(std::move(shared))
    {}

    bool begin(QPaintDevice *) override
    {
        m_body.clear();
        m_grouped = false;
        m_group = QTransform();
        m_transform = QTransform();
        m_pen = QPen();
        m_brush = QBrush();
        m_opacity = 1;
        m_hints = {};
        invalidate();
        return true;
    }
    bool end() override
    {
        closeGroup();
        return true;
    }
    Type type() const override { return QPaintEngine::SVG; }

    void updateState(const QPaintEngineState &state) override;

    using QPaintEngine::drawEllipse;
    using QPaintEngine::drawPolygon;
    using QPaintEngine::drawRects;
    void drawPath(const QPainterPath &path) override;
    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override;
    void drawRects(const QRectF *rects, int count) override;
    void drawEllipse(const QRectF &rect) override;
    void drawTextItem(const QPointF &at, const QTextItem &item) override;
    void drawPixmap(const QRectF &target, const QPixmap &pixmap, const QRectF &source) override;
    void drawImage(const QRectF &target, const QImage &image, const QRectF &source,
                   Qt::ImageConversionFlags flags) override;

    /// A `<use>` of symbol @p id, drawn through @p transform.
    void writeUse(const QTransform &transform, int id, qreal opacity);

    SvgShared &shared() { return *m_shared; }
    const std::shared_ptr<SvgShared> &sharedPointer() const { return m_shared; }
    const QByteArray &body() const { return m_body; }

private:
    enum Shape
    {
        Area,
        EvenOddPath,
        WindingPath,
        Line,
        Text,
        ShapeCount
    };

    void invalidate()
    {
        for (bool &valid : m_classValid)
            valid = false;
    }
    void ensureGroup(const QTransform &transform);
    void closeGroup();
    /// The style of @p shape in the current state: ` class="…"`, or the attributes themselves
    /// for a dashed stroke or a gradient.
    void appendStyle(Shape shape, const QFont *font = nullptr);
    void declarations(QByteArray &out, Shape shape, const QFont *font);
    void appendFill(QByteArray &out, const QBrush &brush);
    QByteArray gradient(const QGradient &gradient);
    void appendFamily(QByteArray &out, const QFont &font);
    void appendCosmetic();

    std::shared_ptr<SvgShared> m_shared;
    QByteArray m_body;
    bool m_grouped = false; ///< a `<g transform>` is open
    QTransform m_group;     ///< its transform (the identity when none is open)
    QTransform m_transform;
    QPen m_pen;
    QBrush m_brush;
    qreal m_opacity = 1;
    QPainter::RenderHints m_hints;
    QFont m_textFont; ///< the font m_classes[Text] is for
    bool m_classValid[ShapeCount] = {};
    QByteArray m_classes[ShapeCount]; ///< ` class="…"` of each shape in the current state
    QByteArray m_scratch;
};

void SvgPaintEngine::updateState(const QPaintEngineState &state)
{
    const DirtyFlags flags = state.state();
    if (flags & DirtyPen)
        m_pen = state.pen();
    if (flags & DirtyBrush)
        m_brush = state.brush();
    if (flags & DirtyTransform)
        m_transform = state.transform();
    if (flags & DirtyOpacity)
        m_opacity = state.opacity();
    if (flags & DirtyHints)
        m_hints = state.renderHints();
    if (flags & (DirtyPen | DirtyBrush | DirtyOpacity))
        invalidate();
}

void SvgPaintEngine::ensureGroup(const QTransform &transform)
{
    if (transform == m_group)
        return;
    closeGroup();
    if (transform.isIdentity())
        return;
    m_body += "<g transform=\"";
    if (transform.type() <= QTransform::TxTranslate) {
        m_body += "translate(";
        appendNumber(m_body, transform.dx());
        m_body += ',';
        appendNumber(m_body, transform.dy());
    } else {
        m_body += "matrix(";
        for (const qreal v : {transform.m11(), transform.m12(), transform.m21(), transform.m22()}) {
            appendNumber(m_body, v, 6);
            m_body += ',';
        }
        appendNumber(m_body, transform.dx());
        m_body += ',';
        appendNumber(m_body, transform.dy());
    }
    m_body += ")\">\n";
    m_grouped = true;
    m_group = transform;
}

void SvgPaintEngine::closeGroup()
{
    if (m_grouped)
        m_body += "</g>\n";
    m_grouped = false;
    m_group = QTransform();
}

void SvgPaintEngine::appendFamily(QByteArray &out, const QFont &font)
{
    auto it = m_shared->families.constFind(font.family());
    if (it == m_shared->families.constEnd()) {
        // The family asked for is often an alias only fontconfig knows ("Sans Serif"): name the
        // one used, without what would end the declaration or the attribute.
        const QString real = QFontInfo(QFont(font.family())).family();
        QByteArray named;
        for (const char c : (real.isEmpty() ? font.family() : real).toUtf8()) {
            if (!std::strchr(";{}<>&\"'\\", c) && (c < 0 || c >= 0x20))
                named += c;
        }
        named += named.isEmpty() ? "sans-serif" : ", sans-serif";
        it = m_shared->families.insert(font.family(), named);
    }
    out += *it;
}

QByteArray SvgPaintEngine::gradient(const QGradient &g)
{
    const QByteArray id = "mls-gradient-" + QByteArray::number(m_shared->gradients++);
    QByteArray &defs = m_shared->defs;
    const bool linear = g.type() == QGradient::LinearGradient;
    defs += linear ? "<linearGradient" : "<radialGradient";
    defs += " id=\"" + id + "\" gradientUnits=\"";
    defs += g.coordinateMode() == QGradient::ObjectBoundingMode ? "objectBoundingBox"
                                                                : "userSpaceOnUse";
    defs += '"';
    const auto attribute = [&defs](const char *name, qreal v) {
        appendAttribute(defs, name, v, 4);
    };
    if (linear) {
        const auto &l = static_cast<const QLinearGradient &>(g);
        attribute("x1", l.start().x());
        attribute("y1", l.start().y());
        attribute("x2", l.finalStop().x());
        attribute("y2", l.finalStop().y());
    } else {
        const auto &r = static_cast<const QRadialGradient &>(g);
        attribute("cx", r.center().x());
        attribute("cy", r.center().y());
        attribute("r", r.radius());
        attribute("fx", r.focalPoint().x());
        attribute("fy", r.focalPoint().y());
    }
    if (g.spread() == QGradient::ReflectSpread)
        defs += " spreadMethod=\"reflect\"";
    else if (g.spread() == QGradient::RepeatSpread)
        defs += " spreadMethod=\"repeat\"";
    defs += ">\n";
    for (const QGradientStop &stop : g.stops()) {
        defs += "<stop offset=\"";
        appendNumber(defs, stop.first, 4);
        defs += "\" stop-color=\"";
        appendColor(defs, stop.second);
        defs += "\" stop-opacity=\"";
        appendNumber(defs, stop.second.alphaF(), 4);
        defs += "\"/>\n";
    }
    defs += linear ? "</linearGradient>\n" : "</radialGradient>\n";
    return id;
}

void SvgPaintEngine::appendFill(QByteArray &out, const QBrush &brush)
{
    const QGradient *g = brush.gradient();
    if (brush.style() == Qt::NoBrush) {
        out += "fill:none;";
    } else if (g &&
               (g->type() == QGradient::LinearGradient || g->type() == QGradient::RadialGradient)) {
        out += "fill:url(#" + gradient(*g) + ");";
    } else { // a solid colour, or what has no SVG form (conical, textures): its colour
        appendPaint(out, "fill", brush.color());
    }
}

void SvgPaintEngine::declarations(QByteArray &out, Shape shape, const QFont *font)
{
    if (shape == Text) {
        appendFill(out, QBrush(m_pen.color()));
        out += "stroke:none;font-family:";
        appendFamily(out, *font);
        out += ";font-size:";
        appendNumber(out,
                     font->pixelSize() > 0 ? qreal(font->pixelSize())
                                           : font->pointSizeF() * m_shared->resolution / 72.0,
                     4);
        out += "px;font-weight:";
        out += QByteArray::number(font->weight());
        out += font->italic() ? ";font-style:italic;" : ";font-style:normal;";
    } else {
        if (shape == Line)
            out += "fill:none;";
        else
            appendFill(out, m_brush);
        if ((shape == EvenOddPath || shape == WindingPath) && m_brush.style() != Qt::NoBrush)
            out += shape == EvenOddPath ? "fill-rule:evenodd;" : "fill-rule:nonzero;";
        if (m_pen.style() == Qt::NoPen) {
            out += "stroke:none;";
        } else {
            const qreal width = m_pen.widthF() > 0 ? m_pen.widthF() : 1.0;
            appendPaint(out, "stroke", m_pen.color());
            out += "stroke-width:";
            appendNumber(out, width, 4);
            out += ';';
            switch (m_pen.capStyle()) {
            case Qt::FlatCap:
                out += "stroke-linecap:butt;";
                break;
            case Qt::RoundCap:
                out += "stroke-linecap:round;";
                break;
            default:
                out += "stroke-linecap:square;";
                break;
            }
            switch (m_pen.joinStyle()) {
            case Qt::MiterJoin:
            case Qt::SvgMiterJoin:
                out += "stroke-linejoin:miter;stroke-miterlimit:";
                appendNumber(out, m_pen.miterLimit(), 4);
                out += ';';
                break;
            case Qt::RoundJoin:
                out += "stroke-linejoin:round;";
                break;
            default:
                out += "stroke-linejoin:bevel;";
                break;
            }
            if (m_pen.style() != Qt::SolidLine) {
                out += "stroke-dasharray:";
                const QList<qreal> pattern = m_pen.dashPattern();
                for (int i = 0; i < pattern.size(); ++i) {
                    if (i)
                        out += ',';
                    appendNumber(out, pattern[i] * width, 4);
                }
                out += ";stroke-dashoffset:";
                appendNumber(out, m_pen.dashOffset() * width, 4);
                out += ';';
            }
        }
    }
    if (m_opacity < 1) {
        out += "opacity:";
        appendNumber(out, m_opacity, 4);
        out += ';';
    }
}

void SvgPaintEngine::appendStyle(Shape shape, const QFont *font)
{
    if (shape == Text && m_classValid[Text] && !(*font == m_textFont))
        m_classValid[Text] = false;
    if (m_classValid[shape]) {
        m_body += m_classes[shape];
        return;
    }
    const bool dashed =
        shape != Text && m_pen.style() != Qt::NoPen && m_pen.style() != Qt::SolidLine;
    const bool gradient = shape != Text && shape != Line && !isPlainBrush(m_brush);
    m_scratch.resize(0);
    declarations(m_scratch, shape, font);
    if (dashed || gradient) {
        // On the element, as attributes (`fill:#fff;` → ` fill="#fff"`), each time: a gradient
        // is defined per use, and QtSvg reads dash lists from a sheet differently.
        for (const QByteArray &declaration : m_scratch.split(';')) {
            const qsizetype colon = declaration.indexOf(':');
            if (colon <= 0)
                continue;
            m_body += ' ' + declaration.first(colon) + "=\"" + declaration.sliced(colon + 1) + '"';
        }
        return;
    }
    auto it = m_shared->classes.constFind(m_scratch);
    if (it == m_shared->classes.constEnd()) {
        const QByteArray name = 's' + QByteArray::number(m_shared->classes.size(), 36);
        m_shared->sheet += '.' + name + '{' + m_scratch + "}\n";
        it = m_shared->classes.insert(m_scratch, name);
    }
    m_classes[shape] = " class=\"" + *it + '"';
    m_classValid[shape] = true;
    if (shape == Text)
        m_textFont = *font;
    m_body += m_classes[shape];
}

void SvgPaintEngine::appendCosmetic()
{
    if (m_pen.style() != Qt::NoPen && m_pen.isCosmetic())
        m_body += " vector-effect=\"non-scaling-stroke\"";
}

void SvgPaintEngine::drawPath(const QPainterPath &path)
{
    ensureGroup(m_transform);
    m_body += "<path";
    appendStyle(path.fillRule() == Qt::OddEvenFill ? EvenOddPath : WindingPath);
    appendCosmetic();
    m_body += " d=\"";
    const int n = path.elementCount();
    for (int i = 0; i < n; ++i) {
        const QPainterPath::Element &e = path.elementAt(i);
        if (i)
            m_body += ' ';
        switch (e.type) {
        case QPainterPath::MoveToElement:
            m_body += 'M';
            break;
        case QPainterPath::LineToElement:
            m_body += 'L';
            break;
        case QPainterPath::CurveToElement:
            m_body += 'C';
            break;
        case QPainterPath::CurveToDataElement:
            break;
        }
        appendNumber(m_body, e.x);
        m_body += ',';
        appendNumber(m_body, e.y);
    }
    m_body += "\"/>\n";
}

void SvgPaintEngine::drawPolygon(const QPointF *points, int count, PolygonDrawMode mode)
{
    if (count < 1)
        return;
    ensureGroup(m_transform);
    if (mode == PolylineMode) {
        m_body += "<polyline";
        appendStyle(Line);
    } else {
        m_body += "<polygon";
        appendStyle(mode == WindingMode || mode == ConvexMode ? WindingPath : EvenOddPath);
    }
    appendCosmetic();
    m_body += " points=\"";
    for (int i = 0; i < count; ++i) {
        if (i)
            m_body += ' ';
        appendNumber(m_body, points[i].x());
        m_body += ',';
        appendNumber(m_body, points[i].y());
    }
    m_body += "\"/>\n";
}

void SvgPaintEngine::drawRects(const QRectF *rects, int count)
{
    ensureGroup(m_transform);
    for (int i = 0; i < count; ++i) {
        const QRectF &r = rects[i];
        m_body += "<rect";
        appendStyle(Area);
        appendCosmetic();
        appendAttribute(m_body, "x", r.x());
        appendAttribute(m_body, "y", r.y());
        appendAttribute(m_body, "width", r.width());
        appendAttribute(m_body, "height", r.height());
        m_body += "/>\n";
    }
}

void SvgPaintEngine::drawEllipse(const QRectF &r)
{
    ensureGroup(m_transform);
    const bool circle = r.width() == r.height();
    m_body += circle ? "<circle" : "<ellipse";
    appendStyle(Area);
    appendCosmetic();
    appendAttribute(m_body, "cx", r.center().x());
    appendAttribute(m_body, "cy", r.center().y());
    if (circle) {
        appendAttribute(m_body, "r", r.width() / 2);
    } else {
        appendAttribute(m_body, "rx", r.width() / 2);
        appendAttribute(m_body, "ry", r.height() / 2);
    }
    m_body += "/>\n";
}

void SvgPaintEngine::drawTextItem(const QPointF &at, const QTextItem &item)
{
    if (m_pen.style() == Qt::NoPen) // as QSvgGenerator: text takes the pen's colour
        return;
    const QString text = item.text();
    if (text.isEmpty())
        return;
    const QFont font = item.font();
    ensureGroup(m_transform);
    m_body += "<text";
    appendStyle(Text, &font);
    m_body += " xml:space=\"preserve\"";
    appendAttribute(m_body, "x", at.x());
    appendAttribute(m_body, "y", at.y());
    m_body += '>';
    appendEscaped(m_body, text);
    m_body += "</text>\n";
}

void SvgPaintEngine::drawPixmap(const QRectF &target, const QPixmap &pixmap, const QRectF &source)
{
    drawImage(target, pixmap.toImage(), source, Qt::AutoColor);
}

void SvgPaintEngine::drawImage(const QRectF &target, const QImage &image, const QRectF &source,
                               Qt::ImageConversionFlags)
{
    const QRect part = source.toAlignedRect() & image.rect();
    if (part.isEmpty() || target.isEmpty())
        return;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!(part == image.rect() ? image : image.copy(part)).save(&buffer, "PNG"))
        return;
    ensureGroup(m_transform);
    m_body += "<image";
    appendAttribute(m_body, "x", target.x());
    appendAttribute(m_body, "y", target.y());
    appendAttribute(m_body, "width", target.width());
    appendAttribute(m_body, "height", target.height());
    if (m_opacity < 1)
        appendAttribute(m_body, "opacity", m_opacity, 4);
    m_body += " preserveAspectRatio=\"none\"";
    if (!m_hints.testFlag(QPainter::SmoothPixmapTransform))
        m_body += " image-rendering=\"optimizeSpeed\"";
    m_body += " xlink:href=\"data:image/png;base64,";
    m_body += png.toBase64();
    m_body += "\"/>\n";
}

void SvgPaintEngine::writeUse(const QTransform &transform, int id, qreal opacity)
{
    ensureGroup(transform);
    m_body += "<use xlink:href=\"#mls-symbol-";
    m_body += QByteArray::number(id);
    m_body += '"';
    if (opacity < 1)
        appendAttribute(m_body, "opacity", opacity, 4);
    m_body += "/>\n";
}

// ---- SvgWriter -----------------------------------------------------------------------------

SvgWriter::SvgWriter(const QSize &size, const QRectF &viewBox, int resolution)
    : m_size(size), m_viewBox(viewBox), m_resolution(std::max(1, resolution))
{
    auto shared = std::make_shared<SvgShared>();
    shared->resolution = m_resolution;
    m_engine = std::make_unique<SvgPaintEngine>(std::move(shared));
}

SvgWriter::SvgWriter(const QSizeF &size, SvgWriter *document)
    : m_size(int(std::ceil(size.width())), int(std::ceil(size.height()))),
      m_viewBox(QPointF(0, 0), size), m_resolution(document->m_resolution),
      m_engine(std::make_unique<SvgPaintEngine>(document->m_engine->sharedPointer()))
{}

SvgWriter::~SvgWriter() = default;

QPaintEngine *SvgWriter::paintEngine() const
{
    return m_engine.get();
}

SvgWriter *SvgWriter::of(QPainter *painter)
{
    return painter ? dynamic_cast<SvgWriter *>(painter->device()) : nullptr;
}

int SvgWriter::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return m_size.width();
    case PdmHeight:
        return m_size.height();
    case PdmWidthMM:
        return qRound(m_size.width() * 25.4 / m_resolution);
    case PdmHeightMM:
        return qRound(m_size.height() * 25.4 / m_resolution);
    case PdmNumColors:
        return int(0xffffffff);
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return m_resolution;
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    }
    return QPaintDevice::metric(metric);
}

int SvgWriter::symbolCount() const
{
    return int(m_engine->shared().symbols.size());
}

void SvgWriter::paintSymbol(QPainter *painter, const QRectF &target, const QString &key,
                            const std::function<void(QPainter *, const QRectF &)> &draw)
{
    if (target.isEmpty())
        return;
    SvgShared &shared = m_engine->shared();
    const QSizeF size = target.size();
    const QString sizedKey =
        QStringLiteral("%1@%2x%3").arg(key).arg(size.width()).arg(size.height());
    auto it = shared.symbols.constFind(sizedKey);
    if (it == shared.symbols.constEnd()) {
        SvgWriter symbol(size, this);
        QPainter p(&symbol);
        p.setRenderHints(painter->renderHints());
        draw(&p, QRectF(QPointF(0, 0), size));
        p.end();
        const int id = int(shared.symbols.size());
        // Each element carries its whole style, so a symbol inherits none from where it is used.
        shared.defs += "<g id=\"mls-symbol-" + QByteArray::number(id) + "\">\n" +
                       symbol.m_engine->body() + "</g>\n";
        it = shared.symbols.insert(sizedKey, id);
    }
    m_engine->writeUse(QTransform::fromTranslate(target.x(), target.y()) *
                           painter->combinedTransform(),
                       *it, painter->opacity());
}

QByteArray SvgWriter::document() const
{
    const SvgShared &shared = m_engine->shared();
    const QByteArray &body = m_engine->body();
    QByteArray out;
    out.reserve(body.size() + shared.defs.size() + shared.sheet.size() + 1024 +
                (m_title.size() + m_description.size()) * 3);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg";
    if (m_size.isValid()) {
        out += " width=\"";
        appendNumber(out, m_size.width() * 25.4 / m_resolution);
        out += "mm\" height=\"";
        appendNumber(out, m_size.height() * 25.4 / m_resolution);
        out += "mm\"";
    }
    if (m_viewBox.isValid()) {
        out += " viewBox=\"";
        appendNumber(out, m_viewBox.left());
        out += ' ';
        appendNumber(out, m_viewBox.top());
        out += ' ';
        appendNumber(out, m_viewBox.width());
        out += ' ';
        appendNumber(out, m_viewBox.height());
        out += '"';
    }
    out += " xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "version=\"1.2\" baseProfile=\"tiny\">\n";
    if (!m_title.isEmpty()) {
        out += "<title>";
        appendEscaped(out, m_title);
        out += "</title>\n";
    }
    if (!m_description.isEmpty()) {
        out += "<desc>";
        appendEscaped(out, m_description);
        out += "</desc>\n";
    }
    if (!shared.sheet.isEmpty())
        out += "<style type=\"text/css\">\n" + shared.sheet + "</style>\n";
    if (!shared.defs.isEmpty())
        out += "<defs>\n" + shared.defs + "</defs>\n";
    out += body;
    out += "</svg>\n";
    return out;
}

} // namespace mls
