// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace mls {

class Catalog;

/// The name Group into Zone proposes for a selection, from what is selected.
namespace ZoneName {

/// A zone name for components of @p kinds: the stage of an ML system their catalog categories
/// make up ("Training", "Feature pipeline", "Online serving"), else the category most of them
/// share; "Zone" when no kind is known.
QString proposed(const Catalog &catalog, const QStringList &kinds);

} // namespace ZoneName
} // namespace mls
