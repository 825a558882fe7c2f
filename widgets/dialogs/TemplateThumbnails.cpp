// SPDX-License-Identifier: MIT
#include "dialogs/TemplateThumbnails.h"

#include "DiagramReader.h"
#include "canvas/DiagramScene.h"

#include <QCache>
#include <QPainter>

namespace mls {

QImage TemplateThumbnails::render(Diagram &diagram, const QSize &size)
{
    DiagramScene scene(&diagram); // read-only: no undo stack
    scene.setGridVisible(false);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene.style().canvas);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    const QRectF source = scene.contentRect();
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source, Qt::KeepAspectRatio);
    return image;
}

QImage TemplateThumbnails::forFile(const QString &path, const QSize &size)
{
    // One process-wide cache keyed by file and size; a template gallery shows about 15.
    static QCache<QString, QImage> cache(64);
    const QString key = path + QLatin1Char('@') + QString::number(size.width()) + QLatin1Char('x') +
                        QString::number(size.height());
    if (const QImage *hit = cache.object(key))
        return *hit;
    const ReadResult read = DiagramReader::readFile(path);
    if (!read.ok())
        return {};
    const QImage image = render(*read.diagram, size);
    cache.insert(key, new QImage(image));
    return image;
}

} // namespace mls
