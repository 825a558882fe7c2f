// SPDX-License-Identifier: MIT
#include "FindingsFilter.h"

#include "FindingsModel.h"

namespace mls {

FindingsFilter::FindingsFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Rows stay in the rule engine's order (most severe, then diagram order).
    setDynamicSortFilter(false);
}

void FindingsFilter::setFindings(FindingsModel *model)
{
    m_findings = model;
    setSourceModel(model);
}

void FindingsFilter::setSeverityShown(Severity severity, bool shown)
{
    if (m_shown[int(severity)] == shown)
        return;
    m_shown[int(severity)] = shown;
    invalidateFilter();
}

void FindingsFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool FindingsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_findings)
        return true;
    using Kind = FindingsModel::RowKind;
    const QModelIndex index = m_findings->index(sourceRow, 0, sourceParent);
    switch (Kind(index.data(FindingsModel::RowKindRole).toInt())) {
    case Kind::Placeholder:
        return m_findings->isEmpty();
    case Kind::Section:
        return m_findings->rowCount(index) > 0;
    case Kind::Row:
        break;
    }
    if (const Finding *f = m_findings->findingAt(index)) {
        if (!m_shown[int(f->severity())])
            return false;
        return m_text.isEmpty() || f->message().contains(m_text, Qt::CaseInsensitive) ||
               f->rule().contains(m_text, Qt::CaseInsensitive) ||
               f->title().contains(m_text, Qt::CaseInsensitive);
    }
    // A note (stale waiver, rule pack): the severity toggles pass it.
    if (m_text.isEmpty())
        return true;
    return index.data().toString().contains(m_text, Qt::CaseInsensitive) ||
           index.siblingAtColumn(1).data().toString().contains(m_text, Qt::CaseInsensitive);
}

QVariant FindingsFilter::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    if (role == Qt::DisplayRole && index.column() == 0 && m_findings && source.isValid() &&
        source.data(FindingsModel::RowKindRole).toInt() == int(FindingsModel::RowKind::Section)) {
        const int total = m_findings->rowCount(source);
        const int shown = rowCount(index);
        const QString name = FindingsModel::sectionName(FindingsModel::Section(source.row()));
        return shown == total ? QStringLiteral("%1 (%2)").arg(name).arg(total)
                              : tr("%1 (%2 of %3 shown)").arg(name).arg(shown).arg(total);
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace mls
