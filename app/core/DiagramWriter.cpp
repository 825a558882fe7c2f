// SPDX-License-Identifier: MIT
#include "DiagramWriter.h"

#include "AtomicFile.h"
#include "DiagramReader.h"
#include "NoteJson.h"

#include <algorithm>
#include <cmath>

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

} // namespace

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
    const Json json = toJson(d);
    QString why;
    for (const int indent : {2, -1}) {
        std::string text = dumpJson(json, indent);
        text.push_back('\n');
        QByteArray bytes(text.data(), qsizetype(text.size()));
        why = DiagramReader::checkStructure(bytes, limits);
        if (why.isEmpty())
            return bytes;
        if (qint64(text.size()) <= limits.maxFileBytes)
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
