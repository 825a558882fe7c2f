// SPDX-License-Identifier: MIT
#include "Grader.h"

#include "Catalog.h"
#include "DesignGraph.h"
#include "DesignSteps.h"
#include "Diagram.h"
#include "PracticeState.h"
#include "RuleEngine.h"
#include "SlotMatching.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <optional>

namespace mls {

namespace {

QString kindNames(const QStringList &kinds)
{
    QStringList names;
    for (const QString &k : kinds)
        names << Catalog::builtin().kindLabel(k);
    return names.join(QStringLiteral(" or "));
}

QString pathText(const DesignGraph &g, const QVector<int> &path)
{
    QStringList names;
    for (int v : path)
        names << Catalog::builtin().kindLabel(g.kind(v));
    return names.join(QStringLiteral(" → "));
}

QString whereText(RoleSlot::Where w)
{
    switch (w) {
    case RoleSlot::Where::RequestPath:
        return QStringLiteral("on the request path");
    case RoleSlot::Where::ServesRequestPath:
        return QStringLiteral("on or behind the request path");
    case RoleSlot::Where::Connected:
        return QStringLiteral("connected");
    case RoleSlot::Where::Anywhere:
        break;
    }
    return QStringLiteral("on the board");
}

void judgeRoles(const DesignGraph &g, const SlotMatching &m, int index, const RubricItem &item,
                ItemResult &r)
{
    int strict = 0, loose = 0;
    QStringList missing, misplaced, found;
    for (int s = 0; s < item.roleSlots.size(); ++s) {
        const RoleSlot &slot = item.roleSlots[s];
        const auto [v, ok] = m.filler(index, s);
        if (v < 0) {
            missing << QStringLiteral("%1 (%2, %3)")
                           .arg(slot.name, kindNames(slot.kinds), whereText(slot.where));
            continue;
        }
        r.components << g.id(v);
        if (ok) {
            ++strict;
            found << QStringLiteral("%1: %2").arg(slot.name,
                                                  Catalog::builtin().kindLabel(g.kind(v)));
        } else {
            ++loose;
            misplaced << QStringLiteral("%1: the %2 is not %3")
                             .arg(slot.name, Catalog::builtin().kindLabel(g.kind(v)),
                                  whereText(slot.where));
        }
    }
    const int n = int(item.roleSlots.size());
    r.earned = strict == n ? item.points : item.points * (strict + 0.5 * loose) / n;
    r.status = strict == n ? ItemStatus::Met
                           : (strict + loose > 0 ? ItemStatus::Partial : ItemStatus::Missing);
    QStringList parts;
    if (!found.isEmpty())
        parts << found.join(QStringLiteral("; "));
    if (!misplaced.isEmpty())
        parts << misplaced.join(QStringLiteral("; "));
    if (!missing.isEmpty())
        parts << QStringLiteral("missing: ") + missing.join(QStringLiteral("; "));
    r.detail = parts.join(QStringLiteral(". "));
}

QString describeSpec(const FlowSpec &f)
{
    QString text = QStringLiteral("%1 to %2").arg(kindNames(f.from), kindNames(f.to));
    if (!f.firstFlow.isEmpty())
        text += QStringLiteral(", starting with %1").arg(f.firstFlow.join(QStringLiteral("/")));
    if (!f.lastFlow.isEmpty())
        text += QStringLiteral(", arriving as %1").arg(f.lastFlow.join(QStringLiteral("/")));
    if (!f.flows.isEmpty())
        text += QStringLiteral(", carrying only %1").arg(f.flows.join(QStringLiteral("/")));
    for (const QStringList &stop : f.through)
        text += QStringLiteral(", via a %1").arg(kindNames(stop));
    if (f.direct)
        text += QStringLiteral(", in one arrow");
    else if (!f.via.isEmpty())
        text += QStringLiteral(", with only %1 in between").arg(kindNames(f.via));
    return text;
}

void judgeFlow(const DesignGraph &g, const RubricItem &item, ItemResult &r)
{
    const FlowSpec &f = item.flow;
    const QVector<int> path = g.findPath(f);
    if (!path.isEmpty()) {
        r.status = ItemStatus::Met;
        r.earned = item.points;
        r.components = g.ids(path);
        r.detail = pathText(g, path);
        return;
    }
    if (!g.hasKind(f.from) || !g.hasKind(f.to)) {
        r.detail =
            QStringLiteral("no %1 on the board").arg(kindNames(g.hasKind(f.from) ? f.to : f.from));
        return;
    }
    const QVector<int> loose = g.findPath(f, false);
    if (!loose.isEmpty()) {
        r.status = ItemStatus::Partial;
        r.earned = item.points / 2;
        r.components = g.ids(loose);
        r.detail = QStringLiteral("%1 is connected, but not as asked: needs a path from %2")
                       .arg(pathText(g, loose), describeSpec(f));
        return;
    }
    r.detail = QStringLiteral("no path from %1").arg(describeSpec(f));
}

void judgeAntiPattern(const DesignGraph &g, const RubricItem &item, ItemResult &r)
{
    const QVector<int> path = g.findPath(item.flow);
    if (path.isEmpty()) {
        r.status = ItemStatus::Met;
        r.detail = QStringLiteral("avoided");
        return;
    }
    r.status = ItemStatus::Missing;
    r.earned = item.points;
    r.components = g.ids(path);
    r.detail = QStringLiteral("found: %1").arg(pathText(g, path));
}

void judgeSharedSource(const DesignGraph &g, const RubricItem &item, ItemResult &r)
{
    QVector<bool> reached(item.targets.size(), false);
    for (int v = 0; v < g.size(); ++v) {
        if (!item.sourceKinds.contains(g.kind(v)))
            continue;
        QVector<int> all{v};
        int count = 0;
        for (int t = 0; t < item.targets.size(); ++t) {
            const QVector<int> path =
                g.findPathFrom(v, item.targets[t].kinds, item.targets[t].lastFlow);
            if (path.isEmpty())
                continue;
            ++count;
            reached[t] = true;
            all += path;
        }
        if (count == item.targets.size()) {
            r.status = ItemStatus::Met;
            r.earned = item.points;
            r.components = g.ids(all);
            r.detail = QStringLiteral("one %1 feeds them all")
                           .arg(Catalog::builtin().kindLabel(g.kind(v)));
            return;
        }
    }
    QStringList targets;
    for (const SourceTarget &t : item.targets)
        targets << QStringLiteral("%1 (%2)").arg(kindNames(t.kinds),
                                                 t.lastFlow.join(QStringLiteral("/")));
    if (std::all_of(reached.begin(), reached.end(), [](bool b) { return b; })) {
        r.status = ItemStatus::Partial;
        r.earned = item.points / 2;
        r.detail = QStringLiteral("each of %1 is fed, but from different sources: no single %2 "
                                  "feeds them all")
                       .arg(targets.join(QStringLiteral(", ")), kindNames(item.sourceKinds));
        return;
    }
    r.detail = QStringLiteral("no single %1 feeds %2")
                   .arg(kindNames(item.sourceKinds), targets.join(QStringLiteral(" and ")));
}

void judgeNotes(const Diagram &d, const RubricItem &item, ItemResult &r)
{
    QString text;
    for (const auto &[step, note] : DesignSteps::of(d.meta())) {
        if (item.noteSteps.contains(step))
            text += note + QLatin1Char('\n');
    }
    text = text.trimmed();
    const QString lower = text.toLower();
    if (item.mentions.isEmpty()) {
        const bool full = text.size() >= item.minChars;
        r.status =
            full ? ItemStatus::Met : (text.isEmpty() ? ItemStatus::Missing : ItemStatus::Partial);
        r.earned = full ? item.points : (text.isEmpty() ? 0 : item.points / 2);
        r.detail = text.isEmpty() ? QStringLiteral("no notes for this step")
                                  : QStringLiteral("%1 characters of notes").arg(text.size());
        return;
    }
    QStringList missing;
    int found = 0;
    for (const QStringList &group : item.mentions) {
        const bool any = std::any_of(group.begin(), group.end(),
                                     [&](const QString &w) { return lower.contains(w); });
        found += any;
        if (!any)
            missing << group.constFirst();
    }
    const int n = int(item.mentions.size());
    r.earned = found == n ? item.points : item.points * found / n;
    r.status = found == n ? ItemStatus::Met : (found ? ItemStatus::Partial : ItemStatus::Missing);
    r.detail = text.isEmpty()      ? QStringLiteral("no notes for this step")
               : missing.isEmpty() ? QStringLiteral("the notes cover all %1 points").arg(n)
                                   : QStringLiteral("the notes do not mention: %1")
                                         .arg(missing.join(QStringLiteral(", ")));
}

void judgeLatency(const DesignGraph &g, const Diagram &d, const QVector<Finding> &findings,
                  const RubricItem &item, ItemResult &r)
{
    if (!g.hasRequestPath()) {
        r.detail = QStringLiteral("no request path: no client calls anything");
        return;
    }
    const double budget = d.meta().latencyBudgetMs;
    QStringList over;
    for (const Finding &f : findings) {
        if (f.rule() == QLatin1String("MLS-011") && !f.waived())
            over += f.components();
    }
    if (budget > 0 && budget <= item.maxMs && over.isEmpty()) {
        r.status = ItemStatus::Met;
        r.earned = item.points;
        r.detail = QStringLiteral("every request path fits the %1 ms budget").arg(budget);
        return;
    }
    r.status = ItemStatus::Partial;
    r.earned = item.points / 2;
    r.components = over;
    r.detail = budget <= 0 || budget > item.maxMs
                   ? QStringLiteral("the budget is %1 ms; the problem allows %2 ms")
                         .arg(budget)
                         .arg(item.maxMs)
                   : QStringLiteral("a request path is over the %1 ms budget").arg(budget);
}

void judgeRuleErrors(const QVector<Finding> &findings, const RubricItem &item, ItemResult &r)
{
    int errors = 0;
    for (const Finding &f : findings) {
        if (f.severity() != Severity::Error || f.waived())
            continue;
        ++errors;
        for (const QString &c : f.components()) {
            if (!r.components.contains(c))
                r.components << c;
        }
    }
    r.status = errors ? ItemStatus::Missing : ItemStatus::Met;
    r.earned = -std::min(-item.points, errors * item.perError);
    r.detail = errors ? (errors == 1
                             ? QStringLiteral("1 rule error (see the Problems dock)")
                             : QStringLiteral("%1 rule errors (see the Problems dock)").arg(errors))
                      : QStringLiteral("no rule errors");
}

bool needsRules(const Problem &p)
{
    return std::any_of(p.items.begin(), p.items.end(), [](const RubricItem &i) {
        return i.type == RubricItem::Type::RuleErrors || i.type == RubricItem::Type::LatencyBudget;
    });
}

} // namespace

QString itemStatusName(ItemStatus s)
{
    switch (s) {
    case ItemStatus::Met:
        return QStringLiteral("met");
    case ItemStatus::Partial:
        return QStringLiteral("partial");
    case ItemStatus::Missing:
        break;
    }
    return QStringLiteral("missing");
}

const ItemResult *Grade::item(const QString &itemId) const
{
    for (const ItemResult &r : items) {
        if (r.id == itemId)
            return &r;
    }
    return nullptr;
}

Grade Grader::grade(const Diagram &d, const Problem &p, const QStringList &hinted)
{
    const DesignGraph g(d);
    const SlotMatching matching(g, p);
    QVector<Finding> findings;
    if (needsRules(p)) {
        RuleEngine engine;
        findings = engine.check(d);
    }
    Grade grade;
    grade.problem = p.id;
    grade.max = p.maxPoints();
    for (int i = 0; i < p.items.size(); ++i) {
        const RubricItem &item = p.items[i];
        ItemResult r;
        r.id = item.id;
        r.step = item.step;
        r.title = item.title;
        r.points = item.points;
        r.hint = item.hint;
        r.why = item.why;
        r.penalty = item.isPenalty();
        switch (item.type) {
        case RubricItem::Type::Roles:
            judgeRoles(g, matching, i, item, r);
            break;
        case RubricItem::Type::Flow:
            judgeFlow(g, item, r);
            break;
        case RubricItem::Type::SharedSource:
            judgeSharedSource(g, item, r);
            break;
        case RubricItem::Type::Notes:
            judgeNotes(d, item, r);
            break;
        case RubricItem::Type::LatencyBudget:
            judgeLatency(g, d, findings, item, r);
            break;
        case RubricItem::Type::RuleErrors:
            judgeRuleErrors(findings, item, r);
            break;
        case RubricItem::Type::AntiPattern:
            judgeAntiPattern(g, item, r);
            break;
        }
        if (!r.penalty && hinted.contains(item.id)) {
            r.hinted = true;
            r.earned = 0;
        }
        grade.earned += r.earned;
        grade.items.push_back(r);
    }
    for (const QString &step : DesignSteps::ids()) {
        StepResult s{step, DesignSteps::title(step), 0, 0};
        for (const ItemResult &r : std::as_const(grade.items)) {
            if (r.step != step)
                continue;
            s.earned += r.earned;
            s.max += std::max(0.0, r.points);
        }
        s.earned = std::max(0.0, s.earned);
        grade.steps.push_back(s);
    }
    const double ratio = grade.max > 0 ? std::clamp(grade.earned / grade.max, 0.0, 1.0) : 0.0;
    grade.score = int(std::floor(ratio * 100 + 0.5));
    return grade;
}

Grade Grader::gradeAttempt(const Diagram &d, const Problem &p)
{
    const std::optional<PracticeState> state = PracticeState::of(d.meta());
    return grade(d, p, state && state->problem == p.id ? state->hints : QStringList());
}

const RubricItem *Grader::nextHint(const Grade &g, const Problem &p)
{
    for (const RubricItem &item : p.items) {
        if (item.isPenalty())
            continue;
        const ItemResult *r = g.item(item.id);
        if (r && r->status != ItemStatus::Met && !r->hinted)
            return &item;
    }
    return nullptr;
}

QByteArray Grader::toJson(const Grade &g)
{
    auto round1 = [](double v) { return std::round(v * 10) / 10; };
    QJsonArray steps;
    for (const StepResult &s : g.steps)
        steps.append(QJsonObject{{"id", s.id},
                                 {"title", s.title},
                                 {"earned", round1(s.earned)},
                                 {"max", round1(s.max)}});
    QJsonArray items;
    for (const ItemResult &r : g.items)
        items.append(QJsonObject{{"id", r.id},
                                 {"step", r.step},
                                 {"title", r.title},
                                 {"points", round1(r.points)},
                                 {"earned", round1(r.earned)},
                                 {"status", itemStatusName(r.status)},
                                 {"hint", r.hint},
                                 {"why", r.why},
                                 {"detail", r.detail},
                                 {"hinted", r.hinted},
                                 {"penalty", r.penalty},
                                 {"components", QJsonArray::fromStringList(r.components)}});
    const QJsonObject root{
        {"against", g.problem}, {"score", g.score}, {"steps", steps}, {"items", items}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString Grader::toText(const Grade &g)
{
    auto num = [](double v) { return QString::number(std::round(v * 10) / 10, 'g', 4); };
    QString text = QStringLiteral("score %1/100 against %2\n").arg(g.score).arg(g.problem);
    for (const StepResult &s : g.steps)
        text += QStringLiteral("  %1: %2/%3\n").arg(s.title, num(s.earned), num(s.max));
    for (const ItemResult &r : g.items) {
        text += QStringLiteral("%1 %2 [%3] %4/%5: %6%7\n")
                    .arg(itemStatusName(r.status).leftJustified(7), r.id, r.step, num(r.earned),
                         num(r.points), r.detail,
                         r.hinted ? QStringLiteral(" (hint taken)") : QString());
    }
    return text;
}

} // namespace mls
