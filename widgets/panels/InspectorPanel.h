// SPDX-License-Identifier: MIT
#pragma once

#include "Coalesced.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QUndoStack;

namespace mls {

class ComponentPage;
class ConnectionPage;
class Diagram;
class DiagramPage;
class PropsTable;
class SelectionPage;

/// The dock that edits what is selected: one component, one connection, the diagram itself
/// (nothing selected), or a summary of a multiple selection — one page each.
///
/// Every edit is pushed as an undo command; the fields follow the model's signals (undo, edits
/// elsewhere) without pushing anything back and without moving the cursor of a field whose
/// text already matches.
class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Page
    {
        Diagram,
        Component,
        Connection,
        Multiple
    };

    explicit InspectorPanel(QWidget *parent = nullptr);

    /// Edits @p diagram through @p stack (neither owned). nullptr clears the panel.
    void setDocument(Diagram *diagram, QUndoStack *stack);
    /// What the canvas has selected; ids the diagram does not know are ignored.
    void setSelection(const QStringList &componentIds, const QStringList &connectionIds);

    Page page() const { return m_page; }
    /// The selected components the panel knows of, in the order given, without repeats.
    const QStringList &selectedComponents() const { return m_selectedComponents; }
    /// Id of the component or connection shown, or empty.
    QString shownId() const { return m_shownId; }

    ComponentPage *componentPage() const { return m_componentPage; }
    ConnectionPage *connectionPage() const { return m_connectionPage; }
    DiagramPage *diagramPage() const { return m_diagramPage; }
    SelectionPage *selectionPage() const { return m_selectionPage; }

    // The pages' fields, for tests and the window.
    QLineEdit *labelEdit() const;
    QComboBox *kindCombo() const;
    QLabel *kindDescription() const;
    QPlainTextEdit *notesEdit() const;
    QDoubleSpinBox *latencySpin() const;
    QToolButton *latencyResetButton() const;
    PropsTable *propsTable() const;
    QLabel *connectionEnds() const;
    QComboBox *flowCombo() const;
    QLineEdit *connectionLabelEdit() const;
    QLineEdit *titleEdit() const;
    QDoubleSpinBox *budgetSpin() const;
    QPlainTextEdit *diagramNotesEdit() const;
    QLabel *summaryLabel() const;

private:
    void showPage(Page page, const QString &id = {});
    void componentChanged(const QString &id);
    void connectionChanged(const QString &id);
    void itemRemoved(const QString &id);
    void dropRemoved();

    QPointer<Diagram> m_diagram;
    QStringList m_selectedComponents;
    QStringList m_selectedConnections;
    Page m_page = Page::Diagram;
    QString m_shownId;

    QStackedWidget *m_pages;
    DiagramPage *m_diagramPage;
    ComponentPage *m_componentPage;
    ConnectionPage *m_connectionPage;
    SelectionPage *m_selectionPage;
    /// dropRemoved() at most Coalesced::atOnce + 1 times a turn, not once per removed element
    /// (deleting 5,000 selected cards).
    Coalesced m_selectionShrank{this, [this] { dropRemoved(); }};
};

} // namespace mls
