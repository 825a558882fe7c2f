// SPDX-License-Identifier: MIT
#include "ExportOptions.h"

namespace mls {

QString ExportOptions::backgroundName(Background background)
{
    switch (background) {
    case Background::White:
        return QStringLiteral("white");
    case Background::Transparent:
        return QStringLiteral("transparent");
    case Background::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

std::optional<ExportOptions::Background> ExportOptions::backgroundFromName(const QString &name)
{
    for (Background b : {Background::White, Background::Transparent, Background::Dark}) {
        if (name.compare(backgroundName(b), Qt::CaseInsensitive) == 0)
            return b;
    }
    return std::nullopt;
}

} // namespace mls
