// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mls {

/// A palette drag: the payload is the kind id in UTF-8.
inline QString kindMimeType()
{
    return QStringLiteral("application/x-mlsketch-kind");
}
/// Copied components: the payload is a Fragment (a small .mlsketch document).
inline QString fragmentMimeType()
{
    return QStringLiteral("application/x-mlsketch-fragment");
}

} // namespace mls
