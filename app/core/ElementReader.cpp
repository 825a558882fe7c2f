// SPDX-License-Identifier: MIT
#include "ElementReader.h"

#include "Catalog.h"
#include "NoteJson.h"
#include "ReadError.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <optional>

namespace mls {

namespace {

/// A number as a person would write it: 10000001, 1e+20, 0.5 (not 1e+07).
QString numberText(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

/// The string field @p key of @p obj over @p buffer, no allocation; a null string when it is
/// missing, not a string, empty, longer than the buffer or not all ASCII (the slow path's
/// cases).
template <size_t N> QString asciiField(const Json &obj, const char *key, char16_t (&buffer)[N])
{
    auto it = obj.find(std::string_view(key));
    if (it == obj.end() || !it->is_string())
        return {};
    const std::string &utf8 = it->get_ref<const std::string &>();
    if (utf8.empty() || utf8.size() > N ||
        !std::all_of(utf8.begin(), utf8.end(), [](char ch) { return uchar(ch) < 0x80; }))
        return {};
    std::copy(utf8.begin(), utf8.end(), buffer);
    return QString::fromRawData(reinterpret_cast<const QChar *>(buffer), qsizetype(utf8.size()));
}

} // namespace

QString jsonTypeName(const Json &v)
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

ElementReader::ElementReader(const ReadLimits &limits, QStringList &warnings, Diagram &d)
    : m_limits(limits), m_catalog(Catalog::builtin()), m_warnings(warnings), m_d(d)
{}

Meta ElementReader::parseMeta(Json &v)
{
    const ElementPath p("meta");
    requireObject(v, p);
    Meta m;
    m.title = text(v, "title", p, m_limits.maxLabelLength);
    m.latencyBudgetMs = number(v, "latency_budget_ms", p, m.latencyBudgetMs, 0, 1e7);
    m.notes = text(v, "notes", p, m_limits.maxStringBytes);
    m.extra = unknownFields(v, {"title", "latency_budget_ms", "notes"});
    return m;
}

Component ElementReader::parseComponent(Json &v, const ElementPath &p)
{
    requireObject(v, p);
    Component c;
    c.id = claimId(v, p);
    c.kind = catalogRef(v, "kind", p);
    c.label = text(v, "label", p, m_limits.maxLabelLength);
    const double lim = m_limits.maxCoordinate;
    c.pos = QPointF(number(v, "x", p, 0, -lim, lim), number(v, "y", p, 0, -lim, lim));
    if (auto props = v.find(std::string_view("props")); props != v.end()) {
        if (!props->is_object())
            throw ReadError{
                p.member("props"),
                QStringLiteral("expected an object, found %1").arg(jsonTypeName(*props))};
        c.props = std::move(*props); // no copy: props can be the bulk of a file
    }
    c.notes = text(v, "notes", p, m_limits.maxStringBytes);
    c.waivers = parseWaivers(v, p);
    takeUnknownFields(c.extra, v, {"id", "kind", "label", "x", "y", "props", "notes", "waivers"});
    return c;
}

Connection ElementReader::parseConnection(Json &v, const ElementPath &p)
{
    requireObject(v, p);
    Connection c;
    // On a large file each lookup below misses the cache: start them all at once, the ends'
    // components once their slots are in.
    char16_t idBuffer[64], fromBuffer[64], toBuffer[64];
    const QString id = asciiField(v, "id", idBuffer), from = asciiField(v, "from", fromBuffer),
                  to = asciiField(v, "to", toBuffer);
    const ElementList<Component> &components = m_d.components();
    components.prefetch(from);
    components.prefetch(to);
    components.prefetch(id);
    m_d.connections().prefetch(id);
    c.id = claimId(v, p);
    components.prefetchNode(from);
    components.prefetchNode(to);
    c.from = endpoint(v, "from", from, p);
    c.to = endpoint(v, "to", to, p);
    c.flow = catalogRef(v, "flow", p);
    c.label = text(v, "label", p, m_limits.maxLabelLength);
    c.waivers = parseWaivers(v, p);
    if (auto route = v.find(std::string_view("route")); route != v.end()) {
        QString problem;
        c.route = ConnectionRoute::fromJson(*route, m_limits.maxCoordinate, &problem);
        if (c.route.isEmpty())
            m_warnings.append(QStringLiteral("%1: %2; ignored, the arrow is drawn without it")
                                  .arg(p.member("route"), problem));
    }
    takeUnknownFields(c.extra, v, {"id", "from", "to", "flow", "label", "waivers", "route"});
    return c;
}

Group ElementReader::parseGroup(Json &v, const ElementPath &p)
{
    requireObject(v, p);
    Group g;
    g.id = claimId(v, p);
    g.label = text(v, "label", p, m_limits.maxLabelLength);
    auto members = v.find(std::string_view("members"));
    if (members != v.end()) {
        if (!members->is_array())
            throw ReadError{
                p.member("members"),
                QStringLiteral("expected an array, found %1").arg(jsonTypeName(*members))};
        QSet<QString> seen;
        for (size_t i = 0; i < members->size(); ++i) {
            const Json &m = (*members)[i];
            const ElementPath mp = p.item("members", i);
            if (!m.is_string())
                throw ReadError{
                    mp.text(),
                    QStringLiteral("expected a component id, found %1").arg(jsonTypeName(m))};
            const QString id = componentRef(toQt(m.get_ref<const std::string &>()), mp, nullptr);
            if (seen.contains(id))
                throw ReadError{mp.text(), QStringLiteral("lists \"%1\" twice").arg(id)};
            seen.insert(id);
            g.members.append(id);
        }
    }
    takeUnknownFields(g.extra, v, {"id", "label", "members"});
    return g;
}

Note ElementReader::parseNote(const Json &v, const ElementPath &p)
{
    NoteJson::Error error;
    std::optional<Note> n = NoteJson::noteFromJson(v, p.text(), m_limits, &error);
    if (!n)
        throw ReadError{error.where, error.what};
    claimId(v, p); // ids are unique across every element of the file
    return *n;
}

QString ElementReader::notAComponent(const QString &id) const
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

Json ElementReader::unknownFields(Json &obj, std::initializer_list<std::string_view> known)
{
    Json extra = Json::object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool isKnown = false;
        for (std::string_view k : known)
            isKnown = isKnown || it.key() == k;
        if (!isKnown) // keys are unique (JsonBuilder): append, no linear search per key
            extra.get_ref<Json::object_t &>().emplace_back(it.key(), std::move(it.value()));
    }
    return extra;
}

void ElementReader::takeUnknownFields(Json &extra, Json &obj,
                                      std::initializer_list<std::string_view> known)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::none_of(known.begin(), known.end(),
                         [&](std::string_view k) { return it.key() == k; })) {
            extra = unknownFields(obj, known);
            return;
        }
    }
}

void ElementReader::requireObject(const Json &v, const ElementPath &p)
{
    if (!v.is_object())
        throw ReadError{p.text(),
                        QStringLiteral("expected an object, found %1").arg(jsonTypeName(v))};
}

QString ElementReader::text(const Json &obj, const char *key, const ElementPath &p, int maxLength,
                            bool required)
{
    // Members are found by a string_view throughout: ordered_json then compares each key's
    // size before its characters (given a const char *, it measures and compares every key).
    auto it = obj.find(std::string_view(key));
    if (it == obj.end()) {
        if (required)
            throw ReadError{p.member(key), QStringLiteral("missing")};
        return {};
    }
    if (!it->is_string())
        throw ReadError{p.member(key),
                        QStringLiteral("expected a string, found %1").arg(jsonTypeName(*it))};
    const std::string &utf8 = it->get_ref<const std::string &>();
    const QString s =
        utf8.empty() ? QString() : QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    if (required && s.isEmpty())
        throw ReadError{p.member(key), QStringLiteral("must not be empty")};
    if (s.size() > maxLength)
        throw ReadError{p.member(key), QStringLiteral("%1 characters, more than the limit of %2")
                                           .arg(s.size())
                                           .arg(maxLength)};
    return s;
}

QString ElementReader::catalogRef(const Json &obj, const char *key, const ElementPath &p)
{
    bool known = false;
    const QString id = sharedText(obj, key, p, &known);
    if (known)
        return id;
    if (std::strcmp(key, "kind") == 0)
        m_warnings.append(QStringLiteral("%1: unknown kind \"%2\"; kept and shown as an "
                                         "unknown kind")
                              .arg(p.member(key), id));
    else
        m_warnings.append(QStringLiteral("%1: unknown flow \"%2\"; kept, and flagged by "
                                         "the design rules")
                              .arg(p.member(key), id));
    return id;
}

QString ElementReader::sharedText(const Json &obj, const char *key, const ElementPath &p,
                                  bool *known)
{
    const bool isKind = std::strcmp(key, "kind") == 0;
    auto &shared = isKind ? m_kinds : m_flows;
    auto it = obj.find(std::string_view(key));
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

double ElementReader::number(const Json &obj, const char *key, const ElementPath &p,
                             double fallback, double min, double max)
{
    auto it = obj.find(std::string_view(key));
    if (it == obj.end())
        return fallback;
    if (!it->is_number())
        throw ReadError{p.member(key),
                        QStringLiteral("expected a number, found %1").arg(jsonTypeName(*it))};
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < min || v > max)
        throw ReadError{p.member(key), QStringLiteral("%1 is out of range (%2 to %3)")
                                           .arg(numberText(v), QString::number(min, 'g', 12),
                                                QString::number(max, 'g', 12))};
    return v;
}

QString ElementReader::ownerPath(const QString &id) const
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

QString ElementReader::claimId(const Json &obj, const ElementPath &p)
{
    const QString id = text(obj, "id", p, m_limits.maxIdLength, true);
    if (m_d.containsId(id))
        throw ReadError{
            p.member("id"),
            QStringLiteral("duplicate id \"%1\" (already used by %2.id)").arg(id, ownerPath(id))};
    m_claimed = id; // its references to itself name it (a connection from itself)
    m_claimedAt = p;
    return id;
}

QVector<Waiver> ElementReader::parseWaivers(Json &obj, const ElementPath &p)
{
    QVector<Waiver> waivers;
    auto it = obj.find(std::string_view("waivers"));
    if (it == obj.end())
        return waivers;
    if (!it->is_array())
        throw ReadError{p.member("waivers"),
                        QStringLiteral("expected an array, found %1").arg(jsonTypeName(*it))};
    for (size_t i = 0; i < it->size(); ++i) {
        Json &w = (*it)[i];
        const ElementPath wp = p.item("waivers", i);
        requireObject(w, wp);
        QString rule = text(w, "rule", wp, m_limits.maxIdLength, true);
        QString reason = text(w, "reason", wp, m_limits.maxStringBytes);
        waivers.append(Waiver{rule, reason, unknownFields(w, {"rule", "reason"})});
    }
    return waivers;
}

ComponentId ElementReader::componentRef(const QString &id, const ElementPath &p,
                                        const char *key) const
{
    const Component *c = m_d.component(id);
    if (!c)
        throw ReferenceError{{key ? p.member(key) : p.text(), notAComponent(id)}, id};
    return c->id;
}

ComponentId ElementReader::endpoint(const Json &obj, const char *key, const QString &ascii,
                                    const ElementPath &p)
{
    // A hit is a component read before: its id passed every check text() makes, so the slow
    // path below would return the same shared id. A miss takes that path for its message.
    if (!ascii.isNull()) {
        if (const Component *c = m_d.component(ascii))
            return c->id;
    }
    return componentRef(text(obj, key, p, m_limits.maxIdLength, true), p, key);
}

} // namespace mls
