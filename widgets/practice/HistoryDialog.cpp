// SPDX-License-Identifier: MIT
#include "HistoryDialog.h"

#include "DesignSteps.h"
#include "Problem.h"
#include "ScoreChart.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mls {

namespace {

QString minutes(qint64 ms)
{
    return QStringLiteral("%1:%2").arg(ms / 60000).arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

HistoryDialog::HistoryDialog(const PracticeHistory &history, const QString &problem,
                             QWidget *parent)
    : QDialog(parent), m_history(history), m_problems(new QComboBox(this)),
      m_table(new QTableWidget(this)), m_chart(new ScoreChart(this))
{
    setWindowTitle(tr("Practice History"));
    for (const Problem &p : ProblemSet::builtin()) {
        const int count = int(history.attempts(p.id).size());
        m_problems->addItem(count == 1 ? tr("%1 (1 attempt)").arg(p.title)
                                       : tr("%1 (%2 attempts)").arg(p.title).arg(count),
                            p.id);
    }
    const int index = m_problems->findData(problem);
    m_problems->setCurrentIndex(index >= 0 ? index : 0);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Submitted"), tr("Score"), tr("Time used"), tr("Hints"), tr("Time per step")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("Open Attempt"), QDialogButtonBox::ActionRole);
    open->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this, open] { open->setEnabled(!m_table->selectedItems().isEmpty()); });
    auto openSelected = [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < m_shown.size()) {
            Q_EMIT openRequested(m_shown[row].path);
            accept();
        }
    };
    connect(open, &QPushButton::clicked, this, openSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, openSelected);
    connect(m_problems, &QComboBox::currentIndexChanged, this, &HistoryDialog::fill);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problems);
    layout->addWidget(new QLabel(tr("Score over attempts:"), this));
    layout->addWidget(m_chart);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 560);
    fill();
}

void HistoryDialog::fill()
{
    m_shown = m_history.attempts(m_problems->currentData().toString());
    m_table->setRowCount(int(m_shown.size()));
    QVector<int> scores;
    for (int row = 0; row < m_shown.size(); ++row) {
        const Attempt &a = m_shown[row];
        scores << a.score;
        QStringList steps;
        for (const QString &id : DesignSteps::ids()) {
            if (a.state.stepMs.value(id) > 0)
                steps << QStringLiteral("%1 %2").arg(DesignSteps::title(id),
                                                     minutes(a.state.stepMs.value(id)));
        }
        const QStringList cells{
            QLocale().toString(a.submittedAt.toLocalTime(), QLocale::ShortFormat),
            QString::number(a.score),
            tr("%1 of %2 min").arg(minutes(a.state.elapsedMs)).arg(a.state.minutes),
            QString::number(a.state.hints.size()), steps.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
    m_chart->setScores(scores);
}

} // namespace mls
