// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVector>

namespace mls {

/// One token of a line of the text form.
struct TextToken
{
    enum class Type
    {
        Word,   ///< a bare id, kind, flow, keyword or number: letters, digits, _ - . / +
        String, ///< a double-quoted string, escapes resolved
        Colon,
        Arrow, ///< ->
        Block, ///< {…}: text holds what is between the braces, untouched
    };
    Type type = Type::Word;
    QString text;   ///< the word, or the string's value
    int column = 0; ///< 0-based offset of the token in the line
};

/// Splits one line of the text form into tokens; `#` outside a string starts a comment.
class TextLexer
{
public:
    /// Tokens of @p line, or an empty list and @p error set ("unterminated string").
    static QVector<TextToken> tokenize(const QString &line, QString *error);
    /// True for text that can be written as a bare Word (no quotes needed).
    static bool isBare(const QString &text);
    /// @p text as a double-quoted string with \" \\ \n \t \r escapes.
    static QString quote(const QString &text);
    /// @p text bare when it can be, else quoted.
    static QString word(const QString &text);
    /// Offset of the `}` closing the `{` at @p open (strings and [] skipped), or -1.
    static int matchingBrace(const QString &line, int open);
};

} // namespace mls
