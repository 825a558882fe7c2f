// SPDX-License-Identifier: MIT
#pragma once

#include "Grade.h"
#include "PracticeState.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QTimer;
class QUndoStack;

namespace mls {

class Diagram;
class DiagramScene;
class MainWindow;
class PracticeDock;
struct Problem;

/// The window's practice mode: the Practice menu and dock, the session clock, hints, grading,
/// the history and the comparison with the reference design.
///
/// The session lives in the document (meta.practice, meta.steps), so it is saved with the
/// attempt and autosaved into the recovery file: after a crash the restored document resumes
/// its clock where the last snapshot left it. Clock ticks write meta directly (not as undo
/// steps: time passing is no edit); notes are undoable edits.
class PracticeMode : public QObject
{
    Q_OBJECT
public:
    explicit PracticeMode(MainWindow *window);

    /// Follows a new document; a practice attempt resumes its session.
    void setDocument(Diagram *diagram, DiagramScene *scene, QUndoStack *undo);

    /// Starts a session of @p problemId in this window (when it holds nothing) or a new one.
    /// Returns the window the session runs in.
    MainWindow *start(const QString &problemId, int minutes);
    void togglePause();
    /// Reveals the next unmet item's hint; false when there is none.
    bool hint();
    /// Grades the attempt, shows the result, keeps it in the history.
    void submit();
    /// Opens the reference design in a second window and lists matched and unmatched kinds.
    void compareWithReference();
    void showHistory();

    bool active() const { return m_problem != nullptr; }
    const PracticeState &state() const { return m_state; }
    const Grade &lastGrade() const { return m_grade; }
    PracticeDock *dock() const { return m_dock; }
    QDockWidget *dockWidget() const { return m_dockWidget; }
    /// The folder of the history (tests point it elsewhere).
    void setHistoryFolder(const QString &folder) { m_historyFolder = folder; }
    const QString &historyFolder() const { return m_historyFolder; }
    /// Where the last submit stored the attempt.
    const QString &lastAttemptPath() const { return m_lastAttempt; }
    /// Advances the clock by @p ms as if that much time had passed (tests).
    void advanceClock(qint64 ms);

private:
    void startDialog();
    void tick();
    void persist();
    void updateActions();
    void highlight(const QString &itemId);
    void editNotes(const QString &step, const QString &text);
    void toggleCheck(const QString &step, int index, bool checked);
    QStringList hintLines() const;

    MainWindow *m_window;
    QPointer<Diagram> m_diagram;
    DiagramScene *m_scene = nullptr;
    QUndoStack *m_undo = nullptr;
    const Problem *m_problem = nullptr;
    PracticeState m_state;
    Grade m_grade;
    QString m_historyFolder;
    QString m_lastAttempt;
    QTimer *m_timer;
    QElapsedTimer m_since; ///< time since the last tick
    qint64 m_unsaved = 0;  ///< clock time not yet written into meta

    PracticeDock *m_dock;
    QDockWidget *m_dockWidget;
    QAction *m_pauseAction;
    QAction *m_hintAction;
    QAction *m_submitAction;
    QAction *m_compareAction;
};

} // namespace mls
