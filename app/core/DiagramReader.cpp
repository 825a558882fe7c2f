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

/// A byte that JSON never allows outside a string.
bool isBinary(char ch)
{
    const auto b = uchar(ch);
    return b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
}

/// Refuses structure nlohmann would accept but we will not hold: deep nesting (a 100,000-deep
/// file would make every later recursive walk dangerous) and huge strings. One linear pass.
void scanStructure(const QByteArray &bytes, const ReadLimits &limits)
{
    int depth = 0;
    qint64 values = 0;
    bool inString = false;
    bool escaped = false;
    qint64 stringStart = 0;
    const char *data = bytes.constData();
    for (qint64 i = 0, n = bytes.size(); i < n; ++i) {
        const char ch = data[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
            else if (i - stringStart > limits.maxStringBytes)
                throw ReadError{lineColumn(bytes, stringStart),
                                QStringLiteral("a string longer than %1 (the limit for any text)")
                                    .arg(megabytes(limits.maxStringBytes))};
            continue;
        }
        if (ch == '"') {
            inString = true;
            stringStart = i;
        } else if (isBinary(ch) && !(i < 3 && bytes.startsWith("\xEF\xBB\xBF"))) {
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
        } else if (ch == ',' && ++values > limits.maxJsonValues) {
            throw ReadError{lineColumn(bytes, i),
                            QStringLiteral("more than %1 JSON values (the limit for a file)")
                                .arg(limits.maxJsonValues)};
        } else if (ch == '{' || ch == '[') {
            if (++values > limits.maxJsonValues)
                throw ReadError{lineColumn(bytes, i),
                                QStringLiteral("more than %1 JSON values (the limit for a file)")
                                    .arg(limits.maxJsonValues)};
            if (++depth > limits.maxDepth)
                throw ReadError{
                    lineColumn(bytes, i),
                    QStringLiteral("nesting deeper than %1 levels").arg(limits.maxDepth)};
        } else if (ch == '}' || ch == ']') {
            --depth;
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

/// Builds the JSON value from nlohmann's SAX events. ordered_json's own parser searches an
/// object's keys linearly for every key it adds (100,000 props keys: quadratic); here keys are
/// appended in file order and repeats are found with a hash set, and a repeated key is
/// refused with its place instead of silently keeping the last copy. The value is built into
/// a root the caller owns, so a failure (even out of memory) never destroys it mid-unwind.
class JsonBuilder
{
public:
    explicit JsonBuilder(Json &root) : m_root(root) {}

    bool null() { return put(Json(nullptr)) != nullptr; }
    bool boolean(bool v) { return put(Json(v)) != nullptr; }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)) != nullptr; }
    bool number_float(Json::number_float_t v, const Json::string_t &)
    {
        return put(Json(v)) != nullptr;
    }
    bool string(Json::string_t &v) { return put(Json(std::move(v))) != nullptr; }
    bool binary(Json::binary_t &) { return put(Json()) != nullptr; } // never in JSON text
    bool start_object(std::size_t)
    {
        m_open.push_back(Open{put(Json::object()), {}});
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
        return true;
    }
    bool start_array(std::size_t)
    {
        m_open.push_back(Open{put(Json::array()), {}});
        return true;
    }
    bool end_array()
    {
        m_open.pop_back();
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
    };

    /// Adds @p v to the open container (or makes it the root); pointers to open containers
    /// stay valid, as a container only grows once its last child is closed.
    Json *put(Json &&v)
    {
        if (m_open.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Json *parent = m_open.back().value;
        if (parent->is_array()) {
            auto &items = parent->get_ref<Json::array_t &>();
            items.push_back(std::move(v));
            return &items.back();
        }
        auto &members = parent->get_ref<Json::object_t &>();
        members.emplace_back(std::move(m_key), std::move(v));
        return &members.back().second;
    }

    /// JSON path of the innermost open object, e.g. "components[3].props".
    QString path() const
    {
        QString p;
        for (size_t i = 1; i < m_open.size(); ++i) {
            const Json &parent = *m_open[i - 1].value;
            if (parent.is_array())
                p += QStringLiteral("[%1]").arg(parent.size() - 1);
            else
                p += (p.isEmpty() ? QString() : QStringLiteral(".")) +
                     toQt(parent.get_ref<const Json::object_t &>().back().first).left(200);
        }
        return p.isEmpty() ? QStringLiteral("top level") : p;
    }

    Json &m_root;
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

/// Walks the parsed JSON into a Diagram, checking every field against the format.
class Parser
{
public:
    Parser(const ReadLimits &limits, QStringList &warnings)
        : m_limits(limits), m_catalog(Catalog::builtin()), m_warnings(warnings)
    {}

    void parseRoot(Json &root, Diagram &d)
    {
        if (!root.is_object())
            throw ReadError{QStringLiteral("top level"),
                            QStringLiteral("expected an object, found %1").arg(typeName(root))};
        checkFormat(root);
        d.setExtra(unknownFields(
            root, {"format", "version", "meta", "components", "connections", "groups", "notes"}));
        if (auto it = root.find("meta"); it != root.end())
            d.setMeta(parseMeta(*it));

        Json &components = arrayField(root, "components", m_limits.maxComponents);
        const Json &connections = arrayField(root, "connections", m_limits.maxConnections);
        const Json &groups = arrayField(root, "groups", m_limits.maxGroups);
        d.reserve(int(components.size()), int(connections.size()));
        for (const Json &g : groups) {
            auto id = g.is_object() ? g.find("id") : g.end();
            if (g.is_object() && id != g.end() && id->is_string())
                m_groupIds.insert(toQt(id->get<std::string>()));
        }
        for (size_t i = 0; i < components.size(); ++i)
            d.insertComponent(int(i), parseComponent(components[i], path("components", i)));
        for (size_t i = 0; i < connections.size(); ++i)
            d.insertConnection(int(i), parseConnection(connections[i], path("connections", i), d));
        for (size_t i = 0; i < groups.size(); ++i)
            d.insertGroup(int(i), parseGroup(groups[i], path("groups", i), d));
        const Json &notes = arrayField(root, "notes", m_limits.maxNotes);
        for (size_t i = 0; i < notes.size(); ++i)
            d.insertNote(int(i), parseNote(notes[i], path("notes", i)));
    }

private:
    static QString path(const char *array, size_t i)
    {
        return QStringLiteral("%1[%2]").arg(QLatin1String(array)).arg(i);
    }
    static QString member(const QString &p, const char *key)
    {
        return p.isEmpty() ? QString::fromLatin1(key) : p + QLatin1Char('.') + QLatin1String(key);
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

    Json &arrayField(Json &root, const char *key, int cap)
    {
        static Json empty = Json::array(); // never changed: an empty array has no members
        auto it = root.find(key);
        if (it == root.end())
            return empty;
        if (!it->is_array())
            throw ReadError{QLatin1String(key),
                            QStringLiteral("expected an array, found %1").arg(typeName(*it))};
        if (it->size() > size_t(cap))
            throw ReadError{
                QLatin1String(key),
                QStringLiteral("%1 entries, more than the limit of %2").arg(it->size()).arg(cap)};
        return *it;
    }

    static Json unknownFields(const Json &obj, std::initializer_list<const char *> known)
    {
        Json extra = Json::object();
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool isKnown = false;
            for (const char *k : known)
                isKnown = isKnown || it.key() == k;
            if (!isKnown) // keys are unique (JsonBuilder): append, no linear search per key
                extra.get_ref<Json::object_t &>().emplace_back(it.key(), it.value());
        }
        return extra;
    }

    static void requireObject(const Json &v, const QString &p)
    {
        if (!v.is_object())
            throw ReadError{p, QStringLiteral("expected an object, found %1").arg(typeName(v))};
    }

    QString text(const Json &obj, const char *key, const QString &p, int maxLength,
                 bool required = false)
    {
        auto it = obj.find(key);
        // Built only for a message: a file of 100,000 components has 600,000 fields.
        auto where = [&] { return member(p, key); };
        if (it == obj.end()) {
            if (required)
                throw ReadError{where(), QStringLiteral("missing")};
            return {};
        }
        if (!it->is_string())
            throw ReadError{where(),
                            QStringLiteral("expected a string, found %1").arg(typeName(*it))};
        const QString s = toQt(it->get<std::string>());
        if (required && s.isEmpty())
            throw ReadError{where(), QStringLiteral("must not be empty")};
        if (s.size() > maxLength)
            throw ReadError{where(), QStringLiteral("%1 characters, more than the limit of %2")
                                         .arg(s.size())
                                         .arg(maxLength)};
        return s;
    }

    double number(const Json &obj, const char *key, const QString &p, double fallback, double min,
                  double max)
    {
        auto it = obj.find(key);
        auto where = [&] { return member(p, key); };
        if (it == obj.end())
            return fallback;
        if (!it->is_number())
            throw ReadError{where(),
                            QStringLiteral("expected a number, found %1").arg(typeName(*it))};
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < min || v > max)
            throw ReadError{where(), QStringLiteral("%1 is out of range (%2 to %3)")
                                         .arg(numberText(v), QString::number(min, 'g', 12),
                                              QString::number(max, 'g', 12))};
        return v;
    }

    QString claimId(const Json &obj, const QString &p)
    {
        const QString id = text(obj, "id", p, m_limits.maxIdLength, true);
        auto it = m_idPaths.constFind(id);
        if (it != m_idPaths.constEnd())
            throw ReadError{member(p, "id"),
                            QStringLiteral("duplicate id \"%1\" (already used by %2)")
                                .arg(id, member(*it, "id"))};
        m_idPaths.insert(id, p); // the element's path (shared, not copied); ".id" on error
        return id;
    }

    Meta parseMeta(const Json &v)
    {
        const QString p = QStringLiteral("meta");
        requireObject(v, p);
        Meta m;
        m.title = text(v, "title", p, m_limits.maxLabelLength);
        m.latencyBudgetMs = number(v, "latency_budget_ms", p, m.latencyBudgetMs, 0, 1e7);
        m.notes = text(v, "notes", p, m_limits.maxStringBytes);
        m.extra = unknownFields(v, {"title", "latency_budget_ms", "notes"});
        return m;
    }

    QVector<Waiver> parseWaivers(const Json &obj, const QString &p)
    {
        QVector<Waiver> waivers;
        auto it = obj.find("waivers");
        if (it == obj.end())
            return waivers;
        const QString where = member(p, "waivers");
        if (!it->is_array())
            throw ReadError{where,
                            QStringLiteral("expected an array, found %1").arg(typeName(*it))};
        for (size_t i = 0; i < it->size(); ++i) {
            const Json &w = (*it)[i];
            const QString wp = QStringLiteral("%1[%2]").arg(where).arg(i);
            requireObject(w, wp);
            waivers.append(Waiver{text(w, "rule", wp, m_limits.maxIdLength, true),
                                  text(w, "reason", wp, m_limits.maxStringBytes),
                                  unknownFields(w, {"rule", "reason"})});
        }
        return waivers;
    }

    Component parseComponent(Json &v, const QString &p)
    {
        requireObject(v, p);
        Component c;
        c.id = claimId(v, p);
        c.kind = text(v, "kind", p, m_limits.maxIdLength, true);
        if (!m_catalog.kind(c.kind))
            m_warnings.append(QStringLiteral("%1: unknown kind \"%2\"; kept and shown as an "
                                             "unknown kind")
                                  .arg(member(p, "kind"), c.kind));
        c.label = text(v, "label", p, m_limits.maxLabelLength);
        const double lim = m_limits.maxCoordinate;
        c.pos = QPointF(number(v, "x", p, 0, -lim, lim), number(v, "y", p, 0, -lim, lim));
        if (auto props = v.find("props"); props != v.end()) {
            requireObject(*props, member(p, "props"));
            c.props = std::move(*props); // no copy: props can be the bulk of a file
        }
        c.notes = text(v, "notes", p, m_limits.maxStringBytes);
        c.waivers = parseWaivers(v, p);
        c.extra = unknownFields(v, {"id", "kind", "label", "x", "y", "props", "notes", "waivers"});
        return c;
    }

    QString endpoint(const Json &v, const char *key, const QString &p, const Diagram &d)
    {
        const QString id = text(v, key, p, m_limits.maxIdLength, true);
        if (!d.component(id))
            throw ReadError{member(p, key), notAComponent(id)};
        return id;
    }

    /// Why @p id, which names no component, cannot be used as one.
    QString notAComponent(const QString &id) const
    {
        const QString shown = id.left(m_limits.maxIdLength);
        if (m_groupIds.contains(id))
            return QStringLiteral("\"%1\" is a zone, not a component (connections and zone "
                                  "members are components)")
                .arg(shown);
        if (m_idPaths.contains(id))
            return QStringLiteral("\"%1\" is not a component (it is %2)")
                .arg(shown, m_idPaths.value(id).section(QLatin1Char('.'), 0, 0));
        return QStringLiteral("refers to a missing component \"%1\"").arg(shown);
    }

    Connection parseConnection(const Json &v, const QString &p, const Diagram &d)
    {
        requireObject(v, p);
        Connection c;
        c.id = claimId(v, p);
        c.from = endpoint(v, "from", p, d);
        c.to = endpoint(v, "to", p, d);
        c.flow = text(v, "flow", p, m_limits.maxIdLength, true);
        if (!m_catalog.flow(c.flow))
            m_warnings.append(QStringLiteral("%1: unknown flow \"%2\"; kept, and flagged by "
                                             "the design rules")
                                  .arg(member(p, "flow"), c.flow));
        c.label = text(v, "label", p, m_limits.maxLabelLength);
        c.waivers = parseWaivers(v, p);
        if (auto route = v.find("route"); route != v.end()) {
            QString problem;
            c.route = ConnectionRoute::fromJson(*route, m_limits.maxCoordinate, &problem);
            if (c.route.isEmpty())
                m_warnings.append(QStringLiteral("%1: %2; ignored, the arrow is drawn without it")
                                      .arg(member(p, "route"), problem));
        }
        c.extra = unknownFields(v, {"id", "from", "to", "flow", "label", "waivers", "route"});
        return c;
    }

    Group parseGroup(const Json &v, const QString &p, const Diagram &d)
    {
        requireObject(v, p);
        Group g;
        g.id = claimId(v, p);
        g.label = text(v, "label", p, m_limits.maxLabelLength);
        const QString where = member(p, "members");
        auto members = v.find("members");
        if (members != v.end()) {
            if (!members->is_array())
                throw ReadError{
                    where, QStringLiteral("expected an array, found %1").arg(typeName(*members))};
            QSet<QString> seen;
            for (size_t i = 0; i < members->size(); ++i) {
                const Json &m = (*members)[i];
                const QString mp = QStringLiteral("%1[%2]").arg(where).arg(i);
                if (!m.is_string())
                    throw ReadError{
                        mp, QStringLiteral("expected a component id, found %1").arg(typeName(m))};
                const QString id = toQt(m.get<std::string>());
                if (!d.component(id))
                    throw ReadError{mp, notAComponent(id)};
                if (seen.contains(id))
                    throw ReadError{mp, QStringLiteral("lists \"%1\" twice").arg(id)};
                seen.insert(id);
                g.members.append(id);
            }
        }
        g.extra = unknownFields(v, {"id", "label", "members"});
        return g;
    }

    Note parseNote(const Json &v, const QString &p)
    {
        NoteJson::Error error;
        std::optional<Note> n = NoteJson::noteFromJson(v, p, m_limits, &error);
        if (!n)
            throw ReadError{error.where, error.what};
        claimId(v, p); // ids are unique across every element of the file
        return *n;
    }

    const ReadLimits &m_limits;
    const Catalog &m_catalog;
    QStringList &m_warnings;
    QHash<QString, QString> m_idPaths; ///< id → JSON path that first used it
    QSet<QString> m_groupIds;          ///< ids of the zones, known before the connections
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
        JsonBuilder builder(root);
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
        diagram = std::make_unique<Diagram>();
        Parser(limits, result.warnings).parseRoot(root, *diagram);
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
