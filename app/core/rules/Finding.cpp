// SPDX-License-Identifier: MIT
#include "Finding.h"

namespace mls {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

std::optional<Severity> severityFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("info"))
        return Severity::Info;
    if (n == QLatin1String("warning"))
        return Severity::Warning;
    if (n == QLatin1String("error"))
        return Severity::Error;
    return std::nullopt;
}

QString Finding::key() const
{
    QStringList c = components;
    QStringList e = connections;
    c.sort();
    e.sort();
    return rule + QLatin1Char('|') + c.join(QLatin1Char(',')) + QLatin1Char('|') +
           e.join(QLatin1Char(','));
}

bool Finding::operator==(const Finding &o) const
{
    return rule == o.rule && severity == o.severity && title == o.title && message == o.message &&
           explanation == o.explanation && fix == o.fix && components == o.components &&
           connections == o.connections && waived == o.waived && waiverReason == o.waiverReason;
}

} // namespace mls
