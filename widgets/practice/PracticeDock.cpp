// SPDX-License-Identifier: MIT
#include "PracticeDock.h"

#include "DesignSteps.h"
#include "Problem.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mls {

namespace {

QString clockText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, (ms + 999) / 1000);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QColor statusColor(ItemStatus s, bool penalty)
{
    if (penalty)
        return s == ItemStatus::Met ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
    switch (s) {
    case ItemStatus::Met:
        return {0x2e, 0x7d, 0x32};
    case ItemStatus::Partial:
        return {0xb2, 0x6a, 0x00};
    case ItemStatus::Missing:
        break;
    }
    return {0xc6, 0x28, 0x28};
}

QString num(double v)
{
    return QString::number(std::round(v * 10) / 10, 'g', 4);
}

} // namespace

PracticeDock::PracticeDock(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_prompt(new QLabel(this)),
      m_clock(new QLabel(this)), m_stepClock(new QLabel(this)),
      m_pause(new QPushButton(tr("Pause"), this)), m_steps(new QListWidget(this)),
      m_checks(new QListWidget(this)), m_notes(new QPlainTextEdit(this)),
      m_hint(new QPushButton(tr("Hint"), this)), m_submit(new QPushButton(tr("Submit"), this)),
      m_hints(new QLabel(this)), m_resultBox(new QWidget(this)), m_score(new QLabel(this)),
      m_results(new QTreeWidget(this)), m_detail(new QLabel(this))
{
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_clock->setFont(big);
    m_stepClock->setWordWrap(true);
    m_steps->setObjectName(QStringLiteral("practiceSteps"));
    for (const QString &step : DesignSteps::ids()) {
        auto *item = new QListWidgetItem(DesignSteps::title(step), m_steps);
        item->setData(Qt::UserRole, step);
    }
    m_steps->setFixedHeight(m_steps->sizeHintForRow(0) * 7 + 2 * m_steps->frameWidth() + 4);
    m_checks->setFixedHeight(m_steps->sizeHintForRow(0) * 5 + 2 * m_checks->frameWidth() + 4);
    m_notes->setPlaceholderText(tr("Notes for this step (saved with the design)…"));
    m_hint->setToolTip(tr("Reveal the hint of the next rubric item you have not met; it then "
                          "earns no points"));
    m_submit->setToolTip(tr("Grade the design against the problem's rubric"));
    m_hints->setWordWrap(true);
    m_hints->setTextFormat(Qt::PlainText);

    m_score->setFont(big);
    m_results->setColumnCount(3);
    m_results->setHeaderLabels({tr("Rubric item"), tr("Points"), tr("Status")});
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_results->header()->setStretchLastSection(false);
    m_results->setMinimumHeight(220);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *resultLayout = new QVBoxLayout(m_resultBox);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_score);
    resultLayout->addWidget(m_results, 1);
    resultLayout->addWidget(m_detail);
    m_resultBox->hide();

    auto *clockRow = new QHBoxLayout;
    clockRow->addWidget(m_clock);
    clockRow->addStretch();
    clockRow->addWidget(m_pause);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint);
    buttons->addStretch();
    buttons->addWidget(m_submit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_prompt);
    layout->addLayout(clockRow);
    layout->addWidget(m_stepClock);
    layout->addWidget(m_steps);
    layout->addWidget(m_checks);
    layout->addWidget(m_notes, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_hints);
    layout->addWidget(m_resultBox, 3);

    connect(m_pause, &QPushButton::clicked, this, &PracticeDock::pauseToggled);
    connect(m_hint, &QPushButton::clicked, this, &PracticeDock::hintRequested);
    connect(m_submit, &QPushButton::clicked, this, &PracticeDock::submitRequested);
    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showStep(m_steps->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_filling)
            return;
        m_noteTexts.insert(shownStep(), m_notes->toPlainText());
        Q_EMIT notesEdited(shownStep(), m_notes->toPlainText());
    });
    connect(m_checks, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_filling)
            Q_EMIT checkToggled(shownStep(), m_checks->row(item),
                                item->checkState() == Qt::Checked);
    });
    connect(m_results, &QTreeWidget::currentItemChanged, this, &PracticeDock::selectResult);
    setSession(nullptr, {}, {});
}

QStringList PracticeDock::checklist(const QString &step)
{
    static const QHash<QString, QStringList> lists{
        {QStringLiteral("clarify_requirements"),
         {tr("Business objective and success metric"), tr("Scale: users, items, requests/s"),
          tr("Latency budget (p99)"), tr("Freshness and cold start"),
          tr("Constraints: privacy, fairness, cost")}},
        {QStringLiteral("frame_ml_task"),
         {tr("ML objective that serves the business goal"), tr("Input and output of the model"),
          tr("Task type (classification, ranking, retrieval…)")}},
        {QStringLiteral("data_preparation"),
         {tr("Data sources and labels"), tr("Features, online and offline"),
          tr("Logging events back for training")}},
        {QStringLiteral("model_development"),
         {tr("Baseline, then the model family"), tr("Loss and training data sampling"),
          tr("How it is retrained")}},
        {QStringLiteral("evaluation"),
         {tr("Offline metrics"), tr("Online metrics and A/B test"), tr("Gate before release")}},
        {QStringLiteral("deployment_serving"),
         {tr("Request path within the latency budget"), tr("Batch vs online inference"),
          tr("Model registry and rollout")}},
        {QStringLiteral("monitoring"),
         {tr("Prediction and feature drift"), tr("System health: latency, errors"),
          tr("When to retrain or roll back")}}};
    return lists.value(step);
}

QString PracticeDock::shownStep() const
{
    const QListWidgetItem *item = m_steps->currentItem();
    return item ? item->data(Qt::UserRole).toString() : DesignSteps::ids().constFirst();
}

void PracticeDock::setSession(const Problem *problem, const PracticeState &state,
                              const QHash<QString, QString> &notes)
{
    m_problem = problem;
    m_state = state;
    m_noteTexts = notes;
    m_followed.clear();
    const bool on = problem != nullptr;
    m_title->setText(on ? problem->title : tr("No practice session"));
    m_prompt->setText(on ? problem->prompt
                         : tr("Practice → Start… picks a problem and opens an empty board."));
    for (QWidget *w : std::initializer_list<QWidget *>{m_clock, m_stepClock, m_pause, m_steps,
                                                       m_checks, m_notes, m_hint, m_submit})
        w->setVisible(on);
    m_hints->clear();
    showGrade({}, nullptr);
    if (on)
        setClock(state);
}

void PracticeDock::setClock(const PracticeState &state)
{
    m_state.elapsedMs = state.elapsedMs;
    m_state.stepMs = state.stepMs;
    m_state.paused = state.paused;
    m_state.submitted = state.submitted;
    m_state.checked = state.checked;
    const QString current = state.currentStep();
    const qint64 left = state.remainingMs();
    m_clock->setText(state.submitted ? tr("Submitted") : tr("%1 left").arg(clockText(left)));
    qint64 end = 0;
    for (const QString &id : DesignSteps::ids()) {
        end += state.stepBudgetMs(id);
        if (id == current)
            break;
    }
    m_stepClock->setText(state.submitted ? QString()
                         : left <= 0     ? tr("Time is up")
                                         : tr("Now: %1, %2 left in this step%3")
                                           .arg(DesignSteps::title(current),
                                                clockText(end - state.elapsedMs),
                                                state.paused ? tr(" (paused)") : QString()));
    m_pause->setText(state.paused ? tr("Resume") : tr("Pause"));
    // Once graded, the result list gets the room of the session's tools.
    const bool running = m_problem && !state.submitted;
    for (QWidget *w : std::initializer_list<QWidget *>{m_pause, m_stepClock, m_checks, m_notes,
                                                       m_hint, m_submit})
        w->setVisible(running);
    m_pause->setEnabled(!state.submitted);
    m_hint->setEnabled(!state.submitted);
    m_submit->setEnabled(!state.submitted);
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem *item = m_steps->item(i);
        const QString id = item->data(Qt::UserRole).toString();
        QFont f = m_steps->font();
        f.setBold(id == current && !state.submitted);
        item->setFont(f);
        item->setBackground(id == current && !state.submitted
                                ? palette().color(QPalette::AlternateBase)
                                : QBrush());
        item->setText(QStringLiteral("%1%2   %3 / %4")
                          .arg(id == current && !state.submitted ? QStringLiteral("▶ ") : QString(),
                               DesignSteps::title(id), clockText(state.stepMs.value(id)),
                               clockText(state.stepBudgetMs(id))));
    }
    // The shown step follows the clock, unless the person picked another one meanwhile.
    if (current != m_followed) {
        const bool following = m_followed.isEmpty() || shownStep() == m_followed;
        m_followed = current;
        if (following)
            m_steps->setCurrentRow(int(DesignSteps::ids().indexOf(current)));
    }
}

void PracticeDock::showStep(const QString &step)
{
    m_filling = true;
    m_checks->clear();
    const QStringList items = checklist(step);
    for (int i = 0; i < items.size(); ++i) {
        auto *item = new QListWidgetItem(items[i], m_checks);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m_state.checked.contains(QStringLiteral("%1/%2").arg(step).arg(i))
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    if (m_notes->toPlainText() != m_noteTexts.value(step))
        m_notes->setPlainText(m_noteTexts.value(step));
    m_notes->setPlaceholderText(
        tr("Notes for “%1” (saved with the design)…").arg(DesignSteps::title(step)));
    m_filling = false;
}

void PracticeDock::setHints(const QStringList &lines)
{
    m_hints->setText(lines.isEmpty() ? QString()
                                     : tr("Hints:\n• %1").arg(lines.join(QStringLiteral("\n• "))));
}

void PracticeDock::showGrade(const Grade &grade, const Problem *problem)
{
    m_results->clear();
    m_detail->clear();
    m_lastGrade = grade;
    m_resultBox->setVisible(problem != nullptr);
    if (!problem)
        return;
    m_score->setText(tr("Score: %1 / 100").arg(grade.score));
    for (const StepResult &s : grade.steps) {
        if (s.max <= 0 && std::none_of(grade.items.begin(), grade.items.end(),
                                       [&](const ItemResult &r) { return r.step == s.id; }))
            continue;
        auto *stepItem = new QTreeWidgetItem(
            m_results, {s.title, QStringLiteral("%1/%2").arg(num(s.earned), num(s.max))});
        QFont f = stepItem->font(0);
        f.setBold(true);
        stepItem->setFont(0, f);
        stepItem->setFont(1, f);
        stepItem->setFirstColumnSpanned(false);
        for (const ItemResult &r : grade.items) {
            if (r.step != s.id)
                continue;
            const QString status =
                r.penalty ? (r.status == ItemStatus::Met ? tr("avoided") : tr("penalty"))
                          : itemStatusName(r.status);
            auto *row = new QTreeWidgetItem(
                stepItem, {r.title,
                           r.penalty ? num(r.earned)
                                     : QStringLiteral("%1/%2").arg(num(r.earned), num(r.points)),
                           r.hinted ? status + tr(" (hint)") : status});
            row->setData(0, Qt::UserRole, r.id);
            row->setForeground(2, statusColor(r.status, r.penalty));
            row->setToolTip(0, r.detail);
        }
    }
    m_results->expandAll();
    m_lastGrade = grade;
}

void PracticeDock::selectResult()
{
    const QTreeWidgetItem *row = m_results->currentItem();
    const QString id = row ? row->data(0, Qt::UserRole).toString() : QString();
    const ItemResult *r = m_lastGrade.item(id);
    if (!r) {
        m_detail->clear();
        return;
    }
    QString text =
        QStringLiteral("%1 — %2\n\n%3").arg(r->title, itemStatusName(r->status), r->detail);
    if (!r->why.isEmpty())
        text += tr("\n\nWhy it matters: %1").arg(r->why);
    if (r->status != ItemStatus::Met && !r->hint.isEmpty())
        text += tr("\n\nHow: %1").arg(r->hint);
    m_detail->setText(text);
    Q_EMIT itemSelected(id);
}

} // namespace mls
