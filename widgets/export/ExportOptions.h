// SPDX-License-Identifier: MIT
#pragma once

#include "canvas/ConnectionItem.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mls {

/// How a diagram is drawn into a file, the clipboard or a printer.
struct ExportOptions
{
    enum class Background
    {
        White,       ///< light cards on white
        Transparent, ///< light cards, nothing behind them (PNG alpha, no SVG/PDF background)
        Dark         ///< the dark board: dark cards on the dark canvas
    };

    static constexpr qreal minScale = 1;
    static constexpr qreal maxScale = 4;
    static constexpr qreal maxMargin = 400;

    /// Image pixels per board pixel (PNG; 1 = 96 DPI); SVG and PDF pages grow with it too.
    qreal scale = 1;
    Background background = Background::White;
    /// Space around the content, in board pixels.
    qreal margin = 24;
    /// Draw the design-rule markers on the cards (as the canvas shows them).
    bool problemMarkers = false;
    /// Draw the key to the arrows (the flows used) in the picture's bottom-left corner.
    bool flowLegend = true;
    /// Component, connection and zone ids to draw; empty means the whole diagram.
    QStringList selection;
    /// How arrows are routed (the canvas's view option).
    ConnectionItem::Routing routing = ConnectionItem::Routing::Straight;

    /// The resolution a PNG at this scale claims: 96 DPI × scale.
    int dpi() const { return qRound(96 * scale); }

    /// "white", "transparent", "dark".
    static QString backgroundName(Background background);
    static std::optional<Background> backgroundFromName(const QString &name);
};

} // namespace mls
