#pragma once

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QUndoCommand;
class QUndoStack;

namespace mls {

class Diagram;
class PropsTable;

/// The dock that edits what is selected: one component, one connection, the diagram itself
/// (nothing selected), or a summary of a multiple selection.
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

    // Component page
    QLineEdit *labelEdit() const { return m_label; }
    QComboBox *kindCombo() const { return m_kind; }
    QLabel *kindDescription() const { return m_kindDescription; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QDoubleSpinBox *latencySpin() const { return m_latency; }
    QToolButton *latencyResetButton() const { return m_latencyReset; }
    PropsTable *propsTable() const { return m_props; }
    // Connection page
    QLabel *connectionEnds() const { return m_ends; }
    QComboBox *flowCombo() const { return m_flow; }
    QLineEdit *connectionLabelEdit() const { return m_connectionLabel; }
    // Diagram page
    QLineEdit *titleEdit() const { return m_title; }
    QDoubleSpinBox *budgetSpin() const { return m_budget; }
    QPlainTextEdit *diagramNotesEdit() const { return m_diagramNotes; }
    // Multiple selection page
    QLabel *summaryLabel() const { return m_summary; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildComponentPage();
    QWidget *buildConnectionPage();
    QWidget *buildDiagramPage();
    QWidget *buildMultiplePage();
    void fillKindCombo();
    void showPage(Page page, const QString &id = {});
    void refresh();
    void refreshComponent();
    void refreshConnection();
    void refreshDiagram();
    void refreshSummary();
    void applySubtleColours();

    void componentChanged(const QString &id);
    void connectionChanged(const QString &id);
    void itemRemoved(const QString &id);

    // Edits made in the fields, each pushed as one command.
    void editLabel(const QString &text);
    void editKind(int index);
    void editNotes();
    void editLatency(double value);
    void resetLatency();
    void editProps();
    void editFlow(int index);
    void editConnectionLabel(const QString &text);
    void editTitle(const QString &text);
    void editBudget(double value);
    void editDiagramNotes();
    void push(QUndoCommand *command);

    QPointer<Diagram> m_diagram;
    QPointer<QUndoStack> m_stack;
    QStringList m_selectedComponents;
    QStringList m_selectedConnections;
    Page m_page = Page::Diagram;
    QString m_shownId;
    QString m_unknownKind; ///< kind of the shown component not in the catalog, kept selectable
    bool m_refreshing = false;

    QStackedWidget *m_pages;
    QLineEdit *m_label;
    QComboBox *m_kind;
    QLabel *m_kindDescription;
    QPlainTextEdit *m_notes;
    QDoubleSpinBox *m_latency;
    QToolButton *m_latencyReset;
    PropsTable *m_props;
    QLabel *m_ends;
    QComboBox *m_flow;
    QLabel *m_flowDescription;
    QLineEdit *m_connectionLabel;
    QLineEdit *m_title;
    QDoubleSpinBox *m_budget;
    QPlainTextEdit *m_diagramNotes;
    QLabel *m_summary;
    QList<QLabel *> m_subtleLabels; ///< hints and descriptions drawn in a muted colour
};

} // namespace mls
