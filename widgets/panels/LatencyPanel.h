// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QAbstractButton;
class QTreeWidget;

namespace mls {

class DiagramScene;
class RuleController;

/// The Latency dock: for each client the critical path of synchronous calls and store lookups
/// with each hop's p99 and the total against the diagram's budget (red when over), the budget
/// itself (an undoable meta edit), and a toggle that highlights the path on the board.
class LatencyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyPanel(RuleController *rules, QWidget *parent = nullptr);
    ~LatencyPanel() override;

    /// The board the critical path is highlighted on (may be null).
    void setScene(DiagramScene *scene);

    QTreeWidget *tree() const { return m_tree; }
    QAbstractButton *showPathButton() const { return m_showPath; }
    QDoubleSpinBox *budgetSpin() const { return m_budget; }
    /// The client whose path the toggle highlights: the current row's, else the first.
    QString highlightedClient() const;
    QSize sizeHint() const override;

public Q_SLOTS:
    void refresh();
    /// Rebuilds the table if findings changed while the panel was off screen.
    void catchUp();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void findingsChanged();
    void updateHighlight();
    void commitBudget();
    QString labelOf(const QString &id) const;

    RuleController *m_rules;
    QPointer<DiagramScene> m_scene;
    QTreeWidget *m_tree = nullptr;
    QAbstractButton *m_showPath = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QLabel *m_summary = nullptr;
    bool m_dirty = true;
};

} // namespace mls
