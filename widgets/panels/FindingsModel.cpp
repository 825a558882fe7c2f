// SPDX-License-Identifier: MIT
#include "FindingsModel.h"

#include "canvas/FindingBadge.h"

#include <QFont>

namespace mls {

namespace {
constexpr int placeholderRow = FindingsModel::sectionCount; ///< the top-level row after them
}

FindingsModel::FindingsModel(QObject *parent) : QAbstractItemModel(parent) {}

QString FindingsModel::sectionName(Section section)
{
    switch (section) {
    case Section::Errors:
        return tr("Errors");
    case Section::Warnings:
        return tr("Warnings");
    case Section::Infos:
        return tr("Infos");
    case Section::Waived:
        return tr("Waived");
    case Section::StaleWaivers:
        return tr("Stale waivers");
    case Section::RulePacks:
        return tr("Rule packs not loaded");
    }
    return {};
}

QString FindingsModel::sectionKey(Section section)
{
    return QStringLiteral("#section:%1").arg(int(section));
}

bool FindingsModel::setRows(Section section, const QVector<Row> &rows)
{
    QVector<Row> &old = m_rows[int(section)];
    const QModelIndex parent = sectionIndex(section);
    bool same = old.size() == rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = old[i].key == rows[i].key;
    if (!same) {
        const bool wasEmpty = isEmpty();
        if (!old.isEmpty()) {
            beginRemoveRows(parent, 0, int(old.size()) - 1);
            old.clear();
            endRemoveRows();
        }
        if (!rows.isEmpty()) {
            beginInsertRows(parent, 0, int(rows.size()) - 1);
            old = rows;
            endInsertRows();
        }
        if (wasEmpty != isEmpty())
            emit dataChanged(placeholderIndex(), placeholderIndex());
        emit dataChanged(parent, sectionIndex(section, 1)); // its count
        return true;
    }
    // Same rows: only texts, icons (a severity override) and tooltips can differ.
    int first = -1, last = -1;
    for (int i = 0; i < rows.size(); ++i) {
        const Row &a = old[i];
        const Row &b = rows[i];
        if (a.text != b.text || a.rule != b.rule || a.severity != b.severity ||
            a.muted != b.muted || a.toolTip != b.toolTip || a.title != b.title) {
            old[i] = b;
            first = first < 0 ? i : first;
            last = i;
        }
    }
    if (first >= 0)
        emit dataChanged(index(first, 0, parent), index(last, 1, parent));
    return first >= 0;
}

bool FindingsModel::isEmpty() const
{
    for (const QVector<Row> &rows : m_rows) {
        if (!rows.isEmpty())
            return false;
    }
    return true;
}

QModelIndex FindingsModel::sectionIndex(Section section, int column) const
{
    return createIndex(int(section), column, quintptr(0));
}

QModelIndex FindingsModel::placeholderIndex() const
{
    return createIndex(placeholderRow, 0, quintptr(0));
}

QModelIndex FindingsModel::indexOfKey(const QString &key) const
{
    if (key.isEmpty())
        return {};
    for (int s = 0; s < sectionCount; ++s) {
        if (key == sectionKey(Section(s)))
            return sectionIndex(Section(s));
        const QVector<Row> &rows = m_rows[s];
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i].key == key)
                return createIndex(i, 0, quintptr(s + 1));
        }
    }
    return {};
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= 2 || row < 0)
        return {};
    if (!parent.isValid())
        return row <= placeholderRow ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= sectionCount ||
        row >= m_rows[parent.row()].size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex FindingsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return placeholderRow + 1;
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= sectionCount)
        return 0;
    return int(m_rows[parent.row()].size());
}

int FindingsModel::columnCount(const QModelIndex &) const
{
    return 2;
}

Qt::ItemFlags FindingsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == 0) // headers and the placeholder: current, never selected
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() != 0) {
        const auto section = Section(index.internalId() - 1);
        return rowData(m_rows[int(section)][index.row()], section, index.column(), role);
    }
    if (index.row() == placeholderRow) {
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("No problems: the design passes every rule.");
        return role == RowKindRole ? QVariant(int(RowKind::Placeholder)) : QVariant();
    }
    const auto section = Section(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? QStringLiteral("%1 (%2)")
                                         .arg(sectionName(section))
                                         .arg(m_rows[index.row()].size())
                                   : QVariant();
    case Qt::FontRole: {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case KeyRole:
        return sectionKey(section);
    case SectionRole:
        return int(section);
    case SeverityRole:
        return -1;
    case RowKindRole:
        return int(RowKind::Section);
    default:
        return {};
    }
}

QVariant FindingsModel::rowData(const Row &row, Section section, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == 0 ? row.text : row.rule;
    case Qt::DecorationRole:
        return column == 0 && row.severity >= 0
                   ? QVariant(FindingBadge::icon(Severity(row.severity), row.muted))
                   : QVariant();
    case Qt::ToolTipRole:
        return row.toolTip.isEmpty() ? QVariant() : QVariant(row.toolTip);
    case KeyRole:
        return row.key;
    case SectionRole:
        return int(section);
    case SeverityRole:
        return row.severity;
    case TitleRole:
        return row.title;
    case RowKindRole:
        return int(RowKind::Row);
    default:
        return {};
    }
}

} // namespace mls
