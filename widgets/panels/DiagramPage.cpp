// SPDX-License-Identifier: MIT
#include "DiagramPage.h"

#include "Diagram.h"
#include "LatencySpinBox.h"
#include "WrappedLabel.h"
#include "commands/SetMetaCommand.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace mls {

DiagramPage::DiagramPage(QWidget *parent)
    : InspectorPage(parent), m_title(new QLineEdit(this)), m_budget(new LatencySpinBox(this)),
      m_notes(new QPlainTextEdit(this))
{
    m_title->setPlaceholderText(tr("Untitled design"));
    m_budget->setRange(1, 100000);
    m_budget->setSingleStep(10);
    m_budget->setToolTip(tr("Any request path that starts at a client should finish within "
                            "this p99 budget"));
    auto *budgetHint = new WrappedLabel(this);
    budgetHint->setWrappedText(tr("p99 budget for request paths that start at a client."));
    makeSubtle(budgetHint);
    m_notes->setPlaceholderText(tr("Requirements, scale, assumptions…"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);

    QGridLayout *top = formGrid();
    addRow(top, tr("&Title:"), m_title);
    addRow(top, tr("Latency &budget:"), m_budget);
    QGridLayout *bottom = formGrid();
    addRow(bottom, tr("&Notes:"), m_notes);
    const int indent = alignLabelColumns({top, bottom});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Diagram")));
    layout->addLayout(top);
    layout->addLayout(indentedRow(budgetHint, indent));
    layout->addLayout(bottom, 1);

    connect(m_title, &QLineEdit::textEdited, this, &DiagramPage::editTitle);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &DiagramPage::editBudget);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &DiagramPage::editNotes);
}

void DiagramPage::refresh()
{
    quietly([&] {
        const Meta meta = diagram() ? diagram()->meta() : Meta();
        showText(m_title, meta.title);
        if (m_budget->value() != meta.latencyBudgetMs)
            m_budget->setValue(meta.latencyBudgetMs);
        if (m_notes->toPlainText() != meta.notes)
            m_notes->setPlainText(meta.notes);
    });
}

void DiagramPage::editTitle(const QString &text)
{
    if (refreshing() || !diagram() || diagram()->meta().title == text)
        return;
    Meta meta = diagram()->meta();
    meta.title = text;
    push(new SetMetaCommand(diagram(), meta));
}

void DiagramPage::editBudget(double value)
{
    if (refreshing() || !diagram() || diagram()->meta().latencyBudgetMs == value)
        return;
    Meta meta = diagram()->meta();
    meta.latencyBudgetMs = value;
    push(new SetMetaCommand(diagram(), meta));
}

void DiagramPage::editNotes()
{
    const QString notes = m_notes->toPlainText();
    if (refreshing() || !diagram() || diagram()->meta().notes == notes)
        return;
    Meta meta = diagram()->meta();
    meta.notes = notes;
    push(new SetMetaCommand(diagram(), meta));
}

} // namespace mls
