// SPDX-License-Identifier: MIT
#pragma once

#include "Grade.h"
#include "Problem.h"

#include <QByteArray>
#include <QStringList>

namespace mls {

class Diagram;
struct Meta;

/// Grades a design against a problem's rubric using kinds, flows and structure only: ids,
/// labels, positions, zones and element order never change a score (README, "Practice").
class Grader
{
public:
    /// Grades @p d; items in @p hinted earn nothing (their hint was bought).
    static Grade grade(const Diagram &d, const Problem &p, const QStringList &hinted = {});
    /// Grades with the hints recorded in the attempt's meta.practice (when it is for @p p).
    static Grade gradeAttempt(const Diagram &d, const Problem &p);
    /// The next item a hint would reveal: the first non-penalty item in rubric order that is
    /// neither met nor hinted; nullptr when there is none.
    static const RubricItem *nextHint(const Grade &g, const Problem &p);
    /// The grade as the JSON of `mlsketch grade --format json`.
    static QByteArray toJson(const Grade &g);
    /// The grade as text, one line per item.
    static QString toText(const Grade &g);
};

} // namespace mls
