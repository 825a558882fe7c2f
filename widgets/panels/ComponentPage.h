// SPDX-License-Identifier: MIT
#pragma once

#include "InspectorPage.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace mls {

class LatencySpinBox;
class PropsTable;
class WrappedLabel;

/// The inspector's page for one component: label, kind (with its description), p99 latency
/// override, notes and the other props.
class ComponentPage : public InspectorPage
{
    Q_OBJECT
public:
    explicit ComponentPage(QWidget *parent = nullptr);

    void showElement(const QString &id) override;
    void refresh() override;

    QLineEdit *labelEdit() const { return m_label; }
    QComboBox *kindCombo() const { return m_kind; }
    WrappedLabel *kindDescription() const { return m_kindDescription; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    LatencySpinBox *latencySpin() const { return m_latency; }
    QToolButton *latencyResetButton() const { return m_latencyReset; }
    PropsTable *propsTable() const { return m_props; }

private:
    void fillKindCombo();
    void showUnknownKind(const QString &kind);
    void dropUnknownKind();
    void editLabel(const QString &text);
    void editKind(int index);
    void editNotes();
    void editLatency();
    void resetLatency();
    void editProps();

    QString m_unknownKind; ///< kind of the shown component not in the catalog, kept selectable
    QLineEdit *m_label;
    QComboBox *m_kind;
    WrappedLabel *m_kindDescription;
    LatencySpinBox *m_latency;
    QToolButton *m_latencyReset;
    QPlainTextEdit *m_notes;
    PropsTable *m_props;
};

} // namespace mls
