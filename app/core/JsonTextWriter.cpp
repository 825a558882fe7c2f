// SPDX-License-Identifier: MIT
#include "JsonTextWriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace mls {

/// Where nlohmann's serializer writes: the writer's buffer, in order with everything else.
class JsonTextWriter::SerializerOutput : public nlohmann::detail::output_adapter_protocol<char>
{
public:
    explicit SerializerOutput(JsonTextWriter &w) : m_w(w) {}
    void write_character(char c) override { m_w.put(c); }
    void write_characters(const char *s, std::size_t length) override { m_w.put(s, length); }

private:
    JsonTextWriter &m_w;
};

namespace {

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
    : m_out(out), m_buffer(new char[bufferSize]), m_at(m_buffer.get()),
      m_end(m_buffer.get() + bufferSize), m_indent(indent),
      m_serializer(std::make_shared<SerializerOutput>(*this), ' ', Json::error_handler_t::replace)
{}

void JsonTextWriter::flush()
{
    m_out.append(m_buffer.get(), qsizetype(m_at - m_buffer.get()));
    m_at = m_buffer.get();
}

void JsonTextWriter::put(const char *s, size_t n)
{
    if (n > bufferSize) { // a long string: straight to the output
        flush();
        m_out.append(s, qsizetype(n));
        return;
    }
    std::memcpy(room(n), s, n);
    m_at += n;
}

void JsonTextWriter::newLine()
{
    // nlohmann: a member or element starts on its own line, indented one level deeper than
    // its container; the closing bracket goes back to the container's level.
    const size_t spaces = m_levels.size() * size_t(m_indent);
    if (spaces >= bufferSize) { // deeper than any file the reader accepts
        put('\n');
        for (size_t i = 0; i < spaces; ++i)
            put(' ');
        return;
    }
    char *at = room(spaces + 1);
    *at = '\n';
    std::memset(at + 1, ' ', spaces);
    m_at = at + 1 + spaces;
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
        put(',');
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
    put('{');
    m_levels.push_back(Level{true, true});
    opened();
}

void JsonTextWriter::endObject()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty && m_indent >= 0)
        newLine();
    put('}');
}

void JsonTextWriter::beginArray()
{
    beforeValue();
    put('[');
    m_levels.push_back(Level{false, true});
    opened();
}

void JsonTextWriter::endArray()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty && m_indent >= 0)
        newLine();
    put(']');
}

void JsonTextWriter::key(const char *latin1)
{
    beforeValue();
    quoted(latin1, std::char_traits<char>::length(latin1));
    put(": ", m_indent >= 0 ? 2 : 1);
    m_afterKey = true;
}

void JsonTextWriter::key(const std::string &utf8)
{
    beforeValue();
    quoted(utf8.data(), utf8.size());
    put(": ", m_indent >= 0 ? 2 : 1);
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
    put('"');
    put(s, n);
    put('"');
}

void JsonTextWriter::value(const QString &s)
{
    beforeValue();
    // Plain ASCII (nearly every id, kind and label) is copied as it is checked, and kept only
    // once all of it is; anything else takes the converted and escaped path.
    const QChar *chars = s.constData();
    const qsizetype n = s.size();
    if (size_t(n) + 2 <= bufferSize) {
        char *dst = room(size_t(n) + 2);
        *dst++ = '"';
        qsizetype i = 0;
        for (; i < n; ++i) {
            const char16_t c = chars[i].unicode();
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
                break;
            *dst++ = char(c);
        }
        if (i == n) {
            *dst++ = '"';
            m_at = dst;
            m_shape.longestString = std::max(m_shape.longestString, qint64(n));
            return;
        }
    }
    const std::string utf8 = toStd(s); // as the tree writer converted it
    quoted(utf8.data(), utf8.size());
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
    put(buf, size_t(r.ptr - buf));
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
