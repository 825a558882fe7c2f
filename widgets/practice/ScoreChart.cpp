// SPDX-License-Identifier: MIT
#include "ScoreChart.h"

#include <QPainter>
#include <QPainterPath>

namespace mls {

ScoreChart::ScoreChart(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(140);
}

void ScoreChart::setScores(const QVector<int> &scores)
{
    m_scores = scores;
    update();
}

void ScoreChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const int left = fontMetrics().horizontalAdvance(QStringLiteral("100")) + 10;
    const QRectF plot = QRectF(rect()).adjusted(left, 10, -14, -fontMetrics().height() - 8);
    p.setPen(palette().color(QPalette::Mid));
    for (int v : {0, 50, 100}) {
        const qreal y = plot.bottom() - plot.height() * v / 100.0;
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.drawText(QRectF(0, y - 10, left - 6, 20), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(v));
    }
    if (m_scores.isEmpty()) {
        p.drawText(plot, Qt::AlignCenter, tr("No attempts yet"));
        return;
    }
    const int n = int(m_scores.size());
    auto at = [&](int i) {
        const qreal x = n == 1 ? plot.center().x() : plot.left() + plot.width() * i / (n - 1);
        return QPointF(x, plot.bottom() - plot.height() * m_scores[i] / 100.0);
    };
    QPainterPath line(at(0));
    for (int i = 1; i < n; ++i)
        line.lineTo(at(i));
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawPath(line);
    p.setBrush(palette().color(QPalette::Highlight));
    for (int i = 0; i < n; ++i) {
        p.drawEllipse(at(i), 3.5, 3.5);
        if (n <= 12)
            p.drawText(QRectF(at(i).x() - 20, plot.bottom() + 4, 40, fontMetrics().height()),
                       Qt::AlignCenter, QString::number(i + 1));
    }
}

} // namespace mls
