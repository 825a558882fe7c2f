// SPDX-License-Identifier: MIT
#include "DiagramReader.h"

#include "Catalog.h"
#include "NoteJson.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <string>
#include <unordered_set>
#include <vector>

namespace mls {

namespace {

/// A failed read: where (line/column or JSON path) and what.
struct ReadError
{
    QString where;
    QString what;
};

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

/// 1-based line and column of a byte offset.
QString lineColumn(const QByteArray &bytes, qint64 offset)
{
    offset = std::clamp<qint64>(offset, 0, bytes.size());
    int line = 1;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

/// What scanStructure does with a byte outside any string. Binary: a byte JSON never allows
/// outside a string.
enum class ByteClass : unsigned char
{
    Plain,
    Quote,
    Comma,
    Open,
    Close,
    Binary
};

constexpr ByteClass byteClass(unsigned b)
{
    if (b == '"')
        return ByteClass::Quote;
    if (b == ',')
        return ByteClass::Comma;
    if (b == '{' || b == '[')
        return ByteClass::Open;
    if (b == '}' || b == ']')
        return ByteClass::Close;
    if (b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F)
        return ByteClass::Binary;
    return ByteClass::Plain;
}

struct ByteClasses
{
    ByteClass of[256];
    constexpr ByteClasses() : of()
    {
        for (unsigned b = 0; b < 256; ++b)
            of[b] = byteClass(b);
    }
};
constexpr ByteClasses byteClasses;

/// Eight bytes at @p p, in the machine's order (the tests below do not depend on it).
quint64 eightBytes(const char *p)
{
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// True when one of the eight bytes of @p v equals @p byte (the classic zero-byte test).
bool hasByte(quint64 v, unsigned char byte)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const quint64 x = v ^ (ones * byte);
    return ((x - ones) & ~x & highs) != 0;
}

/// The end of the string whose opening quote is at @p start: the index of its closing quote,
/// or @p n when the text ends inside it. Eight bytes at a time while none is a quote or a
/// backslash.
qint64 stringEnd(const char *data, qint64 start, qint64 n)
{
    qint64 i = start + 1;
    while (i < n) {
        if (i + 8 <= n) {
            const quint64 v = eightBytes(data + i);
            if (!hasByte(v, '"') && !hasByte(v, '\\')) {
                i += 8;
                continue;
            }
        }
        const char ch = data[i];
        if (ch == '"')
            return i;
        i += ch == '\\' ? 2 : 1;
    }
    return n;
}

/// True when a string is over the cap: some byte of it that is neither an escape nor the
/// character after one lies more than @p maxBytes past the opening quote at @p start.
bool stringTooLong(const char *data, qint64 start, qint64 end, qint64 maxBytes)
{
    bool escaped = false;
    for (qint64 i = start + 1; i < end; ++i) {
        if (escaped)
            escaped = false;
        else if (data[i] == '\\')
            escaped = true;
        else if (i - start > maxBytes)
            return true;
    }
    return false;
}

/// Refuses structure nlohmann would accept but we will not hold: deep nesting (a 100,000-deep
/// file would make every later recursive walk dangerous) and huge strings. One linear pass
/// (the writer runs it on every save, so strings are skipped in one tight loop).
void scanStructure(const QByteArray &bytes, const ReadLimits &limits)
{
    int depth = 0;
    qint64 values = 0;
    const char *data = bytes.constData();
    const qint64 n = bytes.size();
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    auto tooManyValues = [&](qint64 i) {
        return ReadError{lineColumn(bytes, i),
                         QStringLiteral("more than %1 JSON values (the limit for a file)")
                             .arg(limits.maxJsonValues)};
    };
    for (qint64 i = 0; i < n; ++i) {
        ByteClass byteClass = byteClasses.of[uchar(data[i])];
        while (byteClass == ByteClass::Plain) {
            // Pretty-printed text is mostly indentation: skip it eight spaces at a time.
            i += i + 8 <= n && eightBytes(data + i) == 0x2020202020202020ULL ? 8 : 1;
            if (i >= n)
                return;
            byteClass = byteClasses.of[uchar(data[i])];
        }
        const char ch = data[i];
        switch (byteClass) {
        case ByteClass::Plain:
            break;
        case ByteClass::Quote: {
            const qint64 end = stringEnd(data, i, n);
            if (end - i - 1 > limits.maxStringBytes &&
                stringTooLong(data, i, end, limits.maxStringBytes))
                throw ReadError{lineColumn(bytes, i),
                                QStringLiteral("a string longer than %1 (the limit for any text)")
                                    .arg(megabytes(limits.maxStringBytes))};
            i = end;
            break;
        }
        case ByteClass::Comma:
            if (++values > limits.maxJsonValues)
                throw tooManyValues(i);
            break;
        case ByteClass::Open:
            if (++values > limits.maxJsonValues)
                throw tooManyValues(i);
            if (++depth > limits.maxDepth)
                throw ReadError{
                    lineColumn(bytes, i),
                    QStringLiteral("nesting deeper than %1 levels").arg(limits.maxDepth)};
            break;
        case ByteClass::Close:
            --depth;
            break;
        case ByteClass::Binary: {
            if (bom && i < 3)
                break;
            // JSON allows no control character and no non-ASCII byte outside a string; and
            // nlohmann takes a NUL for the end of the input (a trailing NUL would be accepted,
            // a file of NULs would read as "ends too early").
            const auto byte = uchar(ch);
            const QString what =
                byte == 0 ? QStringLiteral("a NUL byte")
                          : QStringLiteral("byte 0x%1").arg(QString::number(byte, 16).toUpper());
            throw ReadError{lineColumn(bytes, i),
                            QStringLiteral("%1 outside any string: binary data, not an mlsketch "
                                           "file (a JSON text)")
                                .arg(what)};
        }
        }
    }
}

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

/// The top-level arrays whose elements the reader converts one by one while parsing, in the
/// order the format converts them (components before the connections that refer to them).
enum Section
{
    Components,
    Connections,
    Groups,
    SectionCount
};
constexpr const char *sectionKeys[SectionCount] = {"components", "connections", "groups"};

/// Takes the elements of the top-level arrays (Section) while the file is being parsed, so
/// that the whole file never has to be held as one JSON value.
class ElementSink
{
public:
    virtual ~ElementSink() = default;
    /// The array of @p section opens: true to be handed its elements one by one.
    virtual bool sectionOpened(Section section) = 0;
    virtual void sectionClosed(Section section) = 0;
    /// Element @p index, complete: true when taken (the builder then drops it), false to keep
    /// it in the tree.
    virtual bool element(Section section, size_t index, Json &value) = 0;
};

/// Builds the JSON value from nlohmann's SAX events. ordered_json's own parser searches an
/// object's keys linearly for every key it adds (100,000 props keys: quadratic); here keys are
/// appended in file order and repeats are found with a hash set, and a repeated key is
/// refused with its place instead of silently keeping the last copy. The value is built into
/// a root the caller owns, so a failure (even out of memory) never destroys it mid-unwind.
/// With a sink, each element of a top-level section the sink asks for is handed over as soon
/// as it is complete and then dropped (the section's array stays in the tree, empty).
class JsonBuilder
{
public:
    explicit JsonBuilder(Json &root, ElementSink *sink = nullptr) : m_root(root), m_sink(sink) {}

    bool null() { return scalar(Json(nullptr)); }
    bool boolean(bool v) { return scalar(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return scalar(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return scalar(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t &) { return scalar(Json(v)); }
    bool string(Json::string_t &v) { return scalar(Json(std::move(v))); }
    bool binary(Json::binary_t &) { return scalar(Json()); } // never in JSON text
    bool start_object(std::size_t)
    {
        const bool element = !m_open.empty() && m_open.back().streamed;
        Json *object = put(Json::object());
        if (element) // an element's fields: grown once, not 1, 2, 4, 8
            object->get_ref<Json::object_t &>().reserve(8);
        m_open.push_back(Open{object, {}});
        return true;
    }
    bool key(Json::string_t &k)
    {
        Open &o = m_open.back();
        const auto &members = o.value->get_ref<const Json::object_t &>();
        constexpr size_t linear = 16; // small objects: a scan is cheaper than a hash set
        bool repeated = false;
        if (members.size() < linear) {
            for (const auto &m : members)
                repeated = repeated || m.first == k;
        } else {
            if (o.keys.empty()) {
                for (const auto &m : members)
                    o.keys.insert(m.first);
            }
            repeated = !o.keys.insert(k).second;
        }
        if (repeated)
            throw ReadError{path(),
                            QStringLiteral("the key \"%1\" appears twice in the same object; "
                                           "a file may hold each key once")
                                .arg(toQt(k).left(200))};
        m_key = std::move(k);
        return true;
    }
    bool end_object()
    {
        m_open.pop_back();
        elementDone();
        return true;
    }
    bool start_array(std::size_t)
    {
        Open open{put(Json::array()), {}};
        if (m_sink && m_open.size() == 1 && m_open[0].value->is_object()) {
            const std::string &k = m_open[0].value->get_ref<Json::object_t &>().back().first;
            for (int s = 0; s < SectionCount; ++s) {
                if (k == sectionKeys[s]) {
                    open.section = Section(s);
                    open.streamed = m_sink->sectionOpened(open.section);
                }
            }
        }
        m_open.push_back(std::move(open));
        return true;
    }
    bool end_array()
    {
        const Section section = m_open.back().section;
        m_open.pop_back();
        if (section != SectionCount)
            m_sink->sectionClosed(section);
        elementDone();
        return true;
    }
    bool parse_error(std::size_t position, const std::string &,
                     const nlohmann::detail::exception &e)
    {
        m_errorAt = position;
        m_errorId = e.id;
        m_error = QString::fromUtf8(e.what());
        return false;
    }

    std::size_t errorAt() const { return m_errorAt; }
    int errorId() const { return m_errorId; }
    const QString &error() const { return m_error; }

private:
    struct Open
    {
        Json *value;
        std::unordered_set<std::string> keys; ///< filled once an object has many keys
        size_t count = 0;                     ///< an array's elements so far
        Section section = SectionCount;       ///< a top-level section's array
        bool streamed = false;                ///< its elements go to the sink
    };

    bool scalar(Json &&v)
    {
        put(std::move(v));
        elementDone();
        return true;
    }

    /// Adds @p v to the open container (or makes it the root); pointers to open containers
    /// stay valid, as a container only grows once its last child is closed.
    Json *put(Json &&v)
    {
        if (m_open.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Open &open = m_open.back();
        Json *parent = open.value;
        if (parent->is_array()) {
            auto &items = parent->get_ref<Json::array_t &>();
            items.push_back(std::move(v));
            ++open.count;
            return &items.back();
        }
        auto &members = parent->get_ref<Json::object_t &>();
        members.emplace_back(std::move(m_key), std::move(v));
        return &members.back().second;
    }

    /// A value was completed: hand it over when it is an element of a streamed section.
    void elementDone()
    {
        if (m_open.empty() || !m_open.back().streamed)
            return;
        const Open &open = m_open.back();
        auto &items = open.value->get_ref<Json::array_t &>();
        if (m_sink->element(open.section, open.count - 1, items.back()))
            items.pop_back();
    }

    /// JSON path of the innermost open object, e.g. "components[3].props".
    QString path() const
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

    Json &m_root;
    ElementSink *m_sink;
    std::vector<Open> m_open;
    std::string m_key;
    std::size_t m_errorAt = 0;
    int m_errorId = 0;
    QString m_error;
};

/// Empties @p v without allocating: nlohmann's destructor flattens a nested value onto a
/// heap-allocated stack, which throws from a noexcept destructor (terminate) when memory has
/// run out. Removing leaves one by one, descending from the root each time, needs none; the
/// depth is bounded by scanStructure, so this is linear in the number of values.
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

/// A number as a person would write it: 10000001, 1e+20, 0.5 (not 1e+07).
QString numberText(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString typeName(const Json &v)
{
    if (v.is_number())
        return QStringLiteral("a number");
    if (v.is_string())
        return QStringLiteral("a string");
    if (v.is_object())
        return QStringLiteral("an object");
    if (v.is_array())
        return QStringLiteral("an array");
    if (v.is_boolean())
        return QStringLiteral("a boolean");
    return QStringLiteral("null");
}

/// A failed reference to @p id: its message depends on every zone id in the file, so a
/// failure found while parsing is worded once the whole file is read.
struct ReferenceError : ReadError
{
    QString id;
};

/// Where a value is in the file ("components[3]", "components[3].waivers[0]", "meta"): made
/// into text only for a message, as a file of 100,000 components has 600,000 fields.
class Path
{
public:
    explicit Path(const char *top) : m_top(top) {}
    Path(const char *array, size_t index) : m_top(array), m_index(qint64(index)) {}
    /// Element @p index of this value's array member @p key.
    Path item(const char *key, size_t index) const
    {
        Path p = *this;
        p.m_sub = key;
        p.m_subIndex = index;
        return p;
    }
    QString text() const
    {
        QString t = QLatin1String(m_top);
        if (m_index >= 0)
            t += QStringLiteral("[%1]").arg(m_index);
        if (m_sub)
            t += QStringLiteral(".%1[%2]").arg(QLatin1String(m_sub)).arg(m_subIndex);
        return t;
    }
    QString member(const char *key) const { return text() + QLatin1Char('.') + QLatin1String(key); }

private:
    const char *m_top;
    qint64 m_index = -1;
    const char *m_sub = nullptr;
    size_t m_subIndex = 0;
};

/// Walks the parsed JSON into a Diagram, checking every field against the format.
///
/// The elements of components, connections and zones arrive while the file is parsed
/// (ElementSink) and are converted at once when every section converted before them is
/// complete, so the result, and the first error reported, are those of converting the whole
/// tree in the format's order: the checks of the top level (format, version, meta, the arrays'
/// types and sizes) come first, so an element's error is kept until they have passed, and no
/// element is converted after it. A section that comes too early in the file (connections
/// before components) stays in the tree and is converted at the end. Everything else at the
/// top level stays in the tree for finish(): a new top-level section is one more branch there.
class Parser final : public ElementSink
{
public:
    Parser(const ReadLimits &limits, QStringList &warnings, Diagram &d)
        : m_limits(limits), m_catalog(Catalog::builtin()), m_warnings(warnings), m_d(d)
    {}

    bool sectionOpened(Section s) override
    {
        m_streamed[s] = s == Components || (s == Connections && m_complete[Components]) ||
                        (s == Groups && m_complete[Components] && m_complete[Connections]);
        return m_streamed[s];
    }
    void sectionClosed(Section s) override { m_complete[s] = m_streamed[s]; }
    bool element(Section s, size_t index, Json &v) override
    {
        m_count[s] = index + 1;
        if (s == Groups)
            noteGroupId(v);
        if (m_deferred || index >= size_t(cap(s)))
            return true; // reported in finish(): the first error, or the size over the cap
        try {
            convert(s, index, v);
        } catch (const ReferenceError &e) {
            m_deferred = std::make_unique<ReadError>(e);
            m_deferredReference = std::make_unique<QString>(e.id);
        } catch (const ReadError &e) {
            m_deferred = std::make_unique<ReadError>(e);
        }
        return true;
    }

    /// Checks the top level of @p root, reports the first error found while parsing, and
    /// converts what was not converted while parsing.
    void finish(Json &root)
    {
        if (!root.is_object())
            throw ReadError{QStringLiteral("top level"),
                            QStringLiteral("expected an object, found %1").arg(typeName(root))};
        checkFormat(root);
        m_d.setExtra(unknownFields(
            root, {"format", "version", "meta", "components", "connections", "groups", "notes"}));
        if (auto it = root.find("meta"); it != root.end())
            m_d.setMeta(parseMeta(*it));

        Json *arrays[SectionCount];
        for (int s = 0; s < SectionCount; ++s)
            arrays[s] = &arrayField(root, Section(s));
        const Json &groups = *arrays[Groups];
        for (const Json &g : groups)
            noteGroupId(g);
        if (m_deferred) {
            ReadError e = *m_deferred;
            if (m_deferredReference)
                e.what = notAComponent(*m_deferredReference);
            throw e;
        }
        if (!arrays[Components]->empty() || !arrays[Connections]->empty())
            m_d.reserve(int(m_d.components().size() + arrays[Components]->size()),
                        int(m_d.connections().size() + arrays[Connections]->size()));
        for (int s = 0; s < SectionCount; ++s) {
            Json &elements = *arrays[s];
            for (size_t i = 0; i < elements.size(); ++i)
                convert(Section(s), i, elements[i]);
        }
        const Json &notes = notesField(root);
        for (size_t i = 0; i < notes.size(); ++i)
            m_d.insertNote(int(i), parseNote(notes[i], Path("notes", i)));
    }

private:
    int cap(Section s) const
    {
        return s == Components    ? m_limits.maxComponents
               : s == Connections ? m_limits.maxConnections
                                  : m_limits.maxGroups;
    }

    void convert(Section s, size_t i, Json &v)
    {
        const Path p(sectionKeys[s], i);
        switch (s) {
        case Components:
            m_d.insertComponent(int(i), parseComponent(v, p));
            break;
        case Connections:
            if (i == 0) // every component is in: size their adjacency once
                m_d.reserve(int(m_d.components().size()), 0);
            m_d.insertConnection(int(i), parseConnection(v, p));
            break;
        default:
            m_d.insertGroup(int(i), parseGroup(v, p));
        }
    }

    void noteGroupId(const Json &g)
    {
        auto id = g.is_object() ? g.find("id") : g.end();
        if (g.is_object() && id != g.end() && id->is_string())
            m_groupIds.insert(toQt(id->get_ref<const std::string &>()));
    }

    void checkFormat(const Json &root)
    {
        auto format = root.find("format");
        if (format == root.end())
            throw ReadError{QStringLiteral("format"),
                            QStringLiteral("missing \"format\": this is not an mlsketch file")};
        if (!format->is_string() || format->get<std::string>() != "mlsketch")
            throw ReadError{QStringLiteral("format"),
                            QStringLiteral("\"format\" is %1, expected \"mlsketch\": this is not "
                                           "an mlsketch file")
                                .arg(toQt(dumpJson(*format, -1)).left(80))};
        auto version = root.find("version");
        if (version == root.end())
            throw ReadError{QStringLiteral("version"), QStringLiteral("missing \"version\"")};
        if (!version->is_number_integer())
            throw ReadError{QStringLiteral("version"),
                            QStringLiteral("expected a whole number, found %1")
                                .arg(toQt(dumpJson(*version, -1)).left(80))};
        if (version->is_number_unsigned() &&
            version->get<Json::number_unsigned_t>() > Json::number_unsigned_t(LLONG_MAX))
            throw ReadError{QStringLiteral("version"),
                            QStringLiteral("the file is version %1, newer than this mlsketch "
                                           "reads (version %2); update mlsketch to open it")
                                .arg(toQt(dumpJson(*version, -1)))
                                .arg(DiagramReader::currentVersion)};
        const auto v = version->get<long long>();
        if (v > DiagramReader::currentVersion)
            throw ReadError{QStringLiteral("version"),
                            QStringLiteral("the file is version %1, newer than this mlsketch "
                                           "reads (version %2); update mlsketch to open it")
                                .arg(v)
                                .arg(DiagramReader::currentVersion)};
        if (v < 1)
            throw ReadError{QStringLiteral("version"),
                            QStringLiteral("version %1 is not a valid version").arg(v)};
    }

    /// The array of section @p s (an empty one when absent), checked as the format says;
    /// a section converted while parsing is checked by the number of elements it had.
    Json &arrayField(Json &root, Section s)
    {
        static Json empty = Json::array(); // never changed: an empty array has no members
        const char *key = sectionKeys[s];
        auto it = root.find(key);
        if (it == root.end())
            return empty;
        if (!it->is_array())
            throw ReadError{QLatin1String(key),
                            QStringLiteral("expected an array, found %1").arg(typeName(*it))};
        const size_t count = m_streamed[s] ? m_count[s] : it->size();
        if (count > size_t(cap(s)))
            throw ReadError{
                QLatin1String(key),
                QStringLiteral("%1 entries, more than the limit of %2").arg(count).arg(cap(s))};
        return *it;
    }

    /// The top-level "notes" array (an empty one when absent): not a streamed section, notes are
    /// few and read from the tree after every component, connection and zone is in.
    const Json &notesField(const Json &root) const
    {
        static const Json empty = Json::array();
        auto it = root.find("notes");
        if (it == root.end())
            return empty;
        if (!it->is_array())
            throw ReadError{QStringLiteral("notes"),
                            QStringLiteral("expected an array, found %1").arg(typeName(*it))};
        if (it->size() > size_t(m_limits.maxNotes))
            throw ReadError{QStringLiteral("notes"),
                            QStringLiteral("%1 entries, more than the limit of %2")
                                .arg(it->size())
                                .arg(m_limits.maxNotes)};
        return *it;
    }

    Note parseNote(const Json &v, const Path &p)
    {
        NoteJson::Error error;
        std::optional<Note> n = NoteJson::noteFromJson(v, p.text(), m_limits, &error);
        if (!n)
            throw ReadError{error.where, error.what};
        claimId(v, p); // ids are unique across every element of the file
        return *n;
    }

    /// The members of @p obj not named in @p known, moved out (@p obj is not used again).
    static Json unknownFields(Json &obj, std::initializer_list<const char *> known)
    {
        Json extra = Json::object();
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool isKnown = false;
            for (const char *k : known)
                isKnown = isKnown || it.key() == k;
            if (!isKnown) // keys are unique (JsonBuilder): append, no linear search per key
                extra.get_ref<Json::object_t &>().emplace_back(it.key(), std::move(it.value()));
        }
        return extra;
    }

    /// Moves the unknown members of @p obj into @p extra, leaving it as it is (an empty
    /// object) when there are none, as for nearly every element.
    static void takeUnknownFields(Json &extra, Json &obj, std::initializer_list<const char *> known)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (std::none_of(known.begin(), known.end(),
                             [&](const char *k) { return it.key() == k; })) {
                extra = unknownFields(obj, known);
                return;
            }
        }
    }

    static void requireObject(const Json &v, const Path &p)
    {
        if (!v.is_object())
            throw ReadError{p.text(),
                            QStringLiteral("expected an object, found %1").arg(typeName(v))};
    }

    QString text(const Json &obj, const char *key, const Path &p, int maxLength,
                 bool required = false)
    {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required)
                throw ReadError{p.member(key), QStringLiteral("missing")};
            return {};
        }
        if (!it->is_string())
            throw ReadError{p.member(key),
                            QStringLiteral("expected a string, found %1").arg(typeName(*it))};
        const std::string &utf8 = it->get_ref<const std::string &>();
        const QString s =
            utf8.empty() ? QString() : QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        if (required && s.isEmpty())
            throw ReadError{p.member(key), QStringLiteral("must not be empty")};
        if (s.size() > maxLength)
            throw ReadError{p.member(key),
                            QStringLiteral("%1 characters, more than the limit of %2")
                                .arg(s.size())
                                .arg(maxLength)};
        return s;
    }

    /// A required id-like text that repeats across the file (a kind, a flow): one shared copy
    /// per distinct value, the catalog's own for known ones; @p known says which it is.
    QString sharedText(const Json &obj, const char *key, const Path &p, bool *known)
    {
        const bool isKind = std::strcmp(key, "kind") == 0;
        auto &shared = isKind ? m_kinds : m_flows;
        auto it = obj.find(key);
        if (it != obj.end() && it->is_string()) {
            auto hit = shared.find(it->get_ref<const std::string &>());
            if (hit != shared.end()) {
                *known = hit->second.second;
                return hit->second.first;
            }
        }
        QString s = text(obj, key, p, m_limits.maxIdLength, true);
        const QString *catalogId = nullptr;
        if (const KindInfo *k = isKind ? m_catalog.kind(s) : nullptr)
            catalogId = &k->id;
        else if (const FlowType *f = isKind ? nullptr : m_catalog.flow(s))
            catalogId = &f->id;
        *known = catalogId != nullptr;
        if (catalogId)
            s = *catalogId;
        shared.emplace(it->get_ref<const std::string &>(), std::make_pair(s, *known));
        return s;
    }

    double number(const Json &obj, const char *key, const Path &p, double fallback, double min,
                  double max)
    {
        auto it = obj.find(key);
        if (it == obj.end())
            return fallback;
        if (!it->is_number())
            throw ReadError{p.member(key),
                            QStringLiteral("expected a number, found %1").arg(typeName(*it))};
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < min || v > max)
            throw ReadError{p.member(key), QStringLiteral("%1 is out of range (%2 to %3)")
                                               .arg(numberText(v), QString::number(min, 'g', 12),
                                                    QString::number(max, 'g', 12))};
        return v;
    }

    /// The path of the element that holds @p id ("connections[3]"), or an empty string.
    QString ownerPath(const QString &id) const
    {
        if (!m_claimed.isNull() && id == m_claimed)
            return m_claimedAt.text();
        if (const int i = m_d.componentIndex(id); i >= 0)
            return QStringLiteral("components[%1]").arg(i);
        if (const int i = m_d.connectionIndex(id); i >= 0)
            return QStringLiteral("connections[%1]").arg(i);
        if (const int i = m_d.groupIndex(id); i >= 0)
            return QStringLiteral("groups[%1]").arg(i);
        if (const int i = m_d.noteIndex(id); i >= 0)
            return QStringLiteral("notes[%1]").arg(i);
        return {};
    }

    /// The element's id, new in the file: every id read so far is in the diagram already (an
    /// element goes in as soon as it is read, and the first error ends the reading).
    QString claimId(const Json &obj, const Path &p)
    {
        const QString id = text(obj, "id", p, m_limits.maxIdLength, true);
        if (m_d.containsId(id))
            throw ReadError{p.member("id"),
                            QStringLiteral("duplicate id \"%1\" (already used by %2.id)")
                                .arg(id, ownerPath(id))};
        m_claimed = id; // its references to itself name it (a connection from itself)
        m_claimedAt = p;
        return id;
    }

    Meta parseMeta(Json &v)
    {
        const Path p("meta");
        requireObject(v, p);
        Meta m;
        m.title = text(v, "title", p, m_limits.maxLabelLength);
        m.latencyBudgetMs = number(v, "latency_budget_ms", p, m.latencyBudgetMs, 0, 1e7);
        m.notes = text(v, "notes", p, m_limits.maxStringBytes);
        m.extra = unknownFields(v, {"title", "latency_budget_ms", "notes"});
        return m;
    }

    QVector<Waiver> parseWaivers(Json &obj, const Path &p)
    {
        QVector<Waiver> waivers;
        auto it = obj.find("waivers");
        if (it == obj.end())
            return waivers;
        if (!it->is_array())
            throw ReadError{p.member("waivers"),
                            QStringLiteral("expected an array, found %1").arg(typeName(*it))};
        for (size_t i = 0; i < it->size(); ++i) {
            Json &w = (*it)[i];
            const Path wp = p.item("waivers", i);
            requireObject(w, wp);
            QString rule = text(w, "rule", wp, m_limits.maxIdLength, true);
            QString reason = text(w, "reason", wp, m_limits.maxStringBytes);
            waivers.append(Waiver{rule, reason, unknownFields(w, {"rule", "reason"})});
        }
        return waivers;
    }

    Component parseComponent(Json &v, const Path &p)
    {
        requireObject(v, p);
        Component c;
        c.id = claimId(v, p);
        bool known = false;
        c.kind = sharedText(v, "kind", p, &known);
        if (!known)
            m_warnings.append(QStringLiteral("%1: unknown kind \"%2\"; kept and shown as an "
                                             "unknown kind")
                                  .arg(p.member("kind"), c.kind));
        c.label = text(v, "label", p, m_limits.maxLabelLength);
        const double lim = m_limits.maxCoordinate;
        c.pos = QPointF(number(v, "x", p, 0, -lim, lim), number(v, "y", p, 0, -lim, lim));
        if (auto props = v.find("props"); props != v.end()) {
            if (!props->is_object())
                throw ReadError{
                    p.member("props"),
                    QStringLiteral("expected an object, found %1").arg(typeName(*props))};
            c.props = std::move(*props); // no copy: props can be the bulk of a file
        }
        c.notes = text(v, "notes", p, m_limits.maxStringBytes);
        c.waivers = parseWaivers(v, p);
        takeUnknownFields(c.extra, v,
                          {"id", "kind", "label", "x", "y", "props", "notes", "waivers"});
        return c;
    }

    /// An endpoint or zone member: the id of a component read before, shared with it.
    /// @p key: the member of @p p that holds it, or nullptr for @p p itself.
    ComponentId componentRef(const QString &id, const Path &p, const char *key) const
    {
        const Component *c = m_d.component(id);
        if (!c)
            throw ReferenceError{{key ? p.member(key) : p.text(), notAComponent(id)}, id};
        return c->id;
    }

    /// Why @p id, which names no component, cannot be used as one.
    QString notAComponent(const QString &id) const
    {
        const QString shown = id.left(m_limits.maxIdLength);
        if (m_groupIds.contains(id))
            return QStringLiteral("\"%1\" is a zone, not a component (connections and zone "
                                  "members are components)")
                .arg(shown);
        if (m_d.containsId(id) || (!m_claimed.isNull() && id == m_claimed))
            return QStringLiteral("\"%1\" is not a component (it is %2)").arg(shown, ownerPath(id));
        return QStringLiteral("refers to a missing component \"%1\"").arg(shown);
    }

    Connection parseConnection(Json &v, const Path &p)
    {
        requireObject(v, p);
        Connection c;
        c.id = claimId(v, p);
        c.from = componentRef(text(v, "from", p, m_limits.maxIdLength, true), p, "from");
        c.to = componentRef(text(v, "to", p, m_limits.maxIdLength, true), p, "to");
        bool known = false;
        c.flow = sharedText(v, "flow", p, &known);
        if (!known)
            m_warnings.append(QStringLiteral("%1: unknown flow \"%2\"; kept, and flagged by "
                                             "the design rules")
                                  .arg(p.member("flow"), c.flow));
        c.label = text(v, "label", p, m_limits.maxLabelLength);
        c.waivers = parseWaivers(v, p);
        if (auto route = v.find("route"); route != v.end()) {
            QString problem;
            c.route = ConnectionRoute::fromJson(*route, m_limits.maxCoordinate, &problem);
            if (c.route.isEmpty())
                m_warnings.append(QStringLiteral("%1: %2; ignored, the arrow is drawn without it")
                                      .arg(p.member("route"), problem));
        }
        takeUnknownFields(c.extra, v, {"id", "from", "to", "flow", "label", "waivers", "route"});
        return c;
    }

    Group parseGroup(Json &v, const Path &p)
    {
        requireObject(v, p);
        Group g;
        g.id = claimId(v, p);
        g.label = text(v, "label", p, m_limits.maxLabelLength);
        auto members = v.find("members");
        if (members != v.end()) {
            if (!members->is_array())
                throw ReadError{
                    p.member("members"),
                    QStringLiteral("expected an array, found %1").arg(typeName(*members))};
            QSet<QString> seen;
            for (size_t i = 0; i < members->size(); ++i) {
                const Json &m = (*members)[i];
                const Path mp = p.item("members", i);
                if (!m.is_string())
                    throw ReadError{
                        mp.text(),
                        QStringLiteral("expected a component id, found %1").arg(typeName(m))};
                const QString id =
                    componentRef(toQt(m.get_ref<const std::string &>()), mp, nullptr);
                if (seen.contains(id))
                    throw ReadError{mp.text(), QStringLiteral("lists \"%1\" twice").arg(id)};
                seen.insert(id);
                g.members.append(id);
            }
        }
        takeUnknownFields(g.extra, v, {"id", "label", "members"});
        return g;
    }

    const ReadLimits &m_limits;
    const Catalog &m_catalog;
    QStringList &m_warnings;
    Diagram &m_d;
    QSet<QString> m_groupIds; ///< ids of the zones, for messages about references
    /// Kinds and flows read so far: the shared copy, and whether the catalog knows it.
    std::unordered_map<std::string, std::pair<QString, bool>> m_kinds, m_flows;
    QString m_claimed;    ///< the id of the element being read (not in the diagram yet)
    Path m_claimedAt{""}; ///< its path
    bool m_streamed[SectionCount] = {};           ///< converted while parsing
    bool m_complete[SectionCount] = {};           ///< converted while parsing, and closed
    size_t m_count[SectionCount] = {};            ///< elements of a section converted while parsing
    std::unique_ptr<ReadError> m_deferred;        ///< the first error found while parsing
    std::unique_ptr<QString> m_deferredReference; ///< its id, when it is a reference's
};

} // namespace

ReadResult DiagramReader::read(const QByteArray &bytes, const QString &fileName,
                               const ReadLimits &limits)
{
    ReadResult result;
    auto fail = [&](const QString &where, const QString &what) {
        result.error = where.isEmpty() ? QStringLiteral("%1: %2").arg(fileName, what)
                                       : QStringLiteral("%1: %2: %3").arg(fileName, where, what);
        result.warnings.clear();
        return std::move(result);
    };
    if (bytes.size() > limits.maxFileBytes)
        return fail({}, QStringLiteral("the file is %1, larger than the %2 limit")
                            .arg(megabytes(bytes.size()), megabytes(limits.maxFileBytes)));
    const bool blank = std::all_of(bytes.begin(), bytes.end(), [](char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
    });
    if (blank)
        return fail({}, QStringLiteral("the file is empty"));

    // Any allocation failure while reading is a refusal with a message: the JSON value lives
    // outside the try and is emptied without allocating before anything else is freed.
    Json root;
    std::unique_ptr<Diagram> diagram;
    try {
        scanStructure(bytes, limits);
        diagram = std::make_unique<Diagram>();
        Parser parser(limits, result.warnings, *diagram);
        JsonBuilder builder(root, &parser);
        if (!Json::sax_parse(bytes.constBegin(), bytes.constEnd(), &builder)) {
            const qint64 at = builder.errorAt() > 0 ? qint64(builder.errorAt()) - 1 : 0;
            if (builder.errorId() == 406) { // out_of_range.406: a number such as 1e400
                const QString token = builder.error().section(QLatin1Char('\''), 1, 1);
                throw ReadError{lineColumn(bytes, at - qMax(0, int(token.size()) - 1)),
                                QStringLiteral("a number too large to hold ('%1')").arg(token)};
            }
            const QByteArray trimmed = bytes.trimmed();
            const bool atEnd = at >= trimmed.size() - 1 && !trimmed.endsWith('}');
            throw ReadError{lineColumn(bytes, at), describeParseError(builder.error(), atEnd)};
        }
        parser.finish(root);
        result.diagram = std::move(diagram);
    } catch (const ReadError &e) {
        releaseWithoutAllocating(root);
        diagram.reset();
        return fail(e.where, e.what);
    } catch (const std::bad_alloc &) {
        releaseWithoutAllocating(root);
        result.warnings = QStringList();
        diagram.reset();
        return fail({}, QStringLiteral("not enough memory to read this file"));
    }
    releaseWithoutAllocating(root);
    return result;
}

QString DiagramReader::checkStructure(const QByteArray &bytes, const ReadLimits &limits)
{
    if (bytes.size() > limits.maxFileBytes)
        return QStringLiteral("the file would be %1, larger than the %2 limit")
            .arg(megabytes(bytes.size()), megabytes(limits.maxFileBytes));
    try {
        scanStructure(bytes, limits);
    } catch (const ReadError &e) {
        return e.where + QStringLiteral(": ") + e.what;
    }
    return {};
}

ReadResult DiagramReader::readFile(const QString &path, const ReadLimits &limits)
{
    ReadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("%1: no such file").arg(path);
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("%1: is a folder, not a file").arg(path);
        return result;
    }
    if (info.size() > limits.maxFileBytes) {
        result.error = QStringLiteral("%1: the file is %2, larger than the %3 limit")
                           .arg(path, megabytes(info.size()), megabytes(limits.maxFileBytes));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    return read(file.readAll(), path, limits);
}

} // namespace mls
