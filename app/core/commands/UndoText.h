// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mls {

/// The English plural of a translated "%n thing(s)" text, e.g.
/// sourcePlural(tr("Move %n component(s)", n), n). English is the source language: with no
/// translator loaded the text comes back as written, and "(s)" is dropped for one and becomes
/// "s" otherwise ("Move 1 component", "Move 3 components"). A loaded translation's numerus
/// forms have no "(s)": nothing changes.
inline QString sourcePlural(QString text, int n)
{
    return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace mls
