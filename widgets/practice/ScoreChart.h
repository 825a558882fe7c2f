// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>
#include <QWidget>

namespace mls {

/// Score over attempts: a line of points on a 0–100 axis, oldest attempt first.
class ScoreChart : public QWidget
{
    Q_OBJECT
public:
    explicit ScoreChart(QWidget *parent = nullptr);
    void setScores(const QVector<int> &scores);
    const QVector<int> &scores() const { return m_scores; }
    QSize sizeHint() const override { return {420, 160}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<int> m_scores;
};

} // namespace mls
