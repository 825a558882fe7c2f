// SPDX-License-Identifier: MIT
#pragma once

#include "Component.h"
#include "Json.h"

#include <QString>
#include <QStringList>

namespace mls {

using GroupId = QString;

/// A named zone around some components ("Online serving", "Offline training").
struct Group
{
    GroupId id;
    QString label;
    QStringList members;         ///< component ids, in file order
    Json extra = Json::object(); ///< unknown fields, e.g. a colour, kept on a round trip

    bool operator==(const Group &o) const
    {
        return id == o.id && label == o.label && members == o.members && extra == o.extra;
    }
    bool operator!=(const Group &o) const { return !(*this == o); }
};

} // namespace mls
