// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace mls {

/// How one rubric item was judged. For a penalty, Met means "avoided".
enum class ItemStatus
{
    Met,
    Partial,
    Missing
};

/// "met", "partial" or "missing".
QString itemStatusName(ItemStatus s);

/// One rubric item's verdict, with the components that satisfy it (or take the penalty).
struct ItemResult
{
    QString id;
    QString step;
    QString title;
    double points = 0; ///< the item's points (negative for a penalty)
    double earned = 0; ///< 0 for a hinted item; 0 or negative for a penalty
    ItemStatus status = ItemStatus::Missing;
    QString hint;
    QString why;    ///< why it matters
    QString detail; ///< what was found, or what is missing
    QStringList components;
    bool hinted = false;
    bool penalty = false;
};

/// Points per step of the seven-step framework.
struct StepResult
{
    QString id;
    QString title;
    double earned = 0; ///< items' earned points of this step, penalties included, at least 0
    double max = 0;
};

/// The grade of an attempt against a problem.
struct Grade
{
    QString problem;
    int score = 0; ///< 0–100: earned points (penalties and hints counted) over the maximum
    double earned = 0;
    double max = 0;
    QVector<StepResult> steps;
    QVector<ItemResult> items;

    const ItemResult *item(const QString &id) const;
};

} // namespace mls
