// SPDX-License-Identifier: MIT
#include "ReorderComponentsCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../Diagram.h"
#include "CommandIds.h"

#include <algorithm>

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::ReorderComponentsCommand", text, nullptr, n);
}
} // namespace

ReorderComponentsCommand::ReorderComponentsCommand(Diagram *diagram, const QStringList &ids,
                                                   Where where, QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram), m_where(where)
{
    QVector<QPair<int, QString>> placed;
    for (const QString &id : ids) {
        const int i = diagram->componentIndex(id);
        if (i >= 0)
            placed.append({i, id});
    }
    std::sort(placed.begin(), placed.end());
    placed.erase(std::unique(placed.begin(), placed.end()), placed.end());
    for (const auto &p : placed) {
        m_before.append(p.first);
        m_ids.append(p.second);
    }
    const int n = int(m_ids.size());
    setText(sourcePlural(where == Where::Front ? tr("Bring %n component(s) to front", n)
                                               : tr("Send %n component(s) to back", n),
                         n));
    // Already in place: the selection occupies the end (front) or the start (back).
    const int total = int(diagram->components().size());
    bool inPlace = true;
    for (int k = 0; k < n; ++k)
        inPlace = inPlace && m_before[k] == (where == Where::Front ? total - n + k : k);
    if (n == 0 || inPlace)
        setObsolete(true);
}

void ReorderComponentsCommand::redo()
{
    const int total = int(m_diagram->components().size());
    const int n = int(m_ids.size());
    // Relative order among the moved components is kept.
    for (int k = 0; k < n; ++k) {
        if (m_where == Where::Front)
            m_diagram->reorderComponent(m_ids[k], total - 1);
        else
            m_diagram->reorderComponent(m_ids[k], k);
    }
}

void ReorderComponentsCommand::undo()
{
    // Front: the moved block sits at the end, so restoring lowest index first leaves every
    // later target unaffected; Back: the block sits at the start, so restore highest first.
    const int n = int(m_ids.size());
    for (int j = 0; j < n; ++j) {
        const int k = m_where == Where::Front ? j : n - 1 - j;
        m_diagram->reorderComponent(m_ids[k], m_before[k]);
    }
}

} // namespace mls
