// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QVector>

namespace mls {

/// The Problems dock's rows: six sections (findings by severity, waived findings, stale
/// waivers, rule packs that failed to load), each holding its rows, and a placeholder row that
/// says the design passes when there is nothing at all. Two columns: the text and the rule id.
///
/// Rows are identified by their key (Finding::key(), "item|rule" for a stale waiver), so a
/// re-check that lists the same rows in the same order changes texts in place and the view
/// keeps its selection.
class FindingsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Section
    {
        Errors,
        Warnings,
        Infos,
        Waived,
        StaleWaivers,
        RulePacks
    };
    static constexpr int sectionCount = 6;

    enum Role
    {
        KeyRole = Qt::UserRole, ///< row key; a section's is "#section:N"
        SectionRole,            ///< the Section of the row (or of the section header)
        SeverityRole,           ///< the row's Severity, -1 for none
        TitleRole,              ///< the finding's rule title (the text filter reads it too)
        RowKindRole,            ///< a RowKind
    };
    enum class RowKind
    {
        Section,
        Row,
        Placeholder
    };

    struct Row
    {
        QString key;
        QString text;
        QString rule;
        int severity = -1; ///< Severity, or -1 for a row without one
        bool muted = false;
        QString toolTip;
        QString title;
    };

    explicit FindingsModel(QObject *parent = nullptr);

    static QString sectionName(Section section);
    /// Replaces the rows of @p section; rows with the same keys in the same order are updated
    /// in place, so the view keeps its current row. Returns whether anything changed.
    bool setRows(Section section, const QVector<Row> &rows);
    const QVector<Row> &rows(Section section) const { return m_rows[int(section)]; }
    bool isEmpty() const;

    QModelIndex sectionIndex(Section section, int column = 0) const;
    QModelIndex placeholderIndex() const;
    /// The index of the row (or section header) with @p key, or an invalid one.
    QModelIndex indexOfKey(const QString &key) const;
    static QString sectionKey(Section section);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QVariant rowData(const Row &row, Section section, int column, int role) const;

    /// Internal id of an index: 0 for top-level rows, section + 1 for a section's rows.
    QVector<Row> m_rows[sectionCount];
};

} // namespace mls
