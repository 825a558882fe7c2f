// SPDX-License-Identifier: MIT
#pragma once

#include "FindingsModel.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>

namespace mls {

class Diagram;
class RuleController;

/// What the Problems dock lists, section by section: the rule controller's findings by
/// severity (waived ones apart), its stale waivers and the rule packs that failed to load.
class FindingRows
{
    Q_DECLARE_TR_FUNCTIONS(FindingRows)

public:
    using Rows = std::array<QVector<FindingsModel::Row>, FindingsModel::sectionCount>;

    /// The rows of every section; @p packErrors are the refused rule packs, one message each.
    static Rows of(const RuleController &rules, const QStringList &packErrors);
    /// The name of a place a finding points at: a component's display name, a connection's
    /// "From → To", else the id itself (an item no longer in @p diagram, which may be null).
    static QString placeName(const Diagram *diagram, const QString &id);
};

} // namespace mls
