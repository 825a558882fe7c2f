// SPDX-License-Identifier: MIT
#pragma once

#include "FindingsModel.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mls {

class Diagram;
class RuleController;

/// What the Problems dock lists in its note sections: the rule controller's stale waivers and
/// the rule packs that failed to load (the findings FindingsModel reads from the controller).
class FindingRows
{
    Q_DECLARE_TR_FUNCTIONS(FindingRows)

public:
    using Rows = QVector<FindingsModel::Row>;

    /// One row per waiver whose rule no longer fires on its item, keyed "item|rule".
    static Rows staleWaivers(const RuleController &rules);
    /// One row per refused rule pack; @p packErrors has one message each.
    static Rows packErrors(const QStringList &packErrors);
    /// The name of a place a finding points at: a component's display name, a connection's
    /// "From → To", else the id itself (an item no longer in @p diagram, which may be null).
    static QString placeName(const Diagram *diagram, const QString &id);
};

} // namespace mls
