// SPDX-License-Identifier: MIT
#include "TextHighlighter.h"

#include "Catalog.h"
#include "text/TextLexer.h"

#include <QTextCharFormat>

namespace mls {

namespace {

QTextCharFormat charFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

bool isKeyword(const QString &w)
{
    static const QStringList keywords{"title", "budget", "note", "zone", "waive", "extra", "meta"};
    return keywords.contains(w);
}

} // namespace

TextHighlighter::TextHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void TextHighlighter::highlightBlock(const QString &text)
{
    const int comment = [&] {
        bool quoted = false;
        for (int i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\\'))
                ++i;
            else if (text.at(i) == QLatin1Char('"'))
                quoted = !quoted;
            else if (!quoted && text.at(i) == QLatin1Char('#'))
                return i;
        }
        return -1;
    }();
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, charFormat(QColor(0x6B7280), false, true));
    QString error;
    const QVector<TextToken> tokens = TextLexer::tokenize(text, &error);
    const Catalog &cat = Catalog::builtin();
    QTextCharFormat unknown = charFormat(QColor(0xB91C1C));
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(QColor(0xDC2626));
    for (int i = 0; i < tokens.size(); ++i) {
        const TextToken &t = tokens[i];
        const int length = t.type == TextToken::Type::Word ? int(t.text.size()) : -1;
        const bool afterColon = i > 0 && tokens[i - 1].type == TextToken::Type::Colon;
        const bool connection =
            tokens.size() > 1 && (tokens[1].type == TextToken::Type::Arrow ||
                                  (tokens.size() > 3 && tokens[3].type == TextToken::Type::Arrow));
        switch (t.type) {
        case TextToken::Type::String: {
            // The string's extent in the line: from its quote to the closing one.
            int end = t.column + 1;
            while (end < text.size() && text.at(end) != QLatin1Char('"'))
                end += text.at(end) == QLatin1Char('\\') ? 2 : 1;
            setFormat(t.column, end - t.column + 1, charFormat(QColor(0x047857)));
            break;
        }
        case TextToken::Type::Arrow:
            setFormat(t.column, 2, charFormat(QColor(0xC2410C), true));
            break;
        case TextToken::Type::Block: {
            const int close = TextLexer::matchingBrace(text, t.column);
            setFormat(t.column, (close < 0 ? int(text.size()) : close + 1) - t.column,
                      charFormat(QColor(0x7C3AED)));
            break;
        }
        case TextToken::Type::Word:
            if (i == 0 && isKeyword(t.text) &&
                (tokens.size() < 2 || tokens[1].type != TextToken::Type::Colon))
                setFormat(t.column, length, charFormat(QColor(0x1D4ED8), true));
            else if (afterColon && connection && i > 2)
                setFormat(t.column, length,
                          cat.flow(t.text) ? charFormat(QColor(0x0E7490), true) : unknown);
            else if (afterColon && !connection && i == 2)
                setFormat(t.column, length,
                          cat.kind(t.text) ? charFormat(QColor(0xA21CAF), true) : unknown);
            else if (i == 0)
                setFormat(t.column, length, charFormat(QColor(0x111827), true));
            break;
        default:
            break;
        }
    }
}

} // namespace mls
