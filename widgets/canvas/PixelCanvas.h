// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPainterPath>
#include <QRectF>
#include <QTransform>

class QPainter;

namespace mls {

/// Draws hairlines and opaque rectangles for the far-zoom batches (FarBoardPainter), straight
/// into the pixels of the painter's image when it has one: QPainter's cosmetic stroker hands
/// the raster engine one span per pixel of a hairline (about 60 ns a pixel, most of a paint at
/// fit), and every fillRect() sets up its rasteriser anew. Anything else (a clip, a rotation,
/// opacity, a device that is not a 32-bit image) goes through the painter, which gives the
/// same picture up to the rounding of a pixel at the ends of a line.
/// Mixing its writes with the painter's own drawing is safe: the raster engine draws at once.
class PixelCanvas
{
public:
    explicit PixelCanvas(QPainter *painter);

    /// Whether it writes pixels itself (else it asks the painter).
    bool isDirect() const { return m_bits != nullptr; }
    /// A one-pixel line (not antialiased) from @p a to @p b in the painter's coordinates.
    void hairline(const QPointF &a, const QPointF &b, QRgb color);
    /// @p rect filled with the opaque @p color; antialiased, a pixel along the edge takes the
    /// colour by the share of it covered.
    void fillRect(const QRectF &rect, QRgb color, bool antialiased);

private:
    void deviceLine(QPointF a, QPointF b, QRgb color);
    void plot(int x, int y, QRgb color)
    {
        reinterpret_cast<QRgb *>(m_bits + qsizetype(y) * m_stride)[x] = color;
    }
    void blend(int x, int y, QRgb color, int alpha256);

    QPainter *m_painter;
    QTransform m_toDevice;
    uchar *m_bits = nullptr;
    qsizetype m_stride = 0;
    int m_width = 0;
    int m_height = 0;
};

} // namespace mls
