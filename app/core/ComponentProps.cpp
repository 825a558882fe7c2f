// SPDX-License-Identifier: MIT
#include "ComponentProps.h"

#include <algorithm>
#include <cmath>

namespace mls::known {

namespace {
const char *const LatencyKey = "latency_ms";
const char *const ClientBudgetKey = "latency_budget_ms";

std::optional<double> numberAt(const Json &props, const char *key)
{
    if (!props.is_object())
        return std::nullopt;
    auto it = props.find(key);
    if (it == props.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}
const char *const ZoneColorKey = "color";
const char *const ZoneMarginsKey = "margins";
constexpr double maxZoneMargin = 100000; // board pixels; keeps a hand-edited file drawable
} // namespace

std::optional<double> latencyOverrideMs(const Json &props)
{
    return numberAt(props, LatencyKey);
}

std::optional<double> clientBudgetMs(const Json &props)
{
    return numberAt(props, ClientBudgetKey);
}

Json withLatencyOverride(const Json &props, std::optional<double> ms)
{
    Json out = props.is_object() ? props : Json::object();
    if (!ms)
        out.erase(LatencyKey);
    else if (std::floor(*ms) == *ms && std::fabs(*ms) < 1e15)
        out[LatencyKey] = static_cast<long long>(*ms); // "40", not "40.0", in the file
    else
        out[LatencyKey] = *ms;
    return out;
}

Json withoutLatencyOverride(const Json &props)
{
    Json others = props.is_object() ? props : Json::object();
    if (latencyOverrideMs(others))
        others.erase(LatencyKey);
    return others;
}

Json mergeLatencyOverride(const Json &current, const Json &rows)
{
    if (!latencyOverrideMs(current) || rows.contains(LatencyKey))
        return rows;
    int position = 0;
    for (auto it = current.begin(); it != current.end() && it.key() != LatencyKey; ++it)
        ++position;
    Json out = Json::object();
    int i = 0;
    for (auto it = rows.begin(); it != rows.end(); ++it, ++i) {
        if (i == position)
            out[LatencyKey] = current[LatencyKey];
        out[it.key()] = it.value();
    }
    if (!out.contains(LatencyKey))
        out[LatencyKey] = current[LatencyKey];
    return out;
}

std::optional<QColor> zoneColor(const Group &zone)
{
    auto it = zone.extra.find(ZoneColorKey);
    if (it == zone.extra.end() || !it->is_string())
        return std::nullopt;
    const QColor c(QString::fromStdString(it->get<std::string>()));
    return c.isValid() ? std::optional<QColor>(c) : std::nullopt;
}

void setZoneColor(Group &zone, const QString &color)
{
    if (color.isEmpty())
        zone.extra.erase(ZoneColorKey);
    else
        zone.extra[ZoneColorKey] = toStd(color);
}

QMarginsF zoneMargins(const Group &zone)
{
    auto it = zone.extra.find(ZoneMarginsKey);
    if (it == zone.extra.end() || !it->is_array() || it->size() != 4)
        return QMarginsF();
    double side[4];
    for (size_t i = 0; i < 4; ++i) {
        const Json &v = (*it)[i];
        if (!v.is_number() || !std::isfinite(v.get<double>()))
            return QMarginsF();
        side[i] = std::clamp(v.get<double>(), 0.0, maxZoneMargin);
    }
    return QMarginsF(side[0], side[1], side[2], side[3]);
}

void setZoneMargins(Group &zone, const QMarginsF &margins)
{
    const double side[4] = {margins.left(), margins.top(), margins.right(), margins.bottom()};
    Json values = Json::array();
    bool any = false;
    for (double v : side) {
        const double kept = std::round(std::clamp(v, 0.0, maxZoneMargin));
        any = any || kept > 0;
        values.push_back(kept);
    }
    if (any)
        zone.extra[ZoneMarginsKey] = std::move(values);
    else
        zone.extra.erase(ZoneMarginsKey);
}

} // namespace mls::known
