// SPDX-License-Identifier: MIT
#include "ProblemPicker.h"

#include "Problem.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mls {

ProblemPicker::ProblemPicker(QWidget *parent)
    : QDialog(parent), m_search(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_prompt(new QLabel(this)), m_minutes(new QComboBox(this))
{
    setWindowTitle(tr("Start Practice"));
    m_search->setPlaceholderText(tr("Search problems, tags, difficulty…"));
    m_search->setClearButtonEnabled(true);
    for (const Problem &p : ProblemSet::builtin()) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1   ·   %2\n%3")
                                    .arg(p.title, p.difficulty, p.tags.join(QStringLiteral(", "))),
                                m_list);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(p.prompt);
    }
    m_list->setAlternatingRowColors(true);
    m_list->setMinimumWidth(420);
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setMinimumWidth(340);
    m_prompt->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    for (int m : {30, 45, 60})
        m_minutes->addItem(tr("%1 minutes").arg(m), m);
    m_minutes->setCurrentIndex(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &ProblemPicker::filter);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProblemPicker::showCurrent);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);

    auto *right = new QVBoxLayout;
    right->addWidget(m_prompt, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Session length:"), m_minutes);
    right->addLayout(form);
    auto *row = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(m_search);
    left->addWidget(m_list, 1);
    row->addLayout(left, 3);
    row->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(860, 520);
    m_list->setCurrentRow(0);
}

QString ProblemPicker::problemId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->data(Qt::UserRole).toString() : QString();
}

int ProblemPicker::minutes() const
{
    return m_minutes->currentData().toInt();
}

void ProblemPicker::select(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

void ProblemPicker::filter(const QString &text)
{
    QListWidgetItem *firstVisible = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const Problem *p = ProblemSet::find(item->data(Qt::UserRole).toString());
        item->setHidden(!p || !p->matches(text));
        if (!item->isHidden() && !firstVisible)
            firstVisible = item;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstVisible);
    showCurrent();
}

void ProblemPicker::showCurrent()
{
    const Problem *p = ProblemSet::find(problemId());
    if (!p) {
        m_prompt->setText(tr("No problem matches the search."));
        return;
    }
    // The requirements stay hidden: uncovering them is the first step of the interview.
    m_prompt->setText(tr("%1 (%2, %3 rubric items)\n\n“%4”")
                          .arg(p->title, p->difficulty)
                          .arg(p->items.size())
                          .arg(p->prompt));
}

} // namespace mls
