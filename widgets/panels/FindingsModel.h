// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QAbstractItemModel>
#include <QVector>

namespace mls {

class RuleController;

/// The Problems dock's rows: six sections (findings by severity, waived findings, stale
/// waivers, rule packs that failed to load), each holding its rows, and a placeholder row that
/// says the design passes when there is nothing at all. Two columns: the text and the rule id.
///
/// The finding sections copy nothing of a finding: a row is an index into the rule
/// controller's list, and data() answers from that finding (its key only when asked). The two
/// note sections (stale waivers, rule packs) are few rows kept as text. Rows are identified by
/// their key (Finding::key(), "item|rule" for a stale waiver), so the view finds its current
/// row again after a re-check.
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

    /// A row as text: how the note sections keep theirs, and what rows() builds of any row.
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
    /// The section a finding is listed in: Waived when waived, else by its severity.
    static Section sectionOf(const Finding &finding);
    /// Errors, Warnings, Infos and Waived list findings; the other two list notes.
    static bool holdsFindings(Section section) { return int(section) <= int(Section::Waived); }

    /// Lists the findings of @p rules (may be null) in the finding sections, read by index
    /// from its list until its next result. A section whose row count changes is rebuilt; one
    /// that keeps its count is announced as changed in place (its rows are new findings), so
    /// the view keeps its scroll position. Returns whether anything changed.
    bool setFindings(const RuleController *rules);
    /// Replaces the rows of a note section; rows with the same keys in the same order are
    /// updated in place. Returns whether anything changed. Refuses a finding section.
    bool setRows(Section section, const QVector<Row> &rows);
    /// The rows of @p section as text, built when asked (a finding's row by its finding).
    QVector<Row> rows(Section section) const;
    /// How many rows @p section has.
    int count(Section section) const;
    bool isEmpty() const;
    /// The finding a row of a finding section shows; nullptr for any other index, and while the
    /// controller has a result this model has not listed yet.
    const Finding *findingAt(const QModelIndex &index) const;

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
    /// Replaces the row count of @p section (announcing removed and inserted rows) when it
    /// changes; @p apply puts the new rows in place between the announcements.
    template <typename Apply> bool resize(Section section, int rows, Apply apply);
    QVariant rowData(const Row &row, Section section, int column, int role) const;
    QVariant findingData(const Finding &f, Section section, int column, int role) const;
    /// The finding at @p row of finding section @p section (nullptr when stale or out of range).
    const Finding *finding(Section section, int row) const;

    const RuleController *m_rules = nullptr;
    quint64 m_generation = 0; ///< the controller's result the indexes point into
    /// Per finding section: the indexes of its findings in the controller's list, ascending.
    QVector<int> m_findings[sectionCount];
    /// Per note section: its rows.
    QVector<Row> m_notes[sectionCount];
};

} // namespace mls
