// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"
#include "FindingDetails.h"
#include "FindingsModel.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QHBoxLayout;
class QLineEdit;
class QModelIndex;
class QSplitter;
class QToolButton;
class QTreeView;

namespace mls {

class DiagramScene;
class FindingsFilter;
class RuleController;

/// The Problems dock: findings in sections by severity (Errors, Warnings, Infos, Waived), stale
/// waivers and refused rule packs, with filters, a detail pane that teaches (why it matters,
/// how to fix it) and waive / remove-waiver actions. Rows are identified by Finding::key(), so
/// the current row survives re-checks and stays in view. A click on a row selects its items on
/// the board and centres them (so do Enter and double-click).
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    using Section = FindingsModel::Section;
    /// A section of more rows than this starts collapsed (see expandSections()).
    static constexpr int openSectionsUpTo = 1000;

    explicit ProblemsPanel(RuleController *rules, QWidget *parent = nullptr);
    ~ProblemsPanel() override;

    /// The board that clicks / Enter reveal findings on (may be null).
    void setScene(DiagramScene *scene);
    /// List and details side by side (a bottom dock) or stacked (a side dock).
    void setOrientation(Qt::Orientation orientation);
    /// Rule packs that failed to load, one message each.
    void setPackErrors(const QStringList &errors);

    /// Asks for a waiver's reason; returns false when cancelled. Tests replace the dialog.
    using ReasonPrompt = std::function<bool(QWidget *parent, const Finding &f, QString *reason)>;
    void setReasonPrompt(ReasonPrompt prompt) { m_prompt = std::move(prompt); }
    /// Asks for a reason and waives @p f on @p item (default: the finding's waiver target).
    /// The canvas context menu and the Waive button both come here.
    bool waiveInteractive(const Finding &f, const QString &item = {});

    /// Makes the row of this finding current (false when it is not listed or filtered out).
    bool selectFinding(const QString &key);
    /// Key of the current finding row (empty when another row or none is current).
    QString currentKey() const;
    /// Selects the finding's components and connections on the board, centres and flashes them.
    void reveal(const Finding &f);

    QTreeView *tree() const { return m_tree; }
    FindingsModel *findings() const { return m_model; }
    FindingsFilter *filter() const { return m_filterModel; }
    QSplitter *splitter() const { return m_split; }
    FindingDetails *details() const { return m_details; }
    QLineEdit *filterField() const { return m_filter; }
    QToolButton *severityFilter(Severity severity) const;
    QToolButton *waiveButton() const { return m_waive; }
    QToolButton *unwaiveButton() const { return m_unwaive; }
    /// The section's header row in the view; invalid while the section has no rows (hidden).
    QModelIndex sectionIndex(Section section) const;
    /// The header's text: "Errors (3)", "Errors (1 of 3 shown)".
    QString sectionText(Section section) const;
    /// The view's index of the row with @p key (invalid when filtered out or not listed).
    QModelIndex indexOfKey(const QString &key) const;
    /// Rows of a section that pass the filters.
    int visibleCount(Section section) const;
    QSize sizeHint() const override;

public Q_SLOTS:
    /// Rebuilds the rows from the controller (keeps the current row, and keeps it in view).
    void refresh();
    /// Rebuilds the rows if findings changed while the panel was off screen (its dock's tab
    /// came forward).
    void catchUp();
    void waiveCurrent();
    void unwaiveCurrent();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildBar(QHBoxLayout *bar);
    void buildUi();
    void findingsChanged();
    void filtersChanged();
    /// Expands the shown sections, except those the user collapsed.
    void expandSections();
    void updateDetails();
    void fitDetails();
    void updateButtons();
    void activate(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    QModelIndex current() const;
    const Finding *findingOf(const QModelIndex &index) const;
    bool isStaleWaiver(const QModelIndex &index) const;

    RuleController *m_rules;
    QPointer<DiagramScene> m_scene;
    ReasonPrompt m_prompt;
    QStringList m_packErrors;
    FindingsModel *m_model = nullptr;
    FindingsFilter *m_filterModel = nullptr;
    QTreeView *m_tree = nullptr;
    FindingDetails *m_details = nullptr;
    QSplitter *m_split = nullptr;
    QLineEdit *m_filter = nullptr;
    QHash<int, QToolButton *> m_severityFilters;
    QToolButton *m_waive = nullptr;
    QToolButton *m_unwaive = nullptr;
    QSet<int> m_collapsed;           ///< sections the user collapsed
    QSet<int> m_opened;              ///< sections the user expanded (a long one starts collapsed)
    bool m_settingExpansion = false; ///< expandSections() at work: not the user's choice
    QString m_currentKey;            ///< key of the current row (rows fall behind while off screen)
    bool m_dirty = true;
};

} // namespace mls
