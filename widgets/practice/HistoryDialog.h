// SPDX-License-Identifier: MIT
#pragma once

#include "PracticeHistory.h"

#include <QDialog>

class QComboBox;
class QTableWidget;

namespace mls {

class ScoreChart;

/// Practice → History…: the attempts at one problem as a table (when, score, time used,
/// time per step, hints) and a chart of score over attempts; Open reopens an attempt.
class HistoryDialog : public QDialog
{
    Q_OBJECT
public:
    HistoryDialog(const PracticeHistory &history, const QString &problem,
                  QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    ScoreChart *chart() const { return m_chart; }
    QComboBox *problems() const { return m_problems; }

Q_SIGNALS:
    /// Open was chosen on an attempt.
    void openRequested(const QString &path);

private:
    void fill();

    const PracticeHistory &m_history;
    QComboBox *m_problems;
    QTableWidget *m_table;
    ScoreChart *m_chart;
    QVector<Attempt> m_shown;
};

} // namespace mls
