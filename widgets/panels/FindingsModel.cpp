// SPDX-License-Identifier: MIT
#include "FindingsModel.h"

#include "canvas/FindingBadge.h"
#include "rules/RuleController.h"

#include <QFont>

#include <algorithm>

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

FindingsModel::Section FindingsModel::sectionOf(const Finding &f)
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

QString FindingsModel::sectionKey(Section section)
{
    return QStringLiteral("#section:%1").arg(int(section));
}

template <typename Apply> bool FindingsModel::resize(Section section, int rows, Apply apply)
{
    const int old = count(section);
    if (old == rows) {
        apply();
        return false;
    }
    const QModelIndex parent = sectionIndex(section);
    const bool wasEmpty = isEmpty();
    if (old > 0) {
        beginRemoveRows(parent, 0, old - 1);
        m_findings[int(section)].clear();
        m_notes[int(section)].clear();
        endRemoveRows();
    }
    if (rows > 0) {
        beginInsertRows(parent, 0, rows - 1);
        apply();
        endInsertRows();
    } else {
        apply();
    }
    if (wasEmpty != isEmpty())
        emit dataChanged(placeholderIndex(), placeholderIndex());
    emit dataChanged(parent, sectionIndex(section, 1)); // its count
    return true;
}

bool FindingsModel::setFindings(const RuleController *rules)
{
    const quint64 generation = rules ? rules->generation() : 0;
    if (rules == m_rules && generation == m_generation)
        return false; // the same result, listed already
    QVector<int> next[sectionCount];
    if (rules) {
        // Counted first: each section's indexes take what they need and no more.
        const QVector<Finding> &list = rules->findings();
        int sizes[sectionCount] = {};
        for (const Finding &f : list)
            ++sizes[int(sectionOf(f))];
        for (int s = 0; s < sectionCount; ++s)
            next[s].reserve(sizes[s]);
        for (int i = 0; i < list.size(); ++i)
            next[int(sectionOf(list[i]))].push_back(i);
    }
    // The new indexes hold from here on: rows inserted below are read (filtered) at once.
    m_rules = rules;
    m_generation = generation;
    bool changed = false;
    for (int s = 0; s < sectionCount; ++s) {
        const auto section = Section(s);
        if (!holdsFindings(section))
            continue;
        const int rows = int(next[s].size());
        if (resize(section, rows, [&] { m_findings[s] = std::move(next[s]); })) {
            changed = true;
        } else if (rows > 0) {
            // Another result with as many rows: they may all be other findings now.
            const QModelIndex parent = sectionIndex(section);
            emit dataChanged(index(0, 0, parent), index(rows - 1, 1, parent));
            changed = true;
        }
    }
    return changed;
}

bool FindingsModel::setRows(Section section, const QVector<Row> &rows)
{
    if (holdsFindings(section))
        return false;
    QVector<Row> &old = m_notes[int(section)];
    bool same = old.size() == rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = old[i].key == rows[i].key;
    if (!same)
        return resize(section, int(rows.size()), [&] { old = rows; });
    // Same rows: only texts, icons and tooltips can differ.
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
    const QModelIndex parent = sectionIndex(section);
    if (first >= 0)
        emit dataChanged(index(first, 0, parent), index(last, 1, parent));
    return first >= 0;
}

QVector<FindingsModel::Row> FindingsModel::rows(Section section) const
{
    if (!holdsFindings(section))
        return m_notes[int(section)];
    QVector<Row> rows;
    const int n = count(section);
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
        if (const Finding *f = finding(section, i))
            rows.push_back(Row{f->key(), f->message(), f->rule(), int(f->severity()), f->waived(),
                               QString(), f->title()});
    }
    return rows;
}

int FindingsModel::count(Section section) const
{
    return int(holdsFindings(section) ? m_findings[int(section)].size()
                                      : m_notes[int(section)].size());
}

bool FindingsModel::isEmpty() const
{
    for (int s = 0; s < sectionCount; ++s) {
        if (count(Section(s)) > 0)
            return false;
    }
    return true;
}

const Finding *FindingsModel::finding(Section section, int row) const
{
    if (!m_rules || m_rules->generation() != m_generation || !holdsFindings(section))
        return nullptr;
    const QVector<int> &indexes = m_findings[int(section)];
    if (row < 0 || row >= indexes.size())
        return nullptr;
    const QVector<Finding> &list = m_rules->findings();
    const int i = indexes[row];
    return i < list.size() ? &list[i] : nullptr;
}

const Finding *FindingsModel::findingAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    return finding(Section(index.internalId() - 1), index.row());
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
        const QVector<Row> &rows = m_notes[s];
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i].key == key)
                return createIndex(i, 0, quintptr(s + 1));
        }
    }
    if (!m_rules || m_rules->generation() != m_generation)
        return {};
    // The finding's place in the controller's list, then its row: each section's indexes are
    // ascending.
    const int at = m_rules->indexOf(key);
    if (at < 0)
        return {};
    const int s = int(sectionOf(m_rules->findings()[at]));
    const QVector<int> &indexes = m_findings[s];
    const auto row = std::lower_bound(indexes.begin(), indexes.end(), at);
    if (row == indexes.end() || *row != at)
        return {};
    return createIndex(int(row - indexes.begin()), 0, quintptr(s + 1));
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= 2 || row < 0)
        return {};
    if (!parent.isValid())
        return row <= placeholderRow ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= sectionCount ||
        row >= count(Section(parent.row())))
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
    return count(Section(parent.row()));
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
        if (!holdsFindings(section))
            return rowData(m_notes[int(section)][index.row()], section, index.column(), role);
        if (const Finding *f = finding(section, index.row()))
            return findingData(*f, section, index.column(), role);
        // A result not listed yet: only what the row is.
        return role == SectionRole   ? QVariant(int(section))
               : role == RowKindRole ? QVariant(int(RowKind::Row))
                                     : QVariant();
    }
    if (index.row() == placeholderRow) {
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("No problems: the design passes every rule.");
        return role == RowKindRole ? QVariant(int(RowKind::Placeholder)) : QVariant();
    }
    const auto section = Section(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0
                   ? QStringLiteral("%1 (%2)").arg(sectionName(section)).arg(count(section))
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

QVariant FindingsModel::findingData(const Finding &f, Section section, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == 0 ? f.message() : f.rule();
    case Qt::DecorationRole:
        return column == 0 ? QVariant(FindingBadge::icon(f.severity(), f.waived())) : QVariant();
    case KeyRole:
        return f.key();
    case SectionRole:
        return int(section);
    case SeverityRole:
        return int(f.severity());
    case TitleRole:
        return f.title();
    case RowKindRole:
        return int(RowKind::Row);
    default:
        // No tooltip: the detail pane says it all.
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
