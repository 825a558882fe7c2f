// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QPaintDevice>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

class QPainter;

namespace mls {

class SvgPaintEngine;

/// A paint device that writes what is painted on it as a compact SVG document.
///
/// Anything a QPainter draws is written (paths, polygons, rectangles, ellipses, text as text,
/// images), as QSvgGenerator would draw it, but in the form a person would write by hand:
/// - each distinct set of presentation attributes is one CSS class in a `<style>` sheet
///   (`class="s3"` rather than `fill="#fff" stroke="none" …` on every element);
/// - a group only where the transform changes, written `translate(x,y)` when it is one;
/// - a drawing repeated many times (a kind's icon on every card) once in `<defs>`, and a
///   `<use>` of it wherever it is drawn: painters that know a picture repeats ask
///   paintSymbol();
/// - fonts named by the family actually used, then `sans-serif`, so a browser without it
///   falls back to a sans-serif font rather than a serif one.
/// Dashed strokes keep their attributes on the element: Qt's SVG renderer reads dash lists
/// from a style sheet differently. Clipping is not written, as QSvgGenerator does not.
class SvgWriter : public QPaintDevice
{
public:
    /// A document of @p size pixels at @p resolution DPI showing @p viewBox of the drawing.
    SvgWriter(const QSize &size, const QRectF &viewBox, int resolution = 96);
    ~SvgWriter() override;

    void setTitle(const QString &title) { m_title = title; }
    void setDescription(const QString &description) { m_description = description; }

    QPaintEngine *paintEngine() const override;

    /// The whole document; complete once the painter on this device has ended.
    QByteArray document() const;

    /// Draws @p draw (which paints into the rectangle it is given) at @p target of @p painter as
    /// a reference to the symbol @p key of target's size, drawn once the first time it is asked
    /// for. @p painter must paint on this writer.
    void paintSymbol(QPainter *painter, const QRectF &target, const QString &key,
                     const std::function<void(QPainter *, const QRectF &)> &draw);
    /// How many distinct symbols were drawn.
    int symbolCount() const;

    /// The writer @p painter paints on (the one to ask for symbols), if any.
    static SvgWriter *of(QPainter *painter);

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    /// A symbol's drawing: writes into @p document's style sheet and definitions.
    SvgWriter(const QSizeF &size, SvgWriter *document);

    QSize m_size;
    QRectF m_viewBox;
    int m_resolution;
    QString m_title;
    QString m_description;
    std::unique_ptr<SvgPaintEngine> m_engine;
};

} // namespace mls
