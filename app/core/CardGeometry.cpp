// SPDX-License-Identifier: MIT
#include "CardGeometry.h"

#include "Catalog.h"
#include "Component.h"

#include <cmath>

namespace mls::CardGeometry {

namespace {

// The label font is 9.5 pt at 96 dpi: one em is 12.67 px. Widths below are a little above
// DejaVu Sans Bold's (the widest common UI sans), so real text is rarely wider than estimated.
constexpr qreal em = 9.5 * 96 / 72;

qreal kindCharWidth(QChar ch)
{
    return labelCharWidth(ch) * 0.8; // 8 pt regular against 9.5 pt demi-bold
}

qreal kindWidth(const QString &text)
{
    qreal w = 0;
    for (QChar ch : text)
        w += kindCharWidth(ch);
    return w;
}

/// Lines of @p text at @p width, or more than maxLabelLines once that is certain.
int lineCount(const QString &text, qreal width)
{
    return int(wrap(text, width, labelCharWidth).size());
}

} // namespace

qreal labelCharWidth(QChar ch)
{
    if (ch.isSpace())
        return 0.36 * em;
    if (ch.isLowSurrogate())
        return 0; // the high surrogate carries the width of the pair
    if (ch.unicode() >= 0x2E80 || ch.isHighSurrogate())
        return 1.05 * em; // CJK, emoji: full width
    static const QString narrow = QStringLiteral("iljIft!.,:;'|`()[]{}r/\\\"");
    static const QString wide = QStringLiteral("mwMW@%&");
    if (narrow.contains(ch))
        return 0.46 * em;
    if (wide.contains(ch))
        return 1.08 * em;
    if (ch.isUpper() || ch.isDigit())
        return 0.80 * em;
    return 0.72 * em;
}

qreal labelWidth(const QString &text)
{
    qreal w = 0;
    for (QChar ch : text)
        w += labelCharWidth(ch);
    return w;
}

QStringList wrap(const QString &text, qreal width, const std::function<qreal(QChar)> &charWidth)
{
    const auto measure = [&](const QString &s) {
        qreal w = 0;
        for (QChar ch : s)
            w += charWidth(ch);
        return w;
    };
    QStringList lines;
    QString line;
    qreal lineWidth = 0;
    const qreal space = charWidth(QLatin1Char(' '));
    for (QString word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        qreal wordWidth = measure(word);
        if (!line.isEmpty() && lineWidth + space + wordWidth <= width) {
            line += QLatin1Char(' ') + word;
            lineWidth += space + wordWidth;
            continue;
        }
        if (!line.isEmpty())
            lines << line;
        // A word wider than a line is cut between characters (never inside a surrogate pair),
        // at least one character per line.
        while (wordWidth > width && word.size() > 1) {
            int n = 0;
            qreal w = 0;
            while (n < word.size() && w + charWidth(word.at(n)) <= width)
                w += charWidth(word.at(n++));
            if (n < word.size() && n > 0 && word.at(n).isLowSurrogate())
                --n;
            n = std::max(n, word.at(0).isHighSurrogate() && word.size() > 1 ? 2 : 1);
            lines << word.left(n);
            word = word.mid(n);
            wordWidth = measure(word);
        }
        line = word;
        lineWidth = wordWidth;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

CardText layout(const QString &label, const QString &kindText)
{
    const qreal baseText = baseWidth - textLeft - textRight;
    // The kind line stays one line: the card is at least as wide as it.
    qreal textWidth = std::max(baseText, kindWidth(kindText));
    if (lineCount(label, textWidth) > maxLabelLines) {
        // Grow from a third of the label's length by 10 % until three lines hold it (a few
        // steps; the longest label allowed, 2,000 characters, needs about 25).
        textWidth = std::max(textWidth, labelWidth(label) / maxLabelLines);
        while (lineCount(label, textWidth) > maxLabelLines)
            textWidth *= 1.1;
    }
    CardText card;
    const qreal cardWidth =
        baseWidth + std::ceil(std::max(0.0, textWidth - baseText) / widthStep - 1e-9) * widthStep;
    card.textWidth = cardWidth - textLeft - textRight;
    card.lines = wrap(label, card.textWidth, labelCharWidth);
    const qreal textHeight =
        qreal(std::max<qsizetype>(1, card.lines.size())) * labelLineHeight + kindLineHeight;
    card.size = QSizeF(cardWidth, std::max(baseHeight, textHeight + 2 * verticalPadding));
    return card;
}

CardText layout(const Component &c)
{
    const Catalog &catalog = Catalog::builtin();
    return layout(catalog.displayName(c), catalog.kindLabel(c.kind));
}

QSizeF size(const Component &c)
{
    return layout(c).size;
}

QRectF rect(const Component &c)
{
    const QSizeF s = size(c);
    return {c.pos.x() - s.width() / 2, c.pos.y() - s.height() / 2, s.width(), s.height()};
}

} // namespace mls::CardGeometry
