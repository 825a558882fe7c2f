// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <utility>

namespace mls {

class Diagram;

/// Components of an attempt and of the reference design paired by kind, for the comparison
/// view: each kind pairs as many components as both sides have (in file order); the rest is
/// listed as only in one of them.
struct KindPairing
{
    QVector<std::pair<QString, QString>> pairs; ///< (attempt id, reference id)
    QStringList onlyAttempt;
    QStringList onlyReference;

    static KindPairing of(const Diagram &attempt, const Diagram &reference);
};

} // namespace mls
