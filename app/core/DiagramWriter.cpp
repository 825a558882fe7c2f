// SPDX-License-Identifier: MIT
#include "DiagramWriter.h"

#include "AtomicFile.h"
#include "DiagramReader.h"
#include "JsonTextWriter.h"
#include "NoteJson.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace mls {

namespace {

/// Whole numbers are written without ".0" (the format's coordinates are usually integral).
Json number(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return Json(static_cast<long long>(v));
    return Json(v);
}

void appendExtra(Json &obj, const Json &extra)
{
    // Only the known fields written before can clash (extra keys are unique): search those,
    // then append, so 100,000 unknown fields cost no linear search each.
    auto &members = obj.get_ref<Json::object_t &>();
    const size_t known = members.size();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const bool clash = std::any_of(members.begin(), members.begin() + qsizetype(known),
                                       [&](const auto &m) { return m.first == it.key(); });
        if (!clash)
            members.emplace_back(it.key(), it.value());
    }
}

Json waiversToJson(const QVector<Waiver> &waivers)
{
    Json arr = Json::array();
    for (const Waiver &w : waivers) {
        Json o = Json::object();
        o["rule"] = toStd(w.rule);
        o["reason"] = toStd(w.reason);
        appendExtra(o, w.extra);
        arr.push_back(std::move(o));
    }
    return arr;
}

/// The streaming form of appendExtra: @p written are the known keys already written.
void writeExtra(JsonTextWriter &w, const Json &extra, std::initializer_list<const char *> written)
{
    if (!extra.is_object())
        return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const std::string &k = it.key();
        const bool clash = std::any_of(written.begin(), written.end(),
                                       [&](const char *known) { return k == known; });
        if (!clash) {
            w.key(k);
            w.value(it.value());
        }
    }
}

void writeWaivers(JsonTextWriter &w, const QVector<Waiver> &waivers)
{
    w.beginArray();
    for (const Waiver &waiver : waivers) {
        w.beginObject();
        w.key("rule");
        w.value(waiver.rule);
        w.key("reason");
        w.value(waiver.reason);
        writeExtra(w, waiver.extra, {"rule", "reason"});
        w.endObject();
    }
    w.endArray();
}

void writeComponent(JsonTextWriter &w, const Component &c)
{
    w.beginObject();
    w.key("id");
    w.value(c.id);
    w.key("kind");
    w.value(c.kind);
    w.key("label");
    w.value(c.label);
    w.key("x");
    w.number(c.pos.x());
    w.key("y");
    w.number(c.pos.y());
    w.key("props");
    if (c.props.is_object()) {
        w.value(c.props);
    } else {
        w.beginObject();
        w.endObject();
    }
    w.key("notes");
    w.value(c.notes);
    w.key("waivers");
    writeWaivers(w, c.waivers);
    writeExtra(w, c.extra, {"id", "kind", "label", "x", "y", "props", "notes", "waivers"});
    w.endObject();
}

void writeConnection(JsonTextWriter &w, const Connection &c)
{
    w.beginObject();
    w.key("id");
    w.value(c.id);
    w.key("from");
    w.value(c.from);
    w.key("to");
    w.value(c.to);
    w.key("flow");
    w.value(c.flow);
    w.key("label");
    w.value(c.label);
    const bool waivers = !c.waivers.isEmpty();
    const bool route = !c.route.isEmpty();
    if (waivers) {
        w.key("waivers");
        writeWaivers(w, c.waivers);
    }
    if (route) {
        w.key("route");
        w.value(c.route.toJson());
    }
    // An unknown field may use the name of an optional known one that was not written.
    if (waivers && route)
        writeExtra(w, c.extra, {"id", "from", "to", "flow", "label", "waivers", "route"});
    else if (waivers)
        writeExtra(w, c.extra, {"id", "from", "to", "flow", "label", "waivers"});
    else if (route)
        writeExtra(w, c.extra, {"id", "from", "to", "flow", "label", "route"});
    else
        writeExtra(w, c.extra, {"id", "from", "to", "flow", "label"});
    w.endObject();
}

void writeGroup(JsonTextWriter &w, const Group &g)
{
    w.beginObject();
    w.key("id");
    w.value(g.id);
    w.key("label");
    w.value(g.label);
    w.key("members");
    w.beginArray();
    for (const QString &m : g.members)
        w.value(m);
    w.endArray();
    writeExtra(w, g.extra, {"id", "label", "members"});
    w.endObject();
}

} // namespace

namespace {

/// The file text of @p d appended to @p out; returns its shape (JsonTextWriter::Shape).
JsonTextWriter::Shape writeDiagram(const Diagram &d, QByteArray &out, int indent)
{
    // Room for the usual file at once (it is then written once, not copied while growing).
    out.reserve(out.size() + 4096 + qsizetype(d.components().size()) * 320 +
                qsizetype(d.connections().size()) * 200);
    JsonTextWriter w(out, indent);
    w.beginObject();
    w.key("format");
    w.value(std::string("mlsketch"));
    w.key("version");
    w.value(static_cast<long long>(DiagramReader::currentVersion));

    const Meta &m = d.meta();
    w.key("meta");
    w.beginObject();
    w.key("title");
    w.value(m.title);
    w.key("latency_budget_ms");
    w.number(m.latencyBudgetMs);
    w.key("notes");
    w.value(m.notes);
    writeExtra(w, m.extra, {"title", "latency_budget_ms", "notes"});
    w.endObject();

    w.key("components");
    w.beginArray();
    for (const Component &c : d.components())
        writeComponent(w, c);
    w.endArray();
    w.key("connections");
    w.beginArray();
    for (const Connection &c : d.connections())
        writeConnection(w, c);
    w.endArray();
    w.key("groups");
    w.beginArray();
    for (const Group &g : d.groups())
        writeGroup(w, g);
    w.endArray();
    if (!d.notes().empty()) { // absent when empty: files without notes stay as they were
        w.key("notes");
        w.beginArray();
        for (const Note &n : d.notes())
            w.value(NoteJson::noteToJson(n));
        w.endArray();
    }
    // Further top-level sections go here, before the unknown fields (and into the list below).
    writeExtra(w, d.extra(),
               {"format", "version", "meta", "components", "connections", "groups", "notes"});
    w.endObject();
    return w.shape();
}

/// True when @p shape proves that the reader's structure check passes on a text of @p bytes
/// bytes: a string escapes to at most 6 bytes per byte (\u00XX), and nothing else this writer
/// writes can fail it. When it cannot tell, the text itself is checked.
bool surelyReadable(const JsonTextWriter::Shape &shape, qint64 bytes, const Limits &limits)
{
    return bytes <= limits.maxFileBytes && shape.depth <= limits.maxDepth &&
           shape.values <= limits.maxJsonValues && shape.longestString * 6 <= limits.maxStringBytes;
}

} // namespace

void DiagramWriter::writeText(const Diagram &d, QByteArray &out, int indent)
{
    writeDiagram(d, out, indent);
}

Json DiagramWriter::componentToJson(const Component &c)
{
    Json o = Json::object();
    o["id"] = toStd(c.id);
    o["kind"] = toStd(c.kind);
    o["label"] = toStd(c.label);
    o["x"] = number(c.pos.x());
    o["y"] = number(c.pos.y());
    o["props"] = c.props.is_object() ? c.props : Json::object();
    o["notes"] = toStd(c.notes);
    o["waivers"] = waiversToJson(c.waivers);
    appendExtra(o, c.extra);
    return o;
}

Json DiagramWriter::connectionToJson(const Connection &c)
{
    Json o = Json::object();
    o["id"] = toStd(c.id);
    o["from"] = toStd(c.from);
    o["to"] = toStd(c.to);
    o["flow"] = toStd(c.flow);
    o["label"] = toStd(c.label);
    if (!c.waivers.isEmpty())
        o["waivers"] = waiversToJson(c.waivers);
    if (!c.route.isEmpty())
        o["route"] = c.route.toJson();
    appendExtra(o, c.extra);
    return o;
}

Json DiagramWriter::groupToJson(const Group &g)
{
    Json o = Json::object();
    o["id"] = toStd(g.id);
    o["label"] = toStd(g.label);
    Json members = Json::array();
    for (const QString &m : g.members)
        members.push_back(toStd(m));
    o["members"] = std::move(members);
    appendExtra(o, g.extra);
    return o;
}

Json DiagramWriter::toJson(const Diagram &d)
{
    Json root = Json::object();
    root["format"] = "mlsketch";
    root["version"] = DiagramReader::currentVersion;

    const Meta &m = d.meta();
    Json meta = Json::object();
    meta["title"] = toStd(m.title);
    meta["latency_budget_ms"] = number(m.latencyBudgetMs);
    meta["notes"] = toStd(m.notes);
    appendExtra(meta, m.extra);
    root["meta"] = std::move(meta);

    Json components = Json::array();
    for (const Component &c : d.components())
        components.push_back(componentToJson(c));
    root["components"] = std::move(components);

    Json connections = Json::array();
    for (const Connection &c : d.connections())
        connections.push_back(connectionToJson(c));
    root["connections"] = std::move(connections);

    Json groups = Json::array();
    for (const Group &g : d.groups())
        groups.push_back(groupToJson(g));
    root["groups"] = std::move(groups);

    if (!d.notes().empty()) { // absent when empty: files without notes stay as they were
        Json notes = Json::array();
        for (const Note &n : d.notes())
            notes.push_back(NoteJson::noteToJson(n));
        root["notes"] = std::move(notes);
    }

    appendExtra(root, d.extra());
    return root;
}

QByteArray DiagramWriter::write(const Diagram &d)
{
    return write(d, nullptr);
}

QByteArray DiagramWriter::write(const Diagram &d, QString *error, const Limits &limits)
{
    // Never write what the reader refuses (issue 17). Pretty-printing indents every level, so
    // deeply nested props can grow past the file-size cap: then the file is written compactly
    // (one line, still valid and read the same way); what no form fits is refused.
    QString why;
    for (const int indent : {2, -1}) {
        QByteArray bytes;
        const JsonTextWriter::Shape shape = writeDiagram(d, bytes, indent);
        bytes.append('\n');
        why = surelyReadable(shape, bytes.size(), limits)
                  ? QString()
                  : DiagramReader::checkStructure(bytes, limits);
        if (why.isEmpty())
            return bytes;
        if (qint64(bytes.size()) <= limits.maxFileBytes)
            break; // not a size problem: compact text would be refused the same way
    }
    if (error)
        *error = why;
    return {};
}

bool DiagramWriter::save(const Diagram &d, const QString &path, QString *error)
{
    QString why;
    const QByteArray bytes = write(d, &why);
    if (bytes.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: not saved: %2").arg(path, why);
        return false;
    }
    return AtomicFile::write(path, bytes, error);
}

} // namespace mls
