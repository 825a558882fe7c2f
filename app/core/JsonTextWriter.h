// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace mls {

/// Writes JSON text straight from the model, byte for byte as `dumpJson` would write the same
/// value (same layout, escaping and number text), without building a `Json` tree first.
///
/// Containers are opened and closed explicitly; a member is a key() followed by one value. A
/// value that already is a `Json` (props, unknown fields) goes through nlohmann's own
/// serializer at the current indentation, so both paths always agree.
///
/// The text is gathered in a buffer of the writer's own and appended to the output a buffer
/// at a time: a file is written in pieces of a few bytes (a comma, an indentation, a key), and
/// a QByteArray append per piece was most of the writer's time. The output holds the whole
/// text only after flush(): the destructor does not flush, since an append that runs out of
/// memory must throw to the caller rather than end the program from a destructor.
class JsonTextWriter
{
public:
    /// Appends to @p out; @p indent: spaces per level (pretty-printed), or -1 for one compact
    /// line.
    JsonTextWriter(QByteArray &out, int indent);
    JsonTextWriter(const JsonTextWriter &) = delete;
    JsonTextWriter &operator=(const JsonTextWriter &) = delete;

    /// Appends everything written so far to the output: call it once the text is complete.
    void flush();

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// The next member's key (inside an object).
    void key(const char *latin1);
    void key(const std::string &utf8);

    void value(const QString &s);
    void value(const std::string &utf8);
    void value(long long v);
    /// Whole numbers below 9e15 as integers (no ".0"), as the file writer always did.
    void number(double v);
    void value(const Json &v);

    /// What the reader's structure check (DiagramReader::checkStructure) measures, as far as
    /// this writer has written: enough to know a text passes it without scanning the text.
    struct Shape
    {
        qint64 values = 0;        ///< objects and arrays, and the commas between members
        int depth = 0;            ///< deepest nesting of objects and arrays
        qint64 longestString = 0; ///< UTF-8 bytes of the longest string or key, unescaped
    };
    const Shape &shape() const { return m_shape; }

private:
    class SerializerOutput;
    static constexpr size_t bufferSize = 64 * 1024;

    /// Room for @p n bytes (at most bufferSize) at the write position, which the caller moves.
    char *room(size_t n)
    {
        if (size_t(m_end - m_at) < n)
            flush();
        return m_at;
    }
    void put(char c) { *room(1) = c, ++m_at; }
    void put(const char *s, size_t n);
    void beforeValue();
    void opened();
    void newLine();
    /// Appends @p s quoted; plain ASCII is copied, anything else is escaped by nlohmann.
    void quoted(const char *s, size_t n);

    struct Level
    {
        bool object;
        bool empty;
    };
    QByteArray &m_out;
    std::unique_ptr<char[]> m_buffer;
    char *m_at;  ///< the write position in m_buffer
    char *m_end; ///< the end of m_buffer
    int m_indent;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
    Shape m_shape;
    nlohmann::detail::serializer<Json> m_serializer;
};

} // namespace mls
