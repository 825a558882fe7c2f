// SPDX-License-Identifier: MIT
#include "RuleController.h"

#include "Diagram.h"
#include "Logging.h"
#include "RuleChecks.h"
#include "commands/EditComponentCommand.h"
#include "commands/EditConnectionCommand.h"

#include <QDir>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <iterator>
#include <memory>

namespace mls {

namespace {
/// Re-checks that took longer than this wait a little for the next edit, so typing in the
/// inspector on a large diagram coalesces into one re-check instead of stalling every key.
constexpr double slowCheckMs = 8;
constexpr int slowCheckDelayMs = 150;
} // namespace

RuleController::RuleController(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &RuleController::run);
}

bool RuleController::loadPack(const QString &path, QString *error)
{
    if (!m_engine.loadPack(path, error))
        return false;
    touchAll();
    return true;
}

QStringList RuleController::loadPacksFrom(const QString &dir)
{
    QStringList errors;
    const QDir folder(dir);
    const QStringList files = folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QString error;
        if (!loadPack(folder.filePath(name), &error)) {
            qCWarning(lcWidgets) << "rule pack refused:" << error;
            errors << error;
        }
    }
    return errors;
}

void RuleController::setDocument(Diagram *diagram, QUndoStack *undo, FirstCheck first)
{
    if (m_diagram)
        disconnect(m_diagram, nullptr, this, nullptr);
    m_diagram = diagram;
    m_undo = undo;
    m_timer.stop();
    m_components.clear();
    m_connections.clear();
    m_full = true;
    if (diagram) {
        connect(diagram, &Diagram::componentAdded, this, &RuleController::touchComponent);
        connect(diagram, &Diagram::componentRemoved, this, &RuleController::touchComponent);
        connect(diagram, &Diagram::componentChanged, this, &RuleController::touchComponent);
        connect(diagram, &Diagram::connectionAdded, this, &RuleController::touchConnection);
        connect(diagram, &Diagram::connectionRemoved, this, &RuleController::touchConnection);
        connect(diagram, &Diagram::connectionChanged, this, &RuleController::touchConnection);
        // Budget and severity overrides change findings anywhere.
        connect(diagram, &Diagram::metaChanged, this, &RuleController::touchAll);
    }
    if (first == FirstCheck::Now || !diagram) {
        run();
        return;
    }
    // Nothing found yet: the old diagram's findings must not show on the new one.
    m_deferred = true;
    publish({});
    Q_EMIT findingsChanged();
}

void RuleController::touchComponent(const QString &id)
{
    m_components.insert(id);
    schedule();
}

void RuleController::touchConnection(const QString &id)
{
    m_connections.insert(id);
    schedule();
}

void RuleController::touchAll()
{
    m_full = true;
    schedule();
}

void RuleController::schedule()
{
    if (!m_timer.isActive()) {
        m_timer.setInterval(m_lastCheckMs > slowCheckMs ? slowCheckDelayMs : 0);
        m_timer.start();
    }
}

void RuleController::flush()
{
    if (isPending()) {
        m_timer.stop();
        run();
    }
}

void RuleController::run()
{
    m_timer.stop();
    m_deferred = false;
    if (!m_diagram) {
        m_full = false;
        publish({});
        Q_EMIT findingsChanged();
        return;
    }
    QElapsedTimer clock;
    clock.start();
    // The list is the engine's, shared: let go of it first, so the engine changes it in place
    // instead of copying it for this controller.
    m_findings = {};
    if (m_full) {
        m_engine.check(*m_diagram);
    } else {
        m_engine.recheck(*m_diagram, QStringList(m_components.begin(), m_components.end()),
                         QStringList(m_connections.begin(), m_connections.end()));
    }
    m_full = false;
    m_components.clear();
    m_connections.clear();
    // The keys come with the sort; nothing here keeps them (indexOf() builds the few it needs).
    QStringList keys;
    QVector<Finding> sorted = m_engine.sortedFindings(&keys);
    keys = {};
    publish(std::move(sorted));
    m_lastCheckMs = clock.nsecsElapsed() / 1e6;
    Q_EMIT findingsChanged();
}

void RuleController::publish(QVector<Finding> findings)
{
    // Sorted by the engine (RuleEngine::sort's order), and shared with it.
    m_findings = std::move(findings);
    ++m_generation;
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    m_waived = 0;
    for (const Finding &f : std::as_const(m_findings)) {
        if (f.waived())
            ++m_waived;
        else
            ++m_counts[int(f.severity())];
    }
    m_staleValid = false;
    m_pathsValid = false;
}

int RuleController::indexOf(const QString &key) const
{
    // findings() is in RuleEngine::sort's order: most severe first, then rule id, then key. A
    // key starts with its rule id and a '|'; the id may hold a '|' of a custom pack's own, so
    // each prefix ending before one is tried as the rule.
    for (qsizetype bar = key.indexOf(QLatin1Char('|')); bar >= 0;
         bar = key.indexOf(QLatin1Char('|'), bar + 1)) {
        const QString rule = key.left(bar);
        for (const Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
            const auto before = [&](const Finding &f, const QString &k) {
                if (f.severity() != s)
                    return f.severity() > s;
                if (f.rule() != rule)
                    return f.rule() < rule;
                return f.key() < k;
            };
            const auto at = std::lower_bound(m_findings.begin(), m_findings.end(), key, before);
            if (at != m_findings.end() && at->severity() == s && at->rule() == rule &&
                at->key() == key)
                return int(at - m_findings.begin());
        }
    }
    return -1;
}

const Finding *RuleController::finding(const QString &key) const
{
    const int i = indexOf(key);
    return i >= 0 ? &m_findings[i] : nullptr;
}

QVector<Finding> RuleController::findingsOn(const QString &itemId) const
{
    QVector<Finding> result;
    for (const Finding &f : m_findings) {
        if (f.components().contains(itemId) || f.connections().contains(itemId))
            result << f;
    }
    return result;
}

int RuleController::count(Severity severity) const
{
    return m_counts[int(severity)];
}

int RuleController::waivedCount() const
{
    return m_waived;
}

const QVector<StaleWaiver> &RuleController::staleWaivers() const
{
    if (!m_staleValid) {
        // Most boards carry no waiver at all: skip the engine's pass over every finding.
        bool anyWaiver = false;
        if (m_diagram) {
            for (const Component &c : m_diagram->components())
                anyWaiver = anyWaiver || !c.waivers.isEmpty();
            for (const Connection &c : m_diagram->connections())
                anyWaiver = anyWaiver || !c.waivers.isEmpty();
        }
        m_stale = anyWaiver ? m_engine.staleWaivers(*m_diagram) : QVector<StaleWaiver>();
        m_staleValid = true;
    }
    return m_stale;
}

const QVector<LatencyPath> &RuleController::latencyPaths() const
{
    if (!m_pathsValid) {
        m_paths = m_diagram ? LatencyAnalysis::analyze(*m_diagram) : QVector<LatencyPath>();
        m_pathsValid = true;
    }
    return m_paths;
}

QString RuleController::waiverTarget(const Finding &f) const
{
    const Rule *rule = m_engine.rule(f.rule());
    const CheckType *check = rule ? findCheck(rule->check) : nullptr;
    if (check && check->connection && !f.connections().isEmpty())
        return f.connections().constFirst();
    return f.components().isEmpty() ? f.connections().value(0) : f.components().constFirst();
}

QVector<Waiver> RuleController::waiversOf(const QString &item) const
{
    if (const Component *c = m_diagram->component(item))
        return c->waivers;
    if (const Connection *c = m_diagram->connection(item))
        return c->waivers;
    return {};
}

void RuleController::addWaiverEdit(const QString &item, const QVector<Waiver> &waivers,
                                   QUndoCommand *parent) const
{
    if (const Component *c = m_diagram->component(item)) {
        Component after = *c;
        after.waivers = waivers;
        new EditComponentCommand(m_diagram, after, EditComponentCommand::Field::Waivers, parent);
    } else if (const Connection *c = m_diagram->connection(item)) {
        Connection after = *c;
        after.waivers = waivers;
        new EditConnectionCommand(m_diagram, after, EditConnectionCommand::Field::Waivers, parent);
    }
}

bool RuleController::waive(const Finding &f, const QString &reason, const QString &item)
{
    if (!m_diagram || !m_undo || reason.trimmed().isEmpty())
        return false;
    const QString target = item.isEmpty() ? waiverTarget(f) : item;
    if (!m_diagram->component(target) && !m_diagram->connection(target))
        return false;
    // One waiver per rule and item: a new reason replaces the old one.
    QVector<Waiver> waivers = waiversOf(target);
    waivers.erase(std::remove_if(waivers.begin(), waivers.end(),
                                 [&](const Waiver &w) { return w.rule == f.rule(); }),
                  waivers.end());
    Waiver w;
    w.rule = f.rule();
    w.reason = reason.trimmed();
    waivers.push_back(w);
    // The edit sits inside a parent command: waiver edits are deliberate steps and must not
    // merge with the previous edit of the same item, as typed text does.
    auto *cmd = new QUndoCommand(tr("Waive %1").arg(f.rule()));
    addWaiverEdit(target, waivers, cmd);
    m_undo->push(cmd);
    return true;
}

bool RuleController::removeWaivers(const QStringList &items, const QString &rule)
{
    if (!m_diagram || !m_undo)
        return false;
    auto cmd = std::make_unique<QUndoCommand>(tr("Remove waiver %1").arg(rule));
    for (const QString &id : items) {
        QVector<Waiver> waivers = waiversOf(id);
        const auto kept = std::remove_if(waivers.begin(), waivers.end(),
                                         [&](const Waiver &w) { return w.rule == rule; });
        if (kept == waivers.end())
            continue;
        waivers.erase(kept, waivers.end());
        addWaiverEdit(id, waivers, cmd.get());
    }
    if (cmd->childCount() == 0)
        return false;
    m_undo->push(cmd.release());
    return true;
}

bool RuleController::unwaive(const Finding &f)
{
    return removeWaivers(f.ids(), f.rule());
}

bool RuleController::removeWaiver(const QString &item, const QString &rule)
{
    return removeWaivers({item}, rule);
}

} // namespace mls
