// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QSortFilterProxyModel>

namespace mls {

class FindingsModel;

/// What the Problems dock shows of a FindingsModel: findings of the checked severities whose
/// text, rule id or rule title contain the filter text. Stale waivers and rule-pack errors pass
/// the severity toggles. A section is shown while it has rows (filtered out or not), its
/// header counting them ("Errors (3)", "Errors (1 of 3 shown)"); the placeholder only when no
/// section has any.
class FindingsFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FindingsFilter(QObject *parent = nullptr);

    void setFindings(FindingsModel *model);
    void setSeverityShown(Severity severity, bool shown);
    bool isSeverityShown(Severity severity) const { return m_shown[int(severity)]; }
    void setText(const QString &text);
    /// Whether any row can be filtered out: a text, or a severity hidden.
    bool isFiltering() const
    {
        return !m_text.isEmpty() || !m_shown[0] || !m_shown[1] || !m_shown[2];
    }
    /// Re-reads which sections have rows (after the model's rows changed).
    void refilter() { invalidateFilter(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    FindingsModel *m_findings = nullptr;
    bool m_shown[3] = {true, true, true};
    QString m_text;
};

} // namespace mls
