#pragma once

#include "Finding.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLineEdit;
class QSplitter;
class QTextBrowser;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

class QInputDialog;

namespace mls {

class DiagramScene;
class RuleController;

/// The Problems dock: findings in sections by severity (Errors, Warnings, Infos, Waived), stale
/// waivers and refused rule packs, with filters, a detail pane that teaches (why it matters,
/// how to fix it) and waive / remove-waiver actions. Rows are identified by Finding::key(), so
/// selection and scroll position survive re-checks.
class ProblemsPanel : public QWidget
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

    explicit ProblemsPanel(RuleController *rules, QWidget *parent = nullptr);
    ~ProblemsPanel() override;

    /// The board that double-click / Enter reveals findings on (may be null).
    void setScene(DiagramScene *scene);
    /// List and details side by side (a bottom dock) or stacked (a side dock).
    void setOrientation(Qt::Orientation orientation);
    /// Rule packs that failed to load, one message each.
    void setPackErrors(const QStringList &errors);

    /// Asks for a waiver's reason; returns false when cancelled. Tests replace the dialog.
    using ReasonPrompt = std::function<bool(QWidget *parent, const Finding &f, QString *reason)>;
    void setReasonPrompt(ReasonPrompt prompt) { m_prompt = std::move(prompt); }
    /// The dialog the default prompt shows: the finding, a reason field, and a Waive button
    /// enabled only while the reason has some text.
    static std::unique_ptr<QInputDialog> reasonDialog(QWidget *parent, const Finding &f);
    /// Asks for a reason and waives @p f on @p item (default: the finding's waiver target).
    /// The canvas context menu and the Waive button both come here.
    bool waiveInteractive(const Finding &f, const QString &item = {});

    /// Makes the row of this finding current (false when it is not listed or filtered out).
    bool selectFinding(const QString &key);
    /// Key of the current finding row (empty when another row or none is current).
    QString currentKey() const;
    /// Selects the finding's components and connections on the board, centres and flashes them.
    void reveal(const Finding &f);

    QTreeWidget *tree() const { return m_tree; }
    QTextBrowser *details() const { return m_details; }
    QLineEdit *filterField() const { return m_filter; }
    QToolButton *severityFilter(Severity severity) const;
    QToolButton *waiveButton() const { return m_waive; }
    QToolButton *unwaiveButton() const { return m_unwaive; }
    QTreeWidgetItem *sectionItem(Section section) const { return m_sections.value(int(section)); }
    /// Rows of a section that pass the filters.
    int visibleCount(Section section) const;
    QSize sizeHint() const override;

public Q_SLOTS:
    /// Rebuilds the rows from the controller (keeps selection and scroll position).
    void refresh();
    void waiveCurrent();
    void unwaiveCurrent();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Row
    {
        QString key;
        QString text;
        QString rule;
        int severity = -1; ///< Severity, or -1 for a row without one
        bool muted = false;
        QString toolTip;
    };
    void buildUi();
    void findingsChanged();
    void fillSection(Section section, const QVector<Row> &rows);
    QVector<Row> staleRows() const;
    void applyFilters();
    void updateHeader(Section section);
    void updateDetails();
    void updateButtons();
    void activate(QTreeWidgetItem *item);
    void showContextMenu(const QPoint &pos);
    const Finding *findingOf(const QTreeWidgetItem *item) const;
    QString labelOf(const QString &id) const;
    QString quotedLabel(const QString &id) const;

    RuleController *m_rules;
    QPointer<DiagramScene> m_scene;
    ReasonPrompt m_prompt;
    QStringList m_packErrors;
    QTreeWidget *m_tree = nullptr;
    QTextBrowser *m_details = nullptr;
    QSplitter *m_split = nullptr;
    QLineEdit *m_filter = nullptr;
    QHash<int, QToolButton *> m_severityFilters;
    QToolButton *m_waive = nullptr;
    QToolButton *m_unwaive = nullptr;
    QHash<int, QTreeWidgetItem *> m_sections;
    QTreeWidgetItem *m_placeholder = nullptr;
    bool m_dirty = true;
};

} // namespace mls
