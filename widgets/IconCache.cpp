// SPDX-License-Identifier: MIT
#include "IconCache.h"

#include "Catalog.h"
#include "Logging.h"
#include "export/SvgWriter.h"

#include <QFile>
#include <QPaintEngine>
#include <QPainter>
#include <QSvgRenderer>

namespace mls {

IconCache &IconCache::instance()
{
    static IconCache cache;
    return cache;
}

QString IconCache::iconFileForKind(const QString &kind)
{
    const KindInfo *k = Catalog::builtin().kind(kind);
    return k ? k->icon : QStringLiteral("unknown.svg");
}

QByteArray IconCache::svgBytes(const QString &iconFile)
{
    auto it = m_svg.constFind(iconFile);
    if (it != m_svg.constEnd())
        return *it;
    initCoreResources();
    QFile file(QStringLiteral(":/icons/") + iconFile);
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly)) {
        bytes = file.readAll();
    } else {
        qCWarning(lcWidgets) << "missing icon" << iconFile;
        QFile fallback(QStringLiteral(":/icons/unknown.svg"));
        if (fallback.open(QIODevice::ReadOnly))
            bytes = fallback.readAll();
    }
    m_svg.insert(iconFile, bytes);
    return bytes;
}

QByteArray IconCache::inkedSvg(const QString &iconFile, const QColor &ink)
{
    QByteArray svg = svgBytes(iconFile);
    return svg.replace("#263238", ink.name(QColor::HexRgb).toLatin1());
}

void IconCache::paint(QPainter *painter, const QRectF &target, const QString &iconFile,
                      const QColor &ink, qreal dpr)
{
    const QPaintEngine *engine = painter->paintEngine();
    const auto type = engine ? engine->type() : QPaintEngine::Raster;
    if (type == QPaintEngine::SVG || type == QPaintEngine::Pdf || type == QPaintEngine::Picture) {
        const QString key = iconFile + QLatin1Char('|') + ink.name(QColor::HexArgb);
        std::shared_ptr<QSvgRenderer> &renderer = m_renderers[key];
        if (!renderer)
            renderer = std::make_shared<QSvgRenderer>(inkedSvg(iconFile, ink));
        if (SvgWriter *svg = SvgWriter::of(painter)) {
            // Written once per icon and ink in the file, referenced from every card.
            svg->paintSymbol(painter, target, key,
                             [renderer](QPainter *p, const QRectF &r) { renderer->render(p, r); });
            return;
        }
        renderer->render(painter, target);
        return;
    }
    const QPixmap pm = pixmap(iconFile, qRound(target.width()), ink, dpr);
    painter->drawPixmap(target, pm, QRectF(QPointF(0, 0), pm.size()));
}

QPixmap IconCache::pixmap(const QString &iconFile, int logicalSize, const QColor &ink, qreal dpr)
{
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(iconFile)
                            .arg(logicalSize)
                            .arg(ink.name(QColor::HexArgb))
                            .arg(dpr);
    auto it = m_pixmaps.constFind(key);
    if (it != m_pixmaps.constEnd())
        return *it;
    const QByteArray svg = inkedSvg(iconFile, ink);
    const int device = qMax(1, qRound(logicalSize * dpr));
    QPixmap pm(device, device);
    pm.fill(Qt::transparent);
    QSvgRenderer renderer(svg);
    QPainter painter(&pm);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, device, device));
    painter.end();
    pm.setDevicePixelRatio(dpr);
    m_pixmaps.insert(key, pm);
    return pm;
}

QIcon IconCache::icon(const QString &iconFile, const QColor &ink)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(pixmap(iconFile, size, ink, 1.0));
    for (int size : {16, 24, 32})
        icon.addPixmap(pixmap(iconFile, size, ink, 2.0));
    return icon;
}

} // namespace mls
