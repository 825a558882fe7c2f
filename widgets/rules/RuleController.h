// SPDX-License-Identifier: MIT
#pragma once

#include "LatencyAnalysis.h"
#include "RuleEngine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QUndoCommand;
class QUndoStack;

namespace mls {

class Diagram;

/// Live design-rule checking for one window: owns a RuleEngine, follows the diagram's signals
/// and re-checks what an edit touched, coalesced on a timer so a burst of edits (typing in the
/// inspector, a paste, undoing a macro) costs one re-check. Moves never re-check: positions do
/// not affect the rules. Waiving and unwaiving go through undoable commands.
class RuleController : public QObject
{
    Q_OBJECT
public:
    explicit RuleController(QObject *parent = nullptr);

    RuleEngine &engine() { return m_engine; }
    /// Adds a custom rule pack; the open diagram is re-checked in full.
    bool loadPack(const QString &path, QString *error);
    /// Loads every *.json in @p dir (sorted by name); returns one message per refused pack.
    QStringList loadPacksFrom(const QString &dir);

    /// When setDocument checks the new diagram: at once, or (Later) on the next flush() or
    /// edit, while the findings stay empty and isPending() is true; a window opening a large
    /// file shows the board first and checks it on the next event-loop turn.
    enum class FirstCheck
    {
        Now,
        Later
    };
    /// Follows @p diagram (may be null) and checks it as @p first says; edits are pushed on
    /// @p undo.
    void setDocument(Diagram *diagram, QUndoStack *undo, FirstCheck first = FirstCheck::Now);
    Diagram *diagram() const { return m_diagram; }
    QUndoStack *undoStack() const { return m_undo; }

    /// The current findings, sorted for display (RuleEngine::sort); the engine's own list,
    /// shared.
    const QVector<Finding> &findings() const { return m_findings; }
    /// Counts the results published so far: it changes whenever findings() does, so a view that
    /// reads findings() by index knows when its indexes are stale.
    quint64 generation() const { return m_generation; }
    /// Index of the finding with this key in findings() (the first, should two share it), or
    /// -1. No key is kept per finding: a binary search in sort()'s order builds a few.
    int indexOf(const QString &key) const;
    /// The finding with this key, or nullptr.
    const Finding *finding(const QString &key) const;
    /// Findings naming this component or connection.
    QVector<Finding> findingsOn(const QString &itemId) const;
    /// Unwaived findings of a severity.
    int count(Severity severity) const;
    int waivedCount() const;
    /// Waivers whose rule no longer fires on their item (computed when first asked).
    const QVector<StaleWaiver> &staleWaivers() const;
    /// The critical path behind each client (computed when first asked).
    const QVector<LatencyPath> &latencyPaths() const;

    /// Runs a pending re-check now (tests, and before anything reads the findings).
    void flush();
    bool isPending() const { return m_timer.isActive() || m_deferred; }
    /// How long a pending re-check waits: 0, or 150 ms after a re-check slower than 8 ms.
    int pendingDelayMs() const { return m_timer.interval(); }
    /// Wall time of the last check or re-check, in milliseconds.
    double lastCheckMs() const { return m_lastCheckMs; }

    /// The item a waiver of @p finding is stored on when the user does not pick one: the
    /// connection of a connection rule, else the finding's main subject.
    QString waiverTarget(const Finding &finding) const;
    /// Waives @p finding on @p item (default: waiverTarget) with @p reason, as one undo step.
    bool waive(const Finding &finding, const QString &reason, const QString &item = {});
    /// Removes the waivers of @p finding's rule from every item it names, as one undo step.
    bool unwaive(const Finding &finding);
    /// Removes the waiver of @p rule from @p item (a stale waiver), as one undo step.
    bool removeWaiver(const QString &item, const QString &rule);

Q_SIGNALS:
    /// The findings (and with them stale waivers and latency paths) changed.
    void findingsChanged();

private:
    void touchComponent(const QString &id);
    void touchConnection(const QString &id);
    void touchAll();
    void schedule();
    void run();
    void publish(QVector<Finding> findings);
    QVector<Waiver> waiversOf(const QString &item) const;
    void addWaiverEdit(const QString &item, const QVector<Waiver> &waivers,
                       QUndoCommand *parent) const;
    bool removeWaivers(const QStringList &items, const QString &rule);

    RuleEngine m_engine;
    QPointer<Diagram> m_diagram;
    QUndoStack *m_undo = nullptr;
    QTimer m_timer;
    QSet<QString> m_components; ///< touched since the last check
    QSet<QString> m_connections;
    bool m_full = false;
    bool m_deferred = false; ///< setDocument's check waits for flush() (FirstCheck::Later)
    double m_lastCheckMs = 0;
    QVector<Finding> m_findings;
    quint64 m_generation = 0;
    int m_counts[3] = {0, 0, 0}; ///< unwaived findings per Severity
    int m_waived = 0;
    mutable bool m_staleValid = false;
    mutable QVector<StaleWaiver> m_stale;
    mutable bool m_pathsValid = false;
    mutable QVector<LatencyPath> m_paths;
};

} // namespace mls
