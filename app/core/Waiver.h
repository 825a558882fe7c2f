// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"

#include <QString>

namespace mls {

/// A design-rule finding the user has accepted on purpose, with their reason.
struct Waiver
{
    QString rule;                ///< rule id, e.g. "MLS-012"
    QString reason;              ///< why the finding does not apply here
    Json extra = Json::object(); ///< unknown fields, kept on a round trip

    bool operator==(const Waiver &o) const
    {
        return rule == o.rule && reason == o.reason && extra == o.extra;
    }
};

} // namespace mls
