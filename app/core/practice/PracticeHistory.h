// SPDX-License-Identifier: MIT
#pragma once

#include "PracticeState.h"

#include <QDateTime>
#include <QString>
#include <QVector>

namespace mls {

class Diagram;

/// One submitted attempt kept in the history folder.
struct Attempt
{
    QString path; ///< the attempt's .mlsketch file
    QString problem;
    QDateTime submittedAt; ///< UTC, from the file name
    int score = 0;
    PracticeState state; ///< minutes, time per step, hints
};

/// Every submitted attempt, one `.mlsketch` file per attempt (the design with its
/// meta.practice: score, time per step, hints) in `<folder>/<problem>/<yyyyMMdd-HHmmss>.mlsketch`.
/// The app uses `<AppDataLocation>/practice`.
class PracticeHistory
{
public:
    explicit PracticeHistory(const QString &folder);

    /// The default folder: `<AppDataLocation>/practice`.
    static QString defaultFolder();
    /// Writes @p d as a new attempt at @p when; false with @p error when it cannot be written.
    bool add(const Diagram &d, const QDateTime &when, QString *error, QString *path = nullptr);
    /// The attempts at @p problem (all problems when empty), oldest first. Unreadable files
    /// are skipped.
    QVector<Attempt> attempts(const QString &problem = {}) const;

private:
    QString m_folder;
};

} // namespace mls
