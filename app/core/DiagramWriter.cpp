#include "DiagramWriter.h"

#include "DiagramReader.h"

#include <QSaveFile>

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
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!obj.contains(it.key()))
            obj[it.key()] = it.value();
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

    appendExtra(root, d.extra());
    return root;
}

QByteArray DiagramWriter::write(const Diagram &d)
{
    std::string text = dumpJson(toJson(d));
    text.push_back('\n');
    return QByteArray(text.data(), qsizetype(text.size()));
}

bool DiagramWriter::save(const Diagram &d, const QString &path, QString *error)
{
    const QByteArray bytes = write(d);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    // Qt 6.4's QSaveFile::commit() can miss an error from the final buffer flush (a full
    // disk) and rename a truncated file over the old one, so flush and check first.
    if (file.write(bytes) != bytes.size() || !file.flush() ||
        file.error() != QFileDevice::NoError || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: saving failed: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace mls
