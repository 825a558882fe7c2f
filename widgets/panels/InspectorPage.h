// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QUndoCommand;
class QUndoStack;

namespace mls {

class Diagram;

/// One page of the inspector: what it edits (a document, through an undo stack, and the id of
/// the element shown), the guard that keeps a refresh from pushing edits back, and the look the
/// pages share (heading, label/field grid, muted hints).
class InspectorPage : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPage(QWidget *parent = nullptr);

    /// Edits @p diagram through @p stack (neither owned; a null stack applies edits directly).
    void setDocument(Diagram *diagram, QUndoStack *stack);
    /// Shows the element @p id (empty on pages without one) and fills the fields from the model.
    virtual void showElement(const QString &id);
    const QString &shownId() const { return m_shownId; }
    /// Fills the fields from the model, pushing nothing.
    virtual void refresh() = 0;

protected:
    Diagram *diagram() const;
    /// True while refresh() fills the fields: their change signals are not edits.
    bool refreshing() const { return m_refreshing; }
    /// Runs @p fill with the fields' edits ignored.
    template <typename Fill> void quietly(Fill fill)
    {
        const bool was = m_refreshing;
        m_refreshing = true;
        fill();
        m_refreshing = was;
    }
    /// Shows @p text without disturbing a field that already says it; an unfocused field shows
    /// the start of a long text rather than its end.
    static void showText(QLineEdit *edit, const QString &text);
    /// Pushes an edit (nullptr: nothing to do).
    void push(QUndoCommand *command);

    QLabel *heading(const QString &text);
    QLabel *sectionLabel(const QString &text);
    /// Labels in the first column, fields in the second.
    ///
    /// A wrapped text (a description, a hint) goes between two grids, in the page's box layout
    /// (indentedRow()): inside a grid or a QFormLayout its row got less height than the text
    /// took, and the next row was drawn over its last lines.
    QGridLayout *formGrid();
    /// Gives the label columns of @p grids one width, so their fields line up; returns the
    /// indent of the fields (label column and spacing).
    static int alignLabelColumns(const QList<QGridLayout *> &grids);
    /// @p widget in a row of its own, indented by @p indent (under the fields).
    static QLayout *indentedRow(QWidget *widget, int indent);
    /// Adds a row "@p text [field]"; the label is the field's buddy (for its Alt shortcut).
    QLabel *addRow(QGridLayout *grid, const QString &text, QWidget *field);
    QLabel *addRow(QGridLayout *grid, const QString &text, QLayout *field, QWidget *buddy);
    /// Draws @p label in a muted colour (hints and descriptions).
    void makeSubtle(QLabel *label);

    void changeEvent(QEvent *event) override;

private:
    void applySubtleColours();

    QPointer<Diagram> m_diagram;
    QPointer<QUndoStack> m_stack;
    QString m_shownId;
    bool m_refreshing = false;
    QList<QLabel *> m_subtleLabels;
};

} // namespace mls
