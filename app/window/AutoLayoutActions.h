// SPDX-License-Identifier: MIT
#pragma once

#include "layout/GraphvizLayout.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QActionGroup;
class QMenu;
class QProgressBar;
class QToolButton;
class QWidget;

namespace mls {

class Diagram;
class DiagramScene;
class DiagramView;
class Document;
class LayoutAnimation;
class LayoutRunner;

/// Arrange → Auto Layout, Auto Layout Selection, Layout Direction and Pin Position.
///
/// A layout runs off the UI thread (LayoutRunner: a worker process with a time limit) while a
/// busy bar and a Cancel button sit in the status bar. The result is pushed as one undo step
/// (positions and Graphviz routes together), the cards glide to their places, and the status
/// bar says what was done. Editing the diagram while a layout runs cancels it.
class AutoLayoutActions : public QObject
{
    Q_OBJECT
public:
    /// Lays out @p document as shown in @p view; @p parent owns the actions.
    AutoLayoutActions(Document *document, DiagramView *view, QObject *parent);
    ~AutoLayoutActions() override;

    /// Follows the scene of the document's current diagram.
    void setScene(DiagramScene *scene) { m_scene = scene; }
    /// The busy bar and Cancel button, shown while a layout runs; the window places it.
    QWidget *progressWidget() const { return m_progress; }

    void populate(QMenu *menu);
    void updateEnabled();

    LayoutRunner *runner() const { return m_runner; }
    LayoutAnimation *animation() const { return m_animation; }
    bool isRunning() const;
    LayoutDirection direction() const;
    void setDirection(LayoutDirection direction);
    /// The last status text (also shown in the status bar); for tests and the log.
    const QString &lastMessage() const { return m_lastMessage; }

public Q_SLOTS:
    /// Lays out the whole diagram (pinned components stay).
    void layoutAll();
    /// Lays out only the selected components; the others stay where they are.
    void layoutSelection();
    /// Stops a running layout; the diagram stays as it was.
    void cancel();
    /// Pins or unpins the selected components (one undo step).
    void setPinned(bool pinned);

Q_SIGNALS:
    /// A run ended: applied, failed or cancelled (after the status message is set).
    void layoutEnded();
    /// What a run is doing or did, for @p timeoutMs (0: until the next message).
    void statusMessage(const QString &text, int timeoutMs);

private:
    void run(const QStringList &selection);
    void finished(const LayoutResult &result, const QString &fallback, qint64 elapsedMs);
    void end(const QString &message);
    /// Fits the view when the laid-out diagram does not fit in what it shows.
    void revealResult();
    void showMessage(const QString &text, int timeoutMs = 10000);
    QString summary(const LayoutResult &result, const QString &fallback, qint64 elapsedMs) const;

    Document *m_document;
    DiagramView *m_view;
    DiagramScene *m_scene = nullptr;
    LayoutRunner *m_runner;
    LayoutAnimation *m_animation;
    QAction *m_layoutAll = nullptr;
    QAction *m_layoutSelection = nullptr;
    QAction *m_pin = nullptr;
    QActionGroup *m_directions = nullptr;
    QWidget *m_progress = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
    // The run in progress: what was asked, on which document.
    LayoutInput m_input;
    QPointer<Diagram> m_runDiagram;
    QPointer<DiagramScene> m_runScene;
    QString m_lastMessage;
};

} // namespace mls
