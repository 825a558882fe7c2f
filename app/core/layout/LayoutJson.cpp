// SPDX-License-Identifier: MIT
#include "LayoutJson.h"

#include "../Json.h"

#include <cmath>
#include <stdexcept>

namespace mls {

namespace {

// Far beyond any real diagram (the file format caps components at 100,000), small enough that
// a corrupt stream cannot make the window allocate without bound.
constexpr size_t maxElements = 2'000'000;
constexpr double maxCoordinate = 1e9;

/// A malformed field; turned into the error text by the readers.
struct Malformed : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

Json point(const QPointF &p)
{
    return Json::array({p.x(), p.y()});
}

Json rect(const QRectF &r)
{
    return Json::array({r.x(), r.y(), r.width(), r.height()});
}

double finite(const Json &v)
{
    const double d = v.get<double>();
    if (!std::isfinite(d) || std::fabs(d) > maxCoordinate)
        throw Malformed("a number is not finite or out of range");
    return d;
}

QPointF toPoint(const Json &v)
{
    if (!v.is_array() || v.size() != 2)
        throw Malformed("a point is not [x, y]");
    return {finite(v[0]), finite(v[1])};
}

QRectF toRect(const Json &v)
{
    if (!v.is_array() || v.size() != 4)
        throw Malformed("a rectangle is not [x, y, w, h]");
    return {finite(v[0]), finite(v[1]), finite(v[2]), finite(v[3])};
}

const Json &array(const Json &obj, const char *key)
{
    const Json &v = obj.at(key);
    if (!v.is_array() || v.size() > maxElements)
        throw Malformed(std::string("\"") + key + "\" is not an array of a sane size");
    return v;
}

QString text(const Json &obj, const char *key)
{
    return toQt(obj.at(key).get<std::string>());
}

QString engineText(LayoutEngine e)
{
    return GraphvizLayout::engineName(e);
}

LayoutEngine engineFrom(const Json &v)
{
    const auto e = GraphvizLayout::engineFromName(toQt(v.get<std::string>()));
    if (!e)
        throw Malformed("unknown engine");
    return *e;
}

Json optionsToJson(const LayoutOptions &o)
{
    Json j = Json::object();
    j["engine"] = toStd(engineText(o.engine));
    j["direction"] = o.direction == LayoutDirection::LeftToRight ? "LR" : "TB";
    j["node_sep"] = o.nodeSeparation;
    j["rank_sep"] = o.rankSeparation;
    j["zone_padding"] = o.zonePadding;
    j["zone_title"] = o.zoneTitleHeight;
    j["size_threshold"] = o.sizeThreshold;
    j["seed"] = o.randomSeed;
    if (o.anchorTopLeft)
        j["anchor"] = point(*o.anchorTopLeft);
    return j;
}

LayoutOptions optionsFrom(const Json &j)
{
    LayoutOptions o;
    o.engine = engineFrom(j.at("engine"));
    const auto dir = GraphvizLayout::directionFromName(text(j, "direction"));
    if (!dir)
        throw Malformed("unknown direction");
    o.direction = *dir;
    o.nodeSeparation = finite(j.at("node_sep"));
    o.rankSeparation = finite(j.at("rank_sep"));
    o.zonePadding = finite(j.at("zone_padding"));
    o.zoneTitleHeight = finite(j.at("zone_title"));
    o.sizeThreshold = j.at("size_threshold").get<int>();
    o.randomSeed = j.at("seed").get<unsigned>();
    if (j.contains("anchor"))
        o.anchorTopLeft = toPoint(j.at("anchor"));
    return o;
}

QStringList strings(const Json &arr)
{
    QStringList list;
    for (const Json &s : arr)
        list << toQt(s.get<std::string>());
    return list;
}

template <typename T, typename Parse>
std::optional<T> parse(const QByteArray &bytes, QString *error, const char *what, Parse body)
{
    try {
        const Json j = Json::parse(bytes.constBegin(), bytes.constEnd());
        if (!j.is_object())
            throw Malformed("not an object");
        return body(j);
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("malformed layout %1: %2")
                         .arg(QLatin1String(what), QString::fromUtf8(e.what()));
    }
    return std::nullopt;
}

QByteArray dump(const Json &j)
{
    const std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

QByteArray LayoutJson::write(const LayoutInput &input)
{
    Json nodes = Json::array();
    for (const LayoutNode &n : input.nodes) {
        Json o = {{"id", toStd(n.id)}, {"w", n.size.width()}, {"h", n.size.height()}};
        if (n.fixedCentre)
            o["fixed"] = point(*n.fixedCentre);
        Json zones = Json::array();
        for (const QString &c : n.zones)
            zones.push_back(toStd(c));
        o["zones"] = std::move(zones);
        nodes.push_back(std::move(o));
    }
    Json edges = Json::array();
    for (const LayoutEdge &e : input.edges)
        edges.push_back({{"id", toStd(e.id)}, {"from", toStd(e.from)}, {"to", toStd(e.to)}});
    Json zones = Json::array();
    for (const QString &z : input.zoneIds)
        zones.push_back(toStd(z));
    return dump({{"nodes", std::move(nodes)},
                 {"edges", std::move(edges)},
                 {"zones", std::move(zones)},
                 {"options", optionsToJson(input.options)}});
}

QByteArray LayoutJson::write(const LayoutResult &r)
{
    Json centres = Json::array();
    for (const QPointF &c : r.centres)
        centres.push_back(point(c));
    Json routes = Json::array();
    for (const EdgeRoute &route : r.routes) {
        Json points = Json::array();
        for (const QPointF &p : route.points)
            points.push_back(point(p));
        Json o = {{"id", toStd(route.id)}, {"points", std::move(points)}};
        if (route.arrowTip)
            o["tip"] = point(*route.arrowTip);
        routes.push_back(std::move(o));
    }
    Json zones = Json::array();
    for (const ZoneRect &c : r.zones)
        zones.push_back({{"id", toStd(c.id)}, {"rect", rect(c.rect)}});
    return dump({{"ok", r.ok},
                 {"error", toStd(r.error)},
                 {"message", toStd(r.message)},
                 {"engine", toStd(engineText(r.engineUsed))},
                 {"centres", std::move(centres)},
                 {"routes", std::move(routes)},
                 {"zones", std::move(zones)},
                 {"bounds", rect(r.bounds)}});
}

std::optional<LayoutInput> LayoutJson::readInput(const QByteArray &bytes, QString *error)
{
    return parse<LayoutInput>(bytes, error, "input", [](const Json &j) {
        LayoutInput in;
        for (const Json &n : array(j, "nodes")) {
            LayoutNode node;
            node.id = text(n, "id");
            node.size = QSizeF(finite(n.at("w")), finite(n.at("h")));
            if (node.size.width() <= 0 || node.size.height() <= 0)
                throw Malformed("a node has no size");
            if (n.contains("fixed"))
                node.fixedCentre = toPoint(n.at("fixed"));
            node.zones = strings(array(n, "zones"));
            in.nodes.append(node);
        }
        for (const Json &e : array(j, "edges"))
            in.edges.append({text(e, "id"), text(e, "from"), text(e, "to")});
        in.zoneIds = strings(array(j, "zones"));
        in.options = optionsFrom(j.at("options"));
        return in;
    });
}

std::optional<LayoutResult> LayoutJson::readResult(const QByteArray &bytes, QString *error)
{
    return parse<LayoutResult>(bytes, error, "result", [](const Json &j) {
        LayoutResult r;
        r.ok = j.at("ok").get<bool>();
        r.error = text(j, "error");
        r.message = text(j, "message");
        r.engineUsed = engineFrom(j.at("engine"));
        for (const Json &c : array(j, "centres"))
            r.centres.append(toPoint(c));
        for (const Json &route : array(j, "routes")) {
            EdgeRoute e;
            e.id = text(route, "id");
            for (const Json &p : array(route, "points"))
                e.points.append(toPoint(p));
            if (route.contains("tip"))
                e.arrowTip = toPoint(route.at("tip"));
            r.routes.append(e);
        }
        for (const Json &c : array(j, "zones"))
            r.zones.append({text(c, "id"), toRect(c.at("rect"))});
        r.bounds = toRect(j.at("bounds"));
        return r;
    });
}

} // namespace mls
