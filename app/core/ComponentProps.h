// SPDX-License-Identifier: MIT
#pragma once

#include "Component.h"
#include "Group.h"

#include <QColor>
#include <QMarginsF>

#include <optional>

namespace mls {

/// Typed access to the known fields that live in a component's props and a zone's extra
/// fields, so each key is spelled once (here) and its type checked once.
namespace known {

/// `props.latency_ms`: the component's p99 latency override in ms, when it is a number.
std::optional<double> latencyOverrideMs(const Json &props);
/// `props.latency_budget_ms` of a client: its own budget for the request paths it starts,
/// overriding the diagram's, when it is a number.
std::optional<double> clientBudgetMs(const Json &props);
/// @p props with the latency override set to @p ms (kept at its place), or removed (nullopt).
Json withLatencyOverride(const Json &props, std::optional<double> ms);
/// @p props without a numeric latency override: what the inspector's table shows.
Json withoutLatencyOverride(const Json &props);
/// The table's @p rows with @p current's latency override put back at its old position (the
/// inspector edits the override and the other props in two widgets).
Json mergeLatencyOverride(const Json &current, const Json &rows);

/// A zone's colour (`color`, "#RRGGBB"), when it has a valid one.
std::optional<QColor> zoneColor(const Group &zone);
/// Sets a zone's colour as written ("#2563EB"); an empty @p color removes it.
void setZoneColor(Group &zone, const QString &color);
/// Room a zone was resized to beyond its members' cards and the standard padding (`margins`,
/// [left, top, right, bottom] in board pixels; absent or malformed: none). The members still
/// decide where the zone is: the margins move with them.
QMarginsF zoneMargins(const Group &zone);
/// Sets the zone's extra room; negative sides count as 0, and no room at all removes the field.
void setZoneMargins(Group &zone, const QMarginsF &margins);

} // namespace known
} // namespace mls
