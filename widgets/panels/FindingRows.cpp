// SPDX-License-Identifier: MIT
#include "FindingRows.h"

#include "Catalog.h"
#include "Diagram.h"
#include "rules/RuleController.h"

namespace mls {

namespace {

using Section = FindingsModel::Section;

Section sectionOf(const Finding &f)
{
    if (f.waived())
        return Section::Waived;
    switch (f.severity()) {
    case Severity::Error:
        return Section::Errors;
    case Severity::Warning:
        return Section::Warnings;
    case Severity::Info:
        break;
    }
    return Section::Infos;
}

} // namespace

FindingRows::Rows FindingRows::of(const RuleController &rules, const QStringList &packErrors)
{
    using Row = FindingsModel::Row;
    Rows rows;
    const QVector<Finding> &findings = rules.findings();
    const QStringList &keys = rules.keys();
    for (int i = 0; i < findings.size(); ++i) {
        const Finding &f = findings[i];
        // No tooltip: the detail pane says it all, and tens of thousands of them cost.
        rows[int(sectionOf(f))].push_back(Row{keys[i], f.message(), f.rule(), int(f.severity()),
                                              f.waived(), QString(), f.title()});
    }
    for (const StaleWaiver &w : rules.staleWaivers()) {
        const QString text =
            tr("%1 waived on %2 no longer applies (“%3”)")
                .arg(w.rule, QStringLiteral("“%1”").arg(placeName(rules.diagram(), w.item)),
                     w.reason);
        rows[int(Section::StaleWaivers)].push_back(
            Row{w.item + QLatin1Char('|') + w.rule, text, w.rule, -1, true,
                tr("Nothing triggers this rule here any more: remove the waiver."), QString()});
    }
    for (const QString &e : packErrors)
        rows[int(Section::RulePacks)].push_back(
            Row{e, e, QString(), int(Severity::Error), false, e, QString()});
    return rows;
}

QString FindingRows::placeName(const Diagram *diagram, const QString &id)
{
    if (const Component *c = diagram ? diagram->component(id) : nullptr)
        return Catalog::builtin().displayName(*c);
    if (const Connection *c = diagram ? diagram->connection(id) : nullptr)
        return tr("%1 → %2").arg(placeName(diagram, c->from), placeName(diagram, c->to));
    return id;
}

} // namespace mls
