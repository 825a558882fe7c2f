// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"

#include <QWidget>

class QTableWidget;
class QToolButton;

namespace mls {

/// A key/value editor for a component's free-form properties, in file order.
///
/// Values that read as JSON numbers or booleans are stored as such, anything else as a string;
/// a value the user did not touch keeps its original JSON (arrays and objects survive).
class PropsTable : public QWidget
{
    Q_OBJECT
public:
    explicit PropsTable(QWidget *parent = nullptr);

    /// Shows @p props. Does nothing when the rows already say the same, so an open cell editor
    /// is not disturbed; never emits edited().
    void setProps(const Json &props);
    /// The rows as a JSON object: empty keys are skipped, the first of duplicate keys wins.
    Json props() const;

    QTableWidget *table() const { return m_table; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }

    /// "42" → 42, "true" → true, "0.5" → 0.5, anything else → the string itself.
    static Json parseValue(const QString &text);
    /// How a value is shown in a cell: strings bare, everything else as compact JSON.
    static QString displayValue(const Json &value);

Q_SIGNALS:
    /// The user changed, added or removed a property; read the result with props().
    void edited();

private:
    void appendRow(const QString &key, const Json &value);
    void addRow();
    void removeSelectedRows();
    void cellChanged();
    void markDuplicates();
    void updateButtons();
    Json valueAt(int row) const;

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
    bool m_filling = false;
};

} // namespace mls
