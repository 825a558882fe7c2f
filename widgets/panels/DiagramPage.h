// SPDX-License-Identifier: MIT
#pragma once

#include "InspectorPage.h"

class QLineEdit;
class QPlainTextEdit;

namespace mls {

class LatencySpinBox;

/// The inspector's page when nothing is selected: the diagram's title, latency budget and notes.
class DiagramPage : public InspectorPage
{
    Q_OBJECT
public:
    explicit DiagramPage(QWidget *parent = nullptr);

    void refresh() override;

    QLineEdit *titleEdit() const { return m_title; }
    LatencySpinBox *budgetSpin() const { return m_budget; }
    QPlainTextEdit *notesEdit() const { return m_notes; }

private:
    void editTitle(const QString &text);
    void editBudget(double value);
    void editNotes();

    QLineEdit *m_title;
    LatencySpinBox *m_budget;
    QPlainTextEdit *m_notes;
};

} // namespace mls
