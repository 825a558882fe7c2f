// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"

#include <QString>

namespace mls {

/// Diagram-wide settings saved under "meta".
struct Meta
{
    QString title;
    double latencyBudgetMs = 200; ///< budget for any request path that starts at a client
    QString notes;
    Json extra = Json::object(); ///< unknown fields, kept on a round trip

    bool operator==(const Meta &o) const
    {
        return title == o.title && latencyBudgetMs == o.latencyBudgetMs && notes == o.notes &&
               extra == o.extra;
    }
    bool operator!=(const Meta &o) const { return !(*this == o); }
};

} // namespace mls
