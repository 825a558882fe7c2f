#include "ComponentProps.h"

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

} // namespace mls::known
