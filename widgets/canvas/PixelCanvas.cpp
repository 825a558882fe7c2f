// SPDX-License-Identifier: MIT
#include "PixelCanvas.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mls {

PixelCanvas::PixelCanvas(QPainter *painter) : m_painter(painter)
{
    QPaintDevice *device = painter->device();
    if (!device || device->devType() != QInternal::Image)
        return;
    auto *image = static_cast<QImage *>(device);
    const bool opaqueWrites = image->format() == QImage::Format_RGB32 ||
                              image->format() == QImage::Format_ARGB32_Premultiplied;
    // Shared, bits() would copy the image away from under the painter.
    if (!opaqueWrites || !image->isDetached() || painter->hasClipping() || painter->opacity() < 1 ||
        painter->compositionMode() != QPainter::CompositionMode_SourceOver)
        return;
    const qreal dpr = image->devicePixelRatio();
    const QTransform toDevice = painter->combinedTransform() * QTransform::fromScale(dpr, dpr);
    if (toDevice.type() > QTransform::TxScale)
        return;
    m_toDevice = toDevice;
    m_bits = image->bits();
    m_stride = image->bytesPerLine();
    m_width = image->width();
    m_height = image->height();
}

void PixelCanvas::hairline(const QPointF &a, const QPointF &b, QRgb color)
{
    if (m_bits) {
        deviceLine(m_toDevice.map(a), m_toDevice.map(b), color);
        return;
    }
    m_painter->save();
    m_painter->setRenderHint(QPainter::Antialiasing, false);
    m_painter->setPen(QPen(QColor(color), 0));
    m_painter->drawLine(a, b);
    m_painter->restore();
}

void PixelCanvas::deviceLine(QPointF a, QPointF b, QRgb color)
{
    // Clipped to the image and a pixel around it (Liang–Barsky): a board zoomed in a little
    // has arrows thousands of pixels long off screen.
    const qreal dx = b.x() - a.x();
    const qreal dy = b.y() - a.y();
    const qreal p[4] = {-dx, dx, -dy, dy};
    const qreal q[4] = {a.x() + 1, m_width + 1 - a.x(), a.y() + 1, m_height + 1 - a.y()};
    qreal t0 = 0;
    qreal t1 = 1;
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return;
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return;
    }
    const QPointF from = a + QPointF(dx, dy) * t0;
    const QPointF to = a + QPointF(dx, dy) * t1;
    // One pixel per column (or row) whose centre the line passes; a line shorter than a
    // pixel still lights the pixel under its middle.
    const bool alongX = std::abs(dx) >= std::abs(dy);
    const qreal u0 = alongX ? from.x() : from.y(), u1 = alongX ? to.x() : to.y();
    const qreal v0 = alongX ? from.y() : from.x(), v1 = alongX ? to.y() : to.x();
    const qreal lo = std::min(u0, u1), hi = std::max(u0, u1);
    const qreal slope = hi > lo ? (v1 - v0) / (u1 - u0) : 0;
    int first = int(std::ceil(lo - 0.5));
    int last = int(std::ceil(hi - 0.5)) - 1;
    if (last < first)
        first = last = int(std::floor((lo + hi) / 2));
    const int uSize = alongX ? m_width : m_height;
    const int vSize = alongX ? m_height : m_width;
    first = std::max(first, 0);
    last = std::min(last, uSize - 1);
    // Stepped rather than computed per pixel; clipped, v stays above -2, so int(v + 2) - 2 is
    // its floor.
    qreal v = v0 + (first + 0.5 - u0) * slope + 2;
    for (int u = first; u <= last; ++u, v += slope) {
        const int at = int(v) - 2;
        if (at < 0 || at >= vSize)
            continue;
        if (alongX)
            plot(u, at, color);
        else
            plot(at, u, color);
    }
}

void PixelCanvas::fillRect(const QRectF &rect, QRgb color, bool antialiased)
{
    if (!m_bits) {
        const bool was = m_painter->testRenderHint(QPainter::Antialiasing);
        m_painter->setRenderHint(QPainter::Antialiasing, antialiased);
        m_painter->fillRect(rect, QColor(color));
        m_painter->setRenderHint(QPainter::Antialiasing, was);
        return;
    }
    const QRectF d = m_toDevice.mapRect(rect).normalized();
    if (!antialiased) {
        // The pixels whose centres are inside, as the raster engine rounds a rectangle.
        const int x0 = std::max(qRound(d.left()), 0), x1 = std::min(qRound(d.right()), m_width);
        const int y0 = std::max(qRound(d.top()), 0), y1 = std::min(qRound(d.bottom()), m_height);
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x)
                plot(x, y, color);
        }
        return;
    }
    const int x0 = std::max(int(std::floor(d.left())), 0);
    const int x1 = std::min(int(std::ceil(d.right())), m_width);
    const int y0 = std::max(int(std::floor(d.top())), 0);
    const int y1 = std::min(int(std::ceil(d.bottom())), m_height);
    for (int y = y0; y < y1; ++y) {
        const qreal cy = std::min(d.bottom(), y + 1.0) - std::max(d.top(), qreal(y));
        for (int x = x0; x < x1; ++x) {
            const qreal cx = std::min(d.right(), x + 1.0) - std::max(d.left(), qreal(x));
            const int alpha = int(cx * cy * 256 + 0.5);
            if (alpha >= 256)
                plot(x, y, color);
            else if (alpha > 0)
                blend(x, y, color, alpha);
        }
    }
}

void PixelCanvas::blend(int x, int y, QRgb color, int alpha256)
{
    QRgb &d = reinterpret_cast<QRgb *>(m_bits + qsizetype(y) * m_stride)[x];
    const int keep = 256 - alpha256;
    const auto mix = [&](int src, int dst) { return (src * alpha256 + dst * keep) >> 8; };
    d = qRgba(mix(qRed(color), qRed(d)), mix(qGreen(color), qGreen(d)), mix(qBlue(color), qBlue(d)),
              mix(255, qAlpha(d)));
}

} // namespace mls
