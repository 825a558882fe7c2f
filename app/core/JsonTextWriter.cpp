// SPDX-License-Identifier: MIT
#include "JsonTextWriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace mls {

namespace {

/// Where nlohmann's serializer writes: the end of the writer's own buffer.
class ByteArrayOutput : public nlohmann::detail::output_adapter_protocol<char>
{
public:
    explicit ByteArrayOutput(QByteArray &out) : m_out(out) {}
    void write_character(char c) override { m_out.append(c); }
    void write_characters(const char *s, std::size_t length) override
    {
        m_out.append(s, qsizetype(length));
    }

private:
    QByteArray &m_out;
};

/// Adds the shape of @p v, nested @p depth levels deep, to @p shape.
void addShape(const Json &v, int depth, JsonTextWriter::Shape &shape)
{
    if (v.is_string()) {
        shape.longestString =
            std::max(shape.longestString, qint64(v.get_ref<const std::string &>().size()));
        return;
    }
    if (!v.is_object() && !v.is_array())
        return;
    shape.depth = std::max(shape.depth, depth + 1);
    shape.values += 1 + std::max<qint64>(0, qint64(v.size()) - 1);
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            shape.longestString = std::max(shape.longestString, qint64(it.key().size()));
            addShape(it.value(), depth + 1, shape);
        }
    } else {
        for (const Json &item : v)
            addShape(item, depth + 1, shape);
    }
}

} // namespace

JsonTextWriter::JsonTextWriter(QByteArray &out, int indent)
    : m_out(out), m_indent(indent),
      m_serializer(std::make_shared<ByteArrayOutput>(out), ' ', Json::error_handler_t::replace)
{}

void JsonTextWriter::newLine()
{
    // nlohmann: a member or element starts on its own line, indented one level deeper than
    // its container; the closing bracket goes back to the container's level.
    m_out.append('\n');
    m_out.append(qsizetype(m_levels.size()) * m_indent, ' ');
}

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level &l = m_levels.back();
    if (!l.empty) {
        m_out.append(',');
        ++m_shape.values;
    }
    l.empty = false;
    if (m_indent >= 0)
        newLine();
}

void JsonTextWriter::opened()
{
    ++m_shape.values;
    m_shape.depth = std::max(m_shape.depth, int(m_levels.size()));
}

void JsonTextWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_levels.push_back(Level{true, true});
    opened();
}

void JsonTextWriter::endObject()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty && m_indent >= 0)
        newLine();
    m_out.append('}');
}

void JsonTextWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_levels.push_back(Level{false, true});
    opened();
}

void JsonTextWriter::endArray()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty && m_indent >= 0)
        newLine();
    m_out.append(']');
}

void JsonTextWriter::key(const char *latin1)
{
    beforeValue();
    quoted(latin1, std::char_traits<char>::length(latin1));
    m_out.append(m_indent >= 0 ? ": " : ":");
    m_afterKey = true;
}

void JsonTextWriter::key(const std::string &utf8)
{
    beforeValue();
    quoted(utf8.data(), utf8.size());
    m_out.append(m_indent >= 0 ? ": " : ":");
    m_afterKey = true;
}

void JsonTextWriter::quoted(const char *s, size_t n)
{
    m_shape.longestString = std::max(m_shape.longestString, qint64(n));
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
            m_serializer.dump(Json(std::string(s, n)), false, false, 0);
            return;
        }
    }
    m_out.append('"');
    m_out.append(s, qsizetype(n));
    m_out.append('"');
}

void JsonTextWriter::value(const QString &s)
{
    beforeValue();
    // Plain ASCII (nearly every id, kind and label) is copied as it is checked; anything else
    // takes the converted and escaped path.
    const QChar *chars = s.constData();
    const qsizetype n = s.size();
    const qsizetype at = m_out.size();
    m_out.resize(at + n + 2);
    char *dst = m_out.data() + at;
    *dst++ = '"';
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = chars[i].unicode();
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
            m_out.truncate(at);
            const std::string utf8 = toStd(s); // as the tree writer converted it
            quoted(utf8.data(), utf8.size());
            return;
        }
        *dst++ = char(c);
    }
    *dst = '"';
    m_shape.longestString = std::max(m_shape.longestString, qint64(n));
}

void JsonTextWriter::value(const std::string &utf8)
{
    beforeValue();
    quoted(utf8.data(), utf8.size());
}

void JsonTextWriter::value(long long v)
{
    beforeValue();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, qsizetype(r.ptr - buf));
}

void JsonTextWriter::number(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return value(static_cast<long long>(v));
    value(Json(v));
}

void JsonTextWriter::value(const Json &v)
{
    beforeValue();
    addShape(v, int(m_levels.size()), m_shape);
    const int level = int(m_levels.size()) * std::max(m_indent, 0);
    m_serializer.dump(v, m_indent >= 0, false, unsigned(std::max(m_indent, 0)), unsigned(level));
}

} // namespace mls
