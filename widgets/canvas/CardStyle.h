// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QRectF>
#include <QSizeF>

namespace mls {

/// Colours and metrics shared by the canvas items, derived from the light or dark palette.
struct CardStyle
{
    static constexpr qreal cardWidth = 212; ///< scene units (px at 100 %)
    static constexpr qreal cardHeight = 60;
    static constexpr qreal cardRadius = 8;
    static constexpr qreal iconSize = 24;
    static constexpr qreal zonePadding = 24; ///< space between a zone's edge and its cards

    bool dark = false;
    QColor canvas;
    QColor grid;
    QColor cardFill;
    QColor cardBorder;
    QColor text;
    QColor subtleText;
    QColor ink; ///< icon strokes
    QColor selection;
    QColor unknown; ///< border of a card whose kind is not in the catalog

    static CardStyle light();
    static CardStyle darkStyle();
    /// Light or dark, following the window colour of @p palette.
    static CardStyle fromPalette(const QPalette &palette);

    /// The card rectangle centred on the origin.
    static QRectF cardRect() { return {-cardWidth / 2, -cardHeight / 2, cardWidth, cardHeight}; }
    QFont labelFont() const;
    QFont kindFont() const;
    /// A category colour adjusted to read on this style's canvas.
    QColor accent(const QColor &category) const;
};

} // namespace mls
