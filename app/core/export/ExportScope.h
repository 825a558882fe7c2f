// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <memory>

namespace mls {

class Diagram;

/// The part of a diagram an export covers when only a selection is exported.
class ExportScope
{
public:
    /// The component ids @p ids stand for: components themselves, the members of zones and
    /// the two ends of connections (so a selected arrow never floats alone).
    static QStringList componentIds(const Diagram &diagram, const QStringList &ids);
    /// A new diagram with @p diagram's meta and only what componentIds(@p ids) names, the
    /// connections among those components and the zones wholly inside (as copy does).
    static std::unique_ptr<Diagram> subset(const Diagram &diagram, const QStringList &ids);
};

} // namespace mls
