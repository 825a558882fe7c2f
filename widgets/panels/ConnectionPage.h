// SPDX-License-Identifier: MIT
#pragma once

#include "InspectorPage.h"

class QComboBox;
class QLineEdit;

namespace mls {

class WrappedLabel;

/// The inspector's page for one connection: its ends, the flow it carries (the valid ones for
/// its ends' kinds, plus the current one if it is not) and its label.
class ConnectionPage : public InspectorPage
{
    Q_OBJECT
public:
    explicit ConnectionPage(QWidget *parent = nullptr);

    void refresh() override;
    /// Whether a change to component @p id changes this page (it is one of the ends).
    bool showsEnd(const QString &id) const;

    QLabel *endsLabel() const { return m_ends; }
    QComboBox *flowCombo() const { return m_flow; }
    QLineEdit *labelEdit() const { return m_label; }

private:
    void fillFlows(const QStringList &valid, const QString &current);
    QString flowDescription(const QString &fromKind, const QString &toKind,
                            const QStringList &valid, const QString &flow) const;
    void editFlow(int index);
    void editLabel(const QString &text);

    QLabel *m_ends;
    QComboBox *m_flow;
    WrappedLabel *m_flowDescription;
    QLineEdit *m_label;
};

} // namespace mls
