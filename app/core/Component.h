// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"
#include "Waiver.h"

#include <QPointF>
#include <QString>
#include <QVector>

namespace mls {

using ComponentId = QString;

/// One box on the board: an instance of a catalog kind at a position (scene units = px at 100%).
struct Component
{
    ComponentId id;
    QString kind; ///< catalog kind id; unknown ids are kept and shown as "unknown kind"
    QString label;
    QPointF pos;                 ///< centre of the card
    Json props = Json::object(); ///< free-form properties, e.g. "latency_ms"
    QString notes;
    QVector<Waiver> waivers;
    Json extra; ///< unknown fields, kept on a round trip (an object; null when none)

    bool operator==(const Component &o) const
    {
        return id == o.id && kind == o.kind && label == o.label && pos == o.pos &&
               props == o.props && notes == o.notes && waivers == o.waivers &&
               sameExtra(extra, o.extra);
    }
    bool operator!=(const Component &o) const { return !(*this == o); }
};

} // namespace mls
