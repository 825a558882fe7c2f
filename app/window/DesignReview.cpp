// SPDX-License-Identifier: MIT
#include "DesignReview.h"

#include "AfterNextPaint.h"
#include "canvas/DiagramScene.h"
#include "canvas/FindingBadge.h"
#include "commands/CommandIds.h"
#include "panels/LatencyPanel.h"
#include "panels/ProblemsPanel.h"
#include "rules/RuleController.h"

#include <QDockWidget>
#include <QGraphicsView>
#include <QMainWindow>
#include <QMenu>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>

namespace mls {

namespace {
constexpr int maxMenuFindings = 8;
} // namespace

DesignReview::DesignReview(QMainWindow *window)
    : QObject(window), m_window(window), m_rules(new RuleController(this))
{
    m_problems = new ProblemsPanel(m_rules, window);
    m_problemsDock = new QDockWidget(tr("Problems"), window);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    connect(m_problemsDock, &QDockWidget::dockLocationChanged, this, [this](Qt::DockWidgetArea a) {
        const bool side = a == Qt::LeftDockWidgetArea || a == Qt::RightDockWidgetArea;
        m_problems->setOrientation(side ? Qt::Vertical : Qt::Horizontal);
    });

    m_latency = new LatencyPanel(m_rules, window);
    m_latencyDock = new QDockWidget(tr("Latency"), window);
    m_latencyDock->setObjectName(QStringLiteral("latencyDock"));
    m_latencyDock->setWidget(m_latency);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_latencyDock);
    window->tabifyDockWidget(m_problemsDock, m_latencyDock);
    m_problemsDock->raise();
    // A panel behind the other's tab is not refreshed; it catches up when its tab is chosen.
    connect(m_problemsDock, &QDockWidget::visibilityChanged, m_problems, [this](bool shown) {
        if (shown)
            m_problems->catchUp();
    });
    connect(m_latencyDock, &QDockWidget::visibilityChanged, m_latency, [this](bool shown) {
        if (shown)
            m_latency->catchUp();
    });
    // A strip under the board, not a third of the window (the saved window state wins).
    window->resizeDocks({m_problemsDock}, {220}, Qt::Vertical);

    m_status = new QToolButton(window);
    m_status->setAutoRaise(true);
    m_status->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status->setToolTip(tr("Show the Problems panel"));
    connect(m_status, &QToolButton::clicked, this, &DesignReview::showProblems);
    window->statusBar()->insertPermanentWidget(0, m_status);

    connect(m_rules, &RuleController::findingsChanged, this, &DesignReview::findingsChanged);
    m_packErrors = m_rules->loadPacksFrom(userRulesDir());
    if (!m_packErrors.isEmpty()) {
        m_problems->setPackErrors(m_packErrors);
        window->statusBar()->showMessage(
            tr("Rule pack not loaded: %1").arg(m_packErrors.constFirst()), 20000);
    }
    findingsChanged();
}

QString DesignReview::userRulesDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/rules");
}

void DesignReview::setDocument(Diagram *diagram, DiagramScene *scene, QUndoStack *undo)
{
    m_scene = scene;
    if (scene)
        connect(scene, &QGraphicsScene::selectionChanged, this, &DesignReview::followSelection);
    m_problems->setScene(scene);
    // A board on screen is drawn first and checked on the event-loop turn after that frame
    // (a large design's findings take longer than the board to build); else at once.
    QGraphicsView *view =
        scene && !scene->views().isEmpty() ? scene->views().constFirst() : nullptr;
    if (diagram && view && view->viewport()->isVisible()) {
        m_rules->setDocument(diagram, undo, RuleController::FirstCheck::Later);
        AfterNextPaint::run(view->viewport(), m_rules, [rules = m_rules] { rules->flush(); });
    } else {
        m_rules->setDocument(diagram, undo);
    }
    m_latency->setScene(scene);
}

void DesignReview::findingsChanged()
{
    if (m_scene)
        m_scene->setFindings(m_rules->findings());
    const int errors = m_rules->count(Severity::Error);
    const int warnings = m_rules->count(Severity::Warning);
    const int infos = m_rules->count(Severity::Info);
    QStringList parts;
    if (errors)
        parts << countText(errors, tr("error"), tr("errors"));
    if (warnings)
        parts << countText(warnings, tr("warning"), tr("warnings"));
    if (parts.isEmpty() && infos)
        parts << countText(infos, tr("info"), tr("infos"));
    if (m_rules->isPending() && m_rules->findings().isEmpty())
        m_status->setText(tr("Checking…")); // a just-opened design, until its first check
    else
        m_status->setText(parts.isEmpty() ? tr("No problems") : parts.join(QStringLiteral(" · ")));
    m_status->setIcon(errors     ? FindingBadge::icon(Severity::Error)
                      : warnings ? FindingBadge::icon(Severity::Warning)
                      : infos    ? FindingBadge::icon(Severity::Info)
                                 : QIcon());
}

void DesignReview::followSelection()
{
    // Clicking a card or arrow with a badge shows its finding's explanation in the dock, unless
    // the finding shown already involves it (e.g. the dock just revealed it on the board).
    const QStringList components = m_scene->selectedComponentIds();
    const QStringList connections = m_scene->selectedConnectionIds();
    if (components.size() + connections.size() != 1)
        return;
    const QStringList ids = components + connections;
    const QString current = m_problems->currentKey();
    if (const Finding *f = m_rules->finding(current);
        f && (f->components().contains(ids.first()) || f->connections().contains(ids.first())))
        return;
    m_rules->flush();
    const QVector<Finding> on = m_rules->findingsOn(ids.first());
    for (const Finding &f : on) { // most severe first; prefer what the item's badge shows
        if (!f.waived() && FindingBadge::markerTarget(f) == ids.first()) {
            m_problems->selectFinding(f.key());
            return;
        }
    }
    if (!on.isEmpty())
        m_problems->selectFinding(on.first().key());
}

void DesignReview::showProblems()
{
    m_problemsDock->show();
    m_problemsDock->raise();
    m_problems->tree()->setFocus();
}

void DesignReview::addContextActions(QMenu *menu, const QString &itemId)
{
    if (itemId.isEmpty() || !m_rules->undoStack())
        return;
    m_rules->flush();
    const QVector<Finding> findings = m_rules->findingsOn(itemId);
    if (findings.isEmpty())
        return;
    menu->addSeparator();
    int shown = 0;
    for (const Finding &f : findings) {
        if (++shown > maxMenuFindings)
            break;
        if (f.waived()) {
            menu->addAction(FindingBadge::icon(f.severity(), true),
                            tr("Remove Waiver %1 (%2)").arg(f.rule(), f.title()), this,
                            [this, f] { m_rules->unwaive(f); });
        } else {
            QAction *a = menu->addAction(
                FindingBadge::icon(f.severity()), tr("Waive %1 (%2)…").arg(f.rule(), f.title()),
                this, [this, f, itemId] { m_problems->waiveInteractive(f, itemId); });
            a->setToolTip(f.message());
        }
    }
    menu->addAction(tr("Show in Problems"), this, [this, key = findings.first().key()] {
        showProblems();
        m_problems->selectFinding(key);
    });
}

} // namespace mls
