// SPDX-License-Identifier: MIT
#include "CardStyle.h"

#include <QGuiApplication>

namespace mls {

CardStyle CardStyle::light()
{
    CardStyle s;
    s.dark = false;
    s.canvas = QColor(0xF7, 0xF8, 0xFA);
    s.grid = QColor(0xE3, 0xE6, 0xEB);
    s.cardFill = Qt::white;
    s.cardBorder = QColor(0xCF, 0xD5, 0xDD);
    s.text = QColor(0x1F, 0x29, 0x37);
    s.subtleText = QColor(0x6B, 0x72, 0x80);
    s.ink = QColor(0x26, 0x32, 0x38);
    s.selection = QColor(0x25, 0x63, 0xEB);
    s.unknown = QColor(0xDC, 0x26, 0x26);
    return s;
}

CardStyle CardStyle::darkStyle()
{
    CardStyle s;
    s.dark = true;
    s.canvas = QColor(0x1A, 0x1D, 0x23);
    s.grid = QColor(0x2A, 0x2E, 0x36);
    s.cardFill = QColor(0x26, 0x2A, 0x33);
    s.cardBorder = QColor(0x3B, 0x41, 0x4D);
    s.text = QColor(0xE5, 0xE7, 0xEB);
    s.subtleText = QColor(0x9C, 0xA3, 0xAF);
    s.ink = QColor(0xE5, 0xE7, 0xEB);
    s.selection = QColor(0x60, 0xA5, 0xFA);
    s.unknown = QColor(0xF8, 0x71, 0x71);
    return s;
}

CardStyle CardStyle::fromPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? darkStyle() : light();
}

QFont CardStyle::labelFont() const
{
    QFont f = QGuiApplication::font();
    f.setPointSizeF(9.5); // "Recommendation API" fits a card without eliding
    f.setWeight(QFont::DemiBold);
    return f;
}

QFont CardStyle::kindFont() const
{
    QFont f = QGuiApplication::font();
    f.setPointSizeF(8);
    return f;
}

QColor CardStyle::accent(const QColor &category) const
{
    return dark ? category.lighter(135) : category;
}

} // namespace mls
