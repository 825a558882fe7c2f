// SPDX-License-Identifier: MIT
#pragma once

#include "Component.h"
#include "ConnectionRoute.h"
#include "Json.h"
#include "Waiver.h"

#include <QString>
#include <QVector>

namespace mls {

using ConnectionId = QString;

/// A directed arrow carrying exactly one flow type from one component to another.
struct Connection
{
    ConnectionId id;
    ComponentId from;
    ComponentId to;
    QString flow; ///< flow type id, e.g. "features"
    QString label;
    QVector<Waiver> waivers;
    ConnectionRoute route; ///< auto layout's drawing; empty: the view routes it
    Json extra;            ///< unknown fields, kept on a round trip (null when none)

    bool operator==(const Connection &o) const
    {
        return id == o.id && from == o.from && to == o.to && flow == o.flow && label == o.label &&
               waivers == o.waivers && route == o.route && sameExtra(extra, o.extra);
    }
    bool operator!=(const Connection &o) const { return !(*this == o); }
};

} // namespace mls
