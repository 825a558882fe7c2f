// SPDX-License-Identifier: MIT
#pragma once

#include "Meta.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace mls {

/// A practice session as saved in an attempt, under meta.practice: the problem, the clock,
/// the hints bought. Saved with the document, so the recovery file keeps the clock.
struct PracticeState
{
    QString problem;
    int minutes = 45;              ///< the session length chosen at the start
    qint64 elapsedMs = 0;          ///< time practised so far (pauses excluded)
    QHash<QString, qint64> stepMs; ///< time spent per step id
    QStringList hints;             ///< rubric item ids whose hint was revealed, in order
    QStringList checked;           ///< checklist entries ticked, as "<step id>/<index>"
    bool paused = false;
    bool submitted = false;
    int score = -1; ///< the grade once submitted

    /// The state saved in @p meta, or nullopt when the document is no practice attempt.
    static std::optional<PracticeState> of(const Meta &meta);
    /// @p meta with this state under meta.practice (other fields untouched).
    Meta writtenTo(Meta meta) const;
    /// How long a step may take: the session length shared out in fixed proportions
    /// (clarify 10 %, framing 10 %, data 15 %, model 20 %, evaluation 10 %, serving 25 %,
    /// monitoring 10 %).
    qint64 stepBudgetMs(const QString &step) const;
    /// The step the clock is in: the first whose budgets (summed in order) exceed the elapsed
    /// time; the last step once the time is up.
    QString currentStep() const;
    qint64 remainingMs() const { return qint64(minutes) * 60000 - elapsedMs; }
};

} // namespace mls
