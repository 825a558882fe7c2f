// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>
#include <QSizeF>
#include <QStringList>

#include <functional>

namespace mls {

struct Component;

/// The size of a component's card on the board, a function of the model alone (label and
/// kind), so the canvas, Graphviz layout, overlap checks and every export agree.
///
/// A card keeps its label whole: the label wraps onto up to maxLabelLines lines of the base
/// card's text width; a label that needs more grows the card wider (in grid steps) until it
/// fits in maxLabelLines. Text widths are estimated from the characters (a generous model of
/// the card's 9.5 pt demi-bold label font) so every machine computes the same sizes; the
/// canvas narrows a line drawn in a wider font rather than cut it.
namespace CardGeometry {

constexpr qreal baseWidth = 212; ///< scene px; the card of a one-line label
constexpr qreal baseHeight = 60;
constexpr qreal widthStep = 20; ///< a wider card grows by whole grid steps
constexpr qreal textLeft = 56;  ///< card's left edge to the text: stripe, icon badge, gap
constexpr qreal textRight = 10; ///< text to the card's right edge
constexpr qreal labelLineHeight = 16;
constexpr qreal kindLineHeight = 14;
constexpr qreal verticalPadding = 10;
constexpr int maxLabelLines = 3;

/// Estimated width in scene px of @p ch in the label font (the kind line uses 0.8 of it).
qreal labelCharWidth(QChar ch);
/// Estimated width of @p text in the label font.
qreal labelWidth(const QString &text);

/// Greedy word wrap of @p text (whitespace simplified) to lines no wider than @p width by
/// @p charWidth; a word wider than a line is broken between characters. Never drops text.
QStringList wrap(const QString &text, qreal width, const std::function<qreal(QChar)> &charWidth);

/// The lines of a card's label and the card's size.
struct CardText
{
    QStringList lines;
    QSizeF size;
    qreal textWidth = 0; ///< the width the lines are wrapped to
};

/// The card of a component whose label shows @p label and whose kind line says @p kindText.
CardText layout(const QString &label, const QString &kindText);
/// The card of @p c as the board draws it (label or kind name, kind line from the catalog).
CardText layout(const Component &c);
/// The card size of @p c.
QSizeF size(const Component &c);
/// The card of @p c centred on its position, in scene px.
QRectF rect(const Component &c);

} // namespace CardGeometry
} // namespace mls
