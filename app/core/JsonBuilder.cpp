// SPDX-License-Identifier: MIT
#include "JsonBuilder.h"

#include "ReadError.h"

#include <QRegularExpression>

namespace mls {

namespace {

/// nlohmann quotes all it read of the bad token ("last read: '…'"): for a string cut off by
/// the end of the file that is the user's whole text. Keep its last characters, and say
/// "binary data" rather than print raw bytes.
QString shortenLastRead(const QString &what)
{
    constexpr int keep = 24;
    const QLatin1String key("last read: '");
    const int start = what.indexOf(key);
    if (start < 0 || !what.endsWith(QLatin1Char('\'')))
        return what;
    const int from = start + key.size();
    const QString token = what.mid(from, what.size() - 1 - from);
    QString shown = token.size() > keep ? QChar(0x2026) + token.right(keep) : token;
    for (const QChar c : std::as_const(shown)) {
        if (c == QChar::ReplacementCharacter || (!c.isPrint() && c != QChar(0x2026)))
            return what.left(start) + QStringLiteral("at binary data (not a text file?)");
    }
    return what.left(from) + shown + QLatin1Char('\'');
}

/// @p what: nlohmann's message; @p atEnd: the parser stopped on the last byte of the file.
QString describeParseError(const QString &message, bool atEnd)
{
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 2: <detail>"
    QString what = message;
    const int column = what.indexOf(QLatin1String("column"));
    const int colon = column < 0 ? -1 : what.indexOf(QLatin1String(": "), column);
    if (colon > 0)
        what = what.mid(colon + 2);
    if (atEnd || what.contains(QLatin1String("unexpected end of input")))
        return QStringLiteral("the file ends too early, it may be truncated (%1)")
            .arg(shortenLastRead(what));
    // "last read: '<token>'": a token ending in N or I is the start of NaN or Infinity.
    static const QRegularExpression nonFinite(QStringLiteral("last read: '[^']*[NI]'"));
    if (nonFinite.match(what).hasMatch())
        return QStringLiteral("NaN and Infinity are not valid JSON numbers (%1)")
            .arg(shortenLastRead(what));
    return QStringLiteral("not valid JSON: %1").arg(shortenLastRead(what));
}

} // namespace

void JsonBuilder::parse(const QByteArray &bytes)
{
    if (Json::sax_parse(bytes.constBegin(), bytes.constEnd(), this))
        return;
    const qint64 at = m_errorAt > 0 ? qint64(m_errorAt) - 1 : 0;
    if (m_errorId == 406) { // out_of_range.406: a number such as 1e400
        const QString token = m_error.section(QLatin1Char('\''), 1, 1);
        throw ReadError{lineColumn(bytes, at - qMax(0, int(token.size()) - 1)),
                        QStringLiteral("a number too large to hold ('%1')").arg(token)};
    }
    const QByteArray trimmed = bytes.trimmed();
    const bool atEnd = at >= trimmed.size() - 1 && !trimmed.endsWith('}');
    throw ReadError{lineColumn(bytes, at), describeParseError(m_error, atEnd)};
}

QString JsonBuilder::path() const
{
    QString p;
    for (size_t i = 1; i < m_open.size(); ++i) {
        const Open &parent = m_open[i - 1];
        if (parent.value->is_array())
            p += QStringLiteral("[%1]").arg(parent.count - 1);
        else
            p += (p.isEmpty() ? QString() : QStringLiteral(".")) +
                 toQt(parent.value->get_ref<const Json::object_t &>().back().first).left(200);
    }
    return p.isEmpty() ? QStringLiteral("top level") : p;
}

void releaseWithoutAllocating(Json &v) noexcept
{
    while ((v.is_array() || v.is_object()) && !v.empty()) {
        Json *node = &v;
        for (;;) {
            Json *last = nullptr;
            if (node->is_array() && !node->get_ref<Json::array_t &>().empty())
                last = &node->get_ref<Json::array_t &>().back();
            else if (node->is_object() && !node->get_ref<Json::object_t &>().empty())
                last = &node->get_ref<Json::object_t &>().back().second;
            if (!last)
                break;
            const bool container = (last->is_array() || last->is_object()) && !last->empty();
            if (container) {
                node = last;
                continue;
            }
            if (node->is_array())
                node->get_ref<Json::array_t &>().pop_back();
            else
                node->get_ref<Json::object_t &>().pop_back();
            break;
        }
    }
    v = Json(nullptr);
}

} // namespace mls
