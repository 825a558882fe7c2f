// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QVector>

namespace mls {

class Diagram;

/// How waivers saved in a design apply to what the rules find.
namespace waivers {

/// Marks each of @p findings waived (with the reason) when one of its components or
/// connections in @p d carries a waiver of its rule; the first such waiver counts.
void apply(const Diagram &d, QVector<Finding> &findings);
/// The same for the findings in [@p first, @p last).
void apply(const Diagram &d, Finding *first, Finding *last);

} // namespace waivers

} // namespace mls
