// SPDX-License-Identifier: MIT
#pragma once

#include "Grade.h"
#include "PracticeState.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace mls {

struct Problem;

/// The Practice dock: the prompt, the session clock with a budget per step (the current step
/// highlighted), a checklist and a notes box per step, Hint and Submit; after grading, the
/// score, the per-step breakdown and every rubric item (select one to see it on the board).
class PracticeDock : public QWidget
{
    Q_OBJECT
public:
    explicit PracticeDock(QWidget *parent = nullptr);

    /// Shows a session of @p problem (null: no session). @p notes: meta.steps by step id.
    void setSession(const Problem *problem, const PracticeState &state,
                    const QHash<QString, QString> &notes);
    /// Updates the clock and the current step (called every second while running).
    void setClock(const PracticeState &state);
    /// Shows the revealed hints.
    void setHints(const QStringList &lines);
    /// Shows a grade; hides it with a null problem.
    void showGrade(const Grade &grade, const Problem *problem);
    /// The generic checklist of a step of the seven-step framework.
    static QStringList checklist(const QString &step);

    QListWidget *steps() const { return m_steps; }
    QListWidget *checks() const { return m_checks; }
    QPlainTextEdit *notes() const { return m_notes; }
    QPushButton *hintButton() const { return m_hint; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *pauseButton() const { return m_pause; }
    QTreeWidget *results() const { return m_results; }
    QLabel *scoreLabel() const { return m_score; }
    QLabel *clockLabel() const { return m_clock; }
    /// The step whose checklist and notes are shown.
    QString shownStep() const;
    /// The grade shown (empty before a submit).
    const Grade &grade() const { return m_lastGrade; }
    QLabel *detailLabel() const { return m_detail; }

Q_SIGNALS:
    void pauseToggled();
    void hintRequested();
    void submitRequested();
    void notesEdited(const QString &step, const QString &text);
    void checkToggled(const QString &step, int index, bool checked);
    /// A result row was selected: the components to highlight (empty: none satisfy it).
    void itemSelected(const QString &itemId);

private:
    void showStep(const QString &step);
    void selectResult();

    const Problem *m_problem = nullptr;
    PracticeState m_state;
    QHash<QString, QString> m_noteTexts;
    QString m_followed; ///< the step the clock was in when last shown
    bool m_filling = false;

    QLabel *m_title;
    QLabel *m_prompt;
    QLabel *m_clock;
    QLabel *m_stepClock;
    QPushButton *m_pause;
    QListWidget *m_steps;
    QListWidget *m_checks;
    QPlainTextEdit *m_notes;
    QPushButton *m_hint;
    QPushButton *m_submit;
    QLabel *m_hints;
    QWidget *m_resultBox;
    QLabel *m_score;
    QTreeWidget *m_results;
    QLabel *m_detail;
    Grade m_lastGrade;
};

} // namespace mls
