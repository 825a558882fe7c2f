#include "DiagramReader.h"

#include "Catalog.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <initializer_list>

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

/// Refuses structure nlohmann would accept but we will not hold: deep nesting (a 100,000-deep
/// file would make every later recursive walk dangerous) and huge strings. One linear pass.
void scanStructure(const QByteArray &bytes, const ReadLimits &limits)
{
    int depth = 0;
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
        } else if (ch == '{' || ch == '[') {
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

/// @p atEnd: the parser stopped on the last byte of the file.
QString describeParseError(const Json::parse_error &e, bool atEnd)
{
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 2: <detail>"
    QString what = QString::fromUtf8(e.what());
    const int colon = what.indexOf(QLatin1String(": "), what.indexOf(QLatin1String("column")));
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

    void parseRoot(const Json &root, Diagram &d)
    {
        if (!root.is_object())
            throw ReadError{QStringLiteral("top level"),
                            QStringLiteral("expected an object, found %1").arg(typeName(root))};
        checkFormat(root);
        d.setExtra(unknownFields(
            root, {"format", "version", "meta", "components", "connections", "groups"}));
        if (auto it = root.find("meta"); it != root.end())
            d.setMeta(parseMeta(*it));

        const Json &components = arrayField(root, "components", m_limits.maxComponents);
        const Json &connections = arrayField(root, "connections", m_limits.maxConnections);
        const Json &groups = arrayField(root, "groups", m_limits.maxGroups);
        d.reserve(int(components.size()), int(connections.size()));
        for (size_t i = 0; i < components.size(); ++i)
            d.insertComponent(int(i), parseComponent(components[i], path("components", i)));
        for (size_t i = 0; i < connections.size(); ++i)
            d.insertConnection(int(i), parseConnection(connections[i], path("connections", i), d));
        for (size_t i = 0; i < groups.size(); ++i)
            d.insertGroup(int(i), parseGroup(groups[i], path("groups", i), d));
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

    const Json &arrayField(const Json &root, const char *key, int cap)
    {
        static const Json empty = Json::array();
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
            if (!isKnown)
                extra[it.key()] = it.value();
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
        const QString where = member(p, key);
        if (it == obj.end()) {
            if (required)
                throw ReadError{where, QStringLiteral("missing")};
            return {};
        }
        if (!it->is_string())
            throw ReadError{where,
                            QStringLiteral("expected a string, found %1").arg(typeName(*it))};
        const QString s = toQt(it->get<std::string>());
        if (required && s.isEmpty())
            throw ReadError{where, QStringLiteral("must not be empty")};
        if (s.size() > maxLength)
            throw ReadError{where, QStringLiteral("%1 characters, more than the limit of %2")
                                       .arg(s.size())
                                       .arg(maxLength)};
        return s;
    }

    double number(const Json &obj, const char *key, const QString &p, double fallback, double min,
                  double max)
    {
        auto it = obj.find(key);
        const QString where = member(p, key);
        if (it == obj.end())
            return fallback;
        if (!it->is_number())
            throw ReadError{where,
                            QStringLiteral("expected a number, found %1").arg(typeName(*it))};
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < min || v > max)
            throw ReadError{where, QStringLiteral("%1 is out of range (%2 to %3)")
                                       .arg(QString::number(v), QString::number(min, 'g', 12),
                                            QString::number(max, 'g', 12))};
        return v;
    }

    QString claimId(const Json &obj, const QString &p)
    {
        const QString id = text(obj, "id", p, m_limits.maxIdLength, true);
        const QString where = member(p, "id");
        auto it = m_idPaths.constFind(id);
        if (it != m_idPaths.constEnd())
            throw ReadError{
                where, QStringLiteral("duplicate id \"%1\" (already used by %2)").arg(id, *it)};
        m_idPaths.insert(id, where);
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

    Component parseComponent(const Json &v, const QString &p)
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
            c.props = *props;
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
            throw ReadError{member(p, key),
                            QStringLiteral("refers to a missing component \"%1\"").arg(id)};
        return id;
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
                    throw ReadError{mp, QStringLiteral("refers to a missing component \"%1\"")
                                            .arg(id.left(m_limits.maxIdLength))};
                if (seen.contains(id))
                    throw ReadError{mp, QStringLiteral("lists \"%1\" twice").arg(id)};
                seen.insert(id);
                g.members.append(id);
            }
        }
        g.extra = unknownFields(v, {"id", "label", "members"});
        return g;
    }

    const ReadLimits &m_limits;
    const Catalog &m_catalog;
    QStringList &m_warnings;
    QHash<QString, QString> m_idPaths; ///< id → JSON path that first used it
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
    if (bytes.trimmed().isEmpty())
        return fail({}, QStringLiteral("the file is empty"));

    try {
        scanStructure(bytes, limits);
        Json root;
        try {
            root = Json::parse(bytes.constBegin(), bytes.constEnd());
        } catch (const Json::parse_error &e) {
            const qint64 at = e.byte > 0 ? qint64(e.byte) - 1 : 0;
            const bool atEnd = at >= bytes.trimmed().size() - 1 && !bytes.trimmed().endsWith('}');
            throw ReadError{lineColumn(bytes, at), describeParseError(e, atEnd)};
        } catch (const Json::exception &e) {
            // e.g. out_of_range.406 for a number such as 1e400
            throw ReadError{QString(),
                            QStringLiteral("not valid JSON: %1")
                                .arg(QString::fromUtf8(e.what()).section(QLatin1Char(' '), 1))};
        }
        auto diagram = std::make_unique<Diagram>();
        Parser(limits, result.warnings).parseRoot(root, *diagram);
        result.diagram = std::move(diagram);
    } catch (const ReadError &e) {
        return fail(e.where, e.what);
    } catch (const std::bad_alloc &) {
        return fail({}, QStringLiteral("not enough memory to read this file"));
    }
    return result;
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
