// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>

class QPainter;

namespace mls {

struct CardStyle;

/// The push-pin drawn in the top-right corner of a pinned card (props.pinned: auto layout
/// leaves the card where it is).
namespace PinGlyph {

/// Where the glyph sits on a card rectangle given in item coordinates.
QRectF rect(const QRectF &card);
/// Paints the pin onto @p card (item coordinates).
void paint(QPainter *painter, const QRectF &card, const CardStyle &style);

} // namespace PinGlyph
} // namespace mls
