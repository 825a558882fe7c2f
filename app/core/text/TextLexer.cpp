// SPDX-License-Identifier: MIT
#include "TextLexer.h"

namespace mls {

namespace {

bool isWordChar(QChar ch)
{
    return ch.isLetterOrNumber() || ch == QLatin1Char('_') || ch == QLatin1Char('-') ||
           ch == QLatin1Char('.') || ch == QLatin1Char('/') || ch == QLatin1Char('+');
}

/// Reads a quoted string starting at @p i (the opening quote); returns the index after it.
int readString(const QString &line, int i, QString *value, QString *error)
{
    QString s;
    for (++i; i < line.size(); ++i) {
        const QChar ch = line.at(i);
        if (ch == QLatin1Char('"')) {
            *value = s;
            return i + 1;
        }
        if (ch != QLatin1Char('\\')) {
            s += ch;
            continue;
        }
        if (++i >= line.size())
            break;
        switch (line.at(i).unicode()) {
        case 'n':
            s += QLatin1Char('\n');
            break;
        case 't':
            s += QLatin1Char('\t');
            break;
        case 'r':
            s += QLatin1Char('\r');
            break;
        default:
            s += line.at(i);
        }
    }
    *error = QStringLiteral("unterminated string (a \" is missing)");
    return -1;
}

} // namespace

QVector<TextToken> TextLexer::tokenize(const QString &line, QString *error)
{
    QVector<TextToken> tokens;
    int i = 0;
    const int n = line.size();
    while (i < n) {
        const QChar ch = line.at(i);
        if (ch.isSpace()) {
            ++i;
        } else if (ch == QLatin1Char('#')) {
            break;
        } else if (ch == QLatin1Char('"')) {
            TextToken t{TextToken::Type::String, {}, i};
            i = readString(line, i, &t.text, error);
            if (i < 0)
                return {};
            tokens.append(t);
        } else if (ch == QLatin1Char('-') && i + 1 < n && line.at(i + 1) == QLatin1Char('>')) {
            tokens.append({TextToken::Type::Arrow, QStringLiteral("->"), i});
            i += 2;
        } else if (ch == QLatin1Char(':')) {
            tokens.append({TextToken::Type::Colon, QStringLiteral(":"), i++});
        } else if (ch == QLatin1Char('{')) {
            const int close = matchingBrace(line, i);
            if (close < 0) {
                *error = QStringLiteral("a { at column %1 is never closed").arg(i + 1);
                return {};
            }
            tokens.append({TextToken::Type::Block, line.mid(i + 1, close - i - 1), i});
            i = close + 1;
        } else if (isWordChar(ch)) {
            const int start = i;
            // A word stops before "->" so that "a->b" reads as an arrow.
            while (i < n && isWordChar(line.at(i)) &&
                   !(line.at(i) == QLatin1Char('-') && i + 1 < n &&
                     line.at(i + 1) == QLatin1Char('>')))
                ++i;
            tokens.append({TextToken::Type::Word, line.mid(start, i - start), start});
        } else {
            *error = QStringLiteral("unexpected character '%1' at column %2").arg(ch).arg(i + 1);
            return {};
        }
    }
    return tokens;
}

bool TextLexer::isBare(const QString &text)
{
    if (text.isEmpty() || text.contains(QLatin1String("->")))
        return false;
    for (const QChar ch : text) {
        if (!isWordChar(ch))
            return false;
    }
    return true;
}

QString TextLexer::quote(const QString &text)
{
    QString s = QStringLiteral("\"");
    for (const QChar ch : text) {
        switch (ch.unicode()) {
        case '"':
            s += QLatin1String("\\\"");
            break;
        case '\\':
            s += QLatin1String("\\\\");
            break;
        case '\n':
            s += QLatin1String("\\n");
            break;
        case '\t':
            s += QLatin1String("\\t");
            break;
        case '\r':
            s += QLatin1String("\\r");
            break;
        default:
            s += ch;
        }
    }
    return s + QLatin1Char('"');
}

QString TextLexer::word(const QString &text)
{
    return isBare(text) ? text : quote(text);
}

int TextLexer::matchingBrace(const QString &line, int open)
{
    int depth = 0;
    bool inString = false;
    for (int i = open; i < line.size(); ++i) {
        const QChar ch = line.at(i);
        if (inString) {
            if (ch == QLatin1Char('\\'))
                ++i;
            else if (ch == QLatin1Char('"'))
                inString = false;
        } else if (ch == QLatin1Char('"')) {
            inString = true;
        } else if (ch == QLatin1Char('{') || ch == QLatin1Char('[')) {
            ++depth;
        } else if (ch == QLatin1Char('}') || ch == QLatin1Char(']')) {
            if (--depth == 0)
                return ch == QLatin1Char('}') ? i : -1;
        }
    }
    return -1;
}

} // namespace mls
