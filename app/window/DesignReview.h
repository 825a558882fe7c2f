// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QDockWidget;
class QMainWindow;
class QMenu;
class QToolButton;
class QUndoStack;

namespace mls {

class Diagram;
class DiagramScene;
class LatencyPanel;
class ProblemsPanel;
class RuleController;

/// The design-rule side of a window: live checking, markers on the board, the Problems and
/// Latency docks, the findings count in the status bar, waive / unwaive in the board's context
/// menu, and custom rule packs from the user's config folder.
class DesignReview : public QObject
{
    Q_OBJECT
public:
    /// Adds the docks and the status-bar button to @p window and loads the user's rule packs.
    explicit DesignReview(QMainWindow *window);

    /// Follows a new document (null: none); checks it at once.
    void setDocument(Diagram *diagram, DiagramScene *scene, QUndoStack *undo);
    /// Adds "Waive MLS-nnn…" / "Remove Waiver MLS-nnn" entries for the findings on @p itemId.
    void addContextActions(QMenu *menu, const QString &itemId);

    RuleController *rules() const { return m_rules; }
    ProblemsPanel *problems() const { return m_problems; }
    LatencyPanel *latency() const { return m_latency; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    QDockWidget *latencyDock() const { return m_latencyDock; }
    QToolButton *statusButton() const { return m_status; }
    /// Messages of the user rule packs that could not be loaded.
    const QStringList &packErrors() const { return m_packErrors; }

    /// Where custom rule packs are read from: <AppConfigLocation>/rules.
    static QString userRulesDir();

private:
    void findingsChanged();
    void showProblems();
    void followSelection();

    QMainWindow *m_window;
    RuleController *m_rules;
    ProblemsPanel *m_problems;
    LatencyPanel *m_latency;
    QDockWidget *m_problemsDock;
    QDockWidget *m_latencyDock;
    QToolButton *m_status;
    DiagramScene *m_scene = nullptr;
    QStringList m_packErrors;
};

} // namespace mls
