// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "Grade.h"
#include "PracticeState.h"

#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;
class QTimer;

namespace mls {

class Diagram;
class DiagramScene;
class Document;
class PracticeDock;
struct Problem;

/// The window's practice mode: the Practice menu and dock, the session clock, hints, grading,
/// the history and the comparison with the reference design.
///
/// The session lives in the document (meta.practice, meta.steps), so it is saved with the
/// attempt and autosaved into the recovery file: after a crash the restored document resumes
/// its clock where the last snapshot left it. Clock ticks write meta directly (not as undo
/// steps: time passing is no edit); notes are undoable edits.
///
/// It practises on @p document; the Practice menu and dock go into @p window. Designs to open
/// (a new attempt, the reference, an attempt of the history) are asked of the window through
/// signals.
class PracticeMode : public QObject
{
    Q_OBJECT
public:
    PracticeMode(Document *document, QMainWindow *window);

    /// Follows the document's current diagram, shown in @p scene (null: none, on closing); a
    /// practice attempt resumes its session.
    void setScene(DiagramScene *scene);

    /// Starts a session of @p problemId: asks for a new attempt (openRequested()), which the
    /// window shows in itself when it holds nothing, else in a new one. Returns that window.
    QMainWindow *start(const QString &problemId, int minutes);
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

Q_SIGNALS:
    /// Something to tell the user for @p timeoutMs (time is up, scored, no hint left).
    void statusMessage(const QString &text, int timeoutMs);
    /// Asks the window to show @p design (the receiver moves it out) as an untitled document
    /// holding unsaved work: in itself when it holds nothing, else in a new window, which it
    /// returns in @p shownIn.
    void openRequested(std::unique_ptr<mls::Diagram> &design, QMainWindow *&shownIn);
    /// Asks for the reference design at @p path in a new window titled @p title, its
    /// components coloured by @p pairColours (id → colour of the matched pair).
    void referenceRequested(const QString &path, const QString &title,
                            const QHash<QString, QColor> &pairColours);
    /// Asks the window to open the file at @p path (an attempt of the history).
    void openFileRequested(const QString &path);

private:
    void startDialog();
    void tick();
    void persist();
    void updateActions();
    void highlight(const QString &itemId);
    void editNotes(const QString &step, const QString &text);
    void toggleCheck(const QString &step, int index, bool checked);
    QStringList hintLines() const;
    /// The document's diagram while one is shown, else null.
    Diagram *attempt() const;

    Document *m_document;
    QMainWindow *m_window;
    DiagramScene *m_scene = nullptr; ///< shows the document's diagram; null once closing
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
