// SPDX-License-Identifier: MIT
#include "FindingRows.h"

#include "Catalog.h"
#include "Diagram.h"
#include "rules/RuleController.h"

namespace mls {

FindingRows::Rows FindingRows::staleWaivers(const RuleController &rules)
{
    Rows rows;
    for (const StaleWaiver &w : rules.staleWaivers()) {
        const QString text =
            tr("%1 waived on %2 no longer applies (“%3”)")
                .arg(w.rule, QStringLiteral("“%1”").arg(placeName(rules.diagram(), w.item)),
                     w.reason);
        rows.push_back(FindingsModel::Row{
            w.item + QLatin1Char('|') + w.rule, text, w.rule, -1, true,
            tr("Nothing triggers this rule here any more: remove the waiver."), QString()});
    }
    return rows;
}

FindingRows::Rows FindingRows::packErrors(const QStringList &packErrors)
{
    Rows rows;
    for (const QString &e : packErrors)
        rows.push_back(
            FindingsModel::Row{e, e, QString(), int(Severity::Error), false, e, QString()});
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
