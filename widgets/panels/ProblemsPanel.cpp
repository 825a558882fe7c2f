// SPDX-License-Identifier: MIT
#include "ProblemsPanel.h"

#include "FindingRows.h"
#include "FindingsFilter.h"
#include "OnScreen.h"
#include "WaiverDialog.h"
#include "canvas/DiagramScene.h"
#include "canvas/FindingBadge.h"
#include "rules/RuleController.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace mls {

namespace {

using Role = FindingsModel::Role;

bool isRow(const QModelIndex &index)
{
    return index.isValid() &&
           index.data(Role::RowKindRole).toInt() == int(FindingsModel::RowKind::Row);
}

} // namespace

ProblemsPanel::ProblemsPanel(RuleController *rules, QWidget *parent)
    : QWidget(parent), m_rules(rules), m_prompt(&WaiverDialog::ask)
{
    buildUi();
    connect(m_rules, &RuleController::findingsChanged, this, &ProblemsPanel::findingsChanged);
    refresh();
}

ProblemsPanel::~ProblemsPanel()
{
    // The view outlives this object's body and may signal while it dies: nothing may come back.
    m_tree->disconnect(this);
    m_tree->selectionModel()->disconnect(this);
}

void ProblemsPanel::buildBar(QHBoxLayout *bar)
{
    bar->setContentsMargins(4, 4, 4, 0);
    bar->setSpacing(4);
    const std::pair<Severity, QString> toggles[] = {{Severity::Error, tr("Errors")},
                                                    {Severity::Warning, tr("Warnings")},
                                                    {Severity::Info, tr("Infos")}};
    for (const auto &[severity, name] : toggles) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setChecked(true);
        b->setText(name);
        b->setIcon(FindingBadge::icon(severity));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        b->setToolTip(tr("Show or hide %1").arg(name.toLower()));
        connect(b, &QToolButton::toggled, this, [this, s = severity](bool on) {
            m_filterModel->setSeverityShown(s, on);
            filtersChanged();
        });
        m_severityFilters.insert(int(severity), b);
        bar->addWidget(b);
    }
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter problems"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setText(text);
        filtersChanged();
    });
    bar->addWidget(m_filter, 1);
    bar->addStretch();
    m_waive = new QToolButton(this);
    m_waive->setText(tr("Waive…"));
    m_waive->setToolTip(tr("Accept this finding on purpose, with a reason saved in the file"));
    connect(m_waive, &QToolButton::clicked, this, &ProblemsPanel::waiveCurrent);
    m_unwaive = new QToolButton(this);
    m_unwaive->setText(tr("Remove Waiver"));
    connect(m_unwaive, &QToolButton::clicked, this, &ProblemsPanel::unwaiveCurrent);
    bar->addWidget(m_waive);
    bar->addWidget(m_unwaive);
}

void ProblemsPanel::buildUi()
{
    auto *bar = new QHBoxLayout;
    buildBar(bar);

    m_model = new FindingsModel(this);
    m_filterModel = new FindingsFilter(this);
    m_filterModel->setFindings(m_model);
    m_tree = new QTreeView(this);
    m_tree->setModel(m_filterModel);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    // A click reveals the finding on the board; Enter and double-click (activated) too.
    connect(m_tree, &QTreeView::clicked, this, &ProblemsPanel::activate);
    connect(m_tree, &QTreeView::activated, this, &ProblemsPanel::activate);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_currentKey = current().data(Role::KeyRole).toString();
        updateDetails();
        updateButtons();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ProblemsPanel::showContextMenu);
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (m_settingExpansion || index.parent().isValid())
            return;
        m_collapsed.insert(index.data(Role::SectionRole).toInt());
        m_opened.remove(index.data(Role::SectionRole).toInt());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (m_settingExpansion || index.parent().isValid())
            return;
        m_collapsed.remove(index.data(Role::SectionRole).toInt());
        m_opened.insert(index.data(Role::SectionRole).toInt());
    });

    m_details = new FindingDetails(this);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_tree);
    m_split->addWidget(m_details);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_split, 1);
    updateButtons();
}

QSize ProblemsPanel::sizeHint() const
{
    return QSize(640, 230); // the bottom dock's first height: a few rows beside the details
}

void ProblemsPanel::setScene(DiagramScene *scene)
{
    m_scene = scene;
}

void ProblemsPanel::setOrientation(Qt::Orientation orientation)
{
    m_split->setOrientation(orientation);
    m_details->setMinimumHeight(0); // fitDetails() asks again for what this orientation needs
    fitDetails();
}

void ProblemsPanel::setPackErrors(const QStringList &errors)
{
    m_packErrors = errors;
    refresh();
}

QToolButton *ProblemsPanel::severityFilter(Severity severity) const
{
    return m_severityFilters.value(int(severity));
}

void ProblemsPanel::findingsChanged()
{
    // A panel off screen (hidden, or behind another dock's tab) catches up when it is shown.
    m_dirty = true;
    if (isOnScreen(this))
        refresh();
}

void ProblemsPanel::catchUp()
{
    if (m_dirty)
        refresh();
}

void ProblemsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
    fitDetails();
}

void ProblemsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitDetails();
}

QModelIndex ProblemsPanel::current() const
{
    return m_tree->currentIndex().siblingAtColumn(0);
}

void ProblemsPanel::refresh()
{
    m_dirty = false;
    // The key kept, not the row's: while the panel was off screen the rows fell behind.
    const QString currentKey = m_currentKey;
    // Where the current row is drawn: a row in view stays at its place while rows come and
    // go around it; otherwise the list keeps its scroll position.
    const QRect before = m_tree->visualRect(current());
    const bool inView = current().isValid() && m_tree->viewport()->rect().intersects(before);
    QScrollBar *bar = m_tree->verticalScrollBar();
    const int scroll = bar->value();

    m_tree->setUpdatesEnabled(false);
    {
        const QSignalBlocker blocker(m_tree->selectionModel());
        // New rows are filtered as they come; the filter runs again only when a section
        // appears or empties (its header) or rows changed in place under a filter.
        bool had[FindingsModel::sectionCount];
        for (int s = 0; s < FindingsModel::sectionCount; ++s)
            had[s] = m_model->count(Section(s)) > 0;
        bool changed = m_model->setFindings(m_rules);
        changed =
            m_model->setRows(Section::StaleWaivers, FindingRows::staleWaivers(*m_rules)) || changed;
        changed =
            m_model->setRows(Section::RulePacks, FindingRows::packErrors(m_packErrors)) || changed;
        bool emptied = false;
        for (int s = 0; s < FindingsModel::sectionCount; ++s)
            emptied = emptied || had[s] != (m_model->count(Section(s)) > 0);
        if (emptied || (changed && m_filterModel->isFiltering()))
            m_filterModel->refilter();
        expandSections();
        const QModelIndex index = indexOfKey(currentKey);
        if (index.isValid())
            m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
        else
            m_tree->selectionModel()->clear();
        m_currentKey = index.isValid() ? currentKey : QString();
        bar->setValue(scroll);
        if (inView && index.isValid()) {
            bar->setValue(bar->value() + m_tree->visualRect(index).top() - before.top());
            m_tree->scrollTo(index, QAbstractItemView::EnsureVisible);
        }
    }
    m_tree->setUpdatesEnabled(true);
    m_tree->viewport()->update();
    updateDetails();
    updateButtons();
}

void ProblemsPanel::expandSections()
{
    // Sections are open unless the user collapsed them, except a long one (a generated or
    // imported design with thousands of findings of one severity): its header with the count
    // says what is there, the board's badges and the filter find one, and an open section of
    // 10,000 rows cost the tree a megabyte and its layout before the first paint. Expanding it
    // keeps it open, as collapsing keeps any section closed.
    const QScopedValueRollback<bool> setting(m_settingExpansion, true);
    for (int s = 0; s < FindingsModel::sectionCount; ++s) {
        const QModelIndex index = sectionIndex(Section(s));
        if (!index.isValid())
            continue;
        const bool open =
            !m_collapsed.contains(s) &&
            (m_opened.contains(s) || m_filterModel->rowCount(index) <= openSectionsUpTo);
        if (m_tree->isExpanded(index) != open)
            m_tree->setExpanded(index, open);
    }
}

void ProblemsPanel::filtersChanged()
{
    expandSections();
    if (current().isValid())
        m_tree->scrollTo(current(), QAbstractItemView::EnsureVisible);
    updateDetails();
    updateButtons();
}

QModelIndex ProblemsPanel::sectionIndex(Section section) const
{
    return m_filterModel->mapFromSource(m_model->sectionIndex(section));
}

QString ProblemsPanel::sectionText(Section section) const
{
    const QModelIndex index = sectionIndex(section);
    return index.isValid() ? index.data().toString() : QString();
}

QModelIndex ProblemsPanel::indexOfKey(const QString &key) const
{
    return m_filterModel->mapFromSource(m_model->indexOfKey(key));
}

int ProblemsPanel::visibleCount(Section section) const
{
    const QModelIndex index = sectionIndex(section);
    return index.isValid() ? m_filterModel->rowCount(index) : 0;
}

const Finding *ProblemsPanel::findingOf(const QModelIndex &index) const
{
    return m_model->findingAt(m_filterModel->mapToSource(index));
}

bool ProblemsPanel::isStaleWaiver(const QModelIndex &index) const
{
    return isRow(index) && Section(index.data(Role::SectionRole).toInt()) == Section::StaleWaivers;
}

QString ProblemsPanel::currentKey() const
{
    // Asked of the controller, not of the rows: they may have fallen behind (off screen).
    return m_rules->finding(m_currentKey) ? m_currentKey : QString();
}

bool ProblemsPanel::selectFinding(const QString &key)
{
    if (m_dirty)
        refresh();
    const QModelIndex index = indexOfKey(key);
    if (!isRow(index))
        return false;
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    return true;
}

void ProblemsPanel::updateDetails()
{
    const QModelIndex index = current();
    if (const Finding *f = findingOf(index)) {
        QStringList places;
        for (const QString &id : f->ids())
            places << FindingRows::placeName(m_rules->diagram(), id);
        m_details->showFinding(*f, places);
    } else if (isRow(index)) {
        m_details->showNote(index.data().toString(), index.data(Qt::ToolTipRole).toString());
    } else {
        m_details->clear();
    }
    fitDetails();
}

void ProblemsPanel::fitDetails()
{
    if (isVisible())
        m_details->fitIn(m_split);
}

void ProblemsPanel::updateButtons()
{
    const QModelIndex index = current();
    const Finding *f = findingOf(index);
    const bool editable = m_rules->undoStack() != nullptr;
    m_waive->setEnabled(editable && f && !f->waived());
    m_unwaive->setEnabled(editable && ((f && f->waived()) || isStaleWaiver(index)));
}

void ProblemsPanel::activate(const QModelIndex &index)
{
    const QModelIndex row = index.siblingAtColumn(0);
    if (const Finding *f = findingOf(row))
        reveal(*f);
    else if (isStaleWaiver(row) && m_scene)
        m_scene->revealItems({row.data(Role::KeyRole).toString().section(QLatin1Char('|'), 0, 0)});
}

void ProblemsPanel::reveal(const Finding &f)
{
    if (m_scene)
        m_scene->revealItems(f.ids());
}

bool ProblemsPanel::waiveInteractive(const Finding &f, const QString &item)
{
    const Finding copy = f; // the prompt runs an event loop; the list may be re-checked meanwhile
    QString reason;
    if (!m_prompt(window(), copy, &reason))
        return false;
    return m_rules->waive(copy, reason, item);
}

void ProblemsPanel::waiveCurrent()
{
    if (const Finding *f = findingOf(current()); f && !f->waived())
        waiveInteractive(*f);
}

void ProblemsPanel::unwaiveCurrent()
{
    const QModelIndex index = current();
    if (const Finding *f = findingOf(index)) {
        if (f->waived())
            m_rules->unwaive(*f);
    } else if (isStaleWaiver(index)) {
        const QString key = index.data(Role::KeyRole).toString();
        m_rules->removeWaiver(key.section(QLatin1Char('|'), 0, 0),
                              key.section(QLatin1Char('|'), 1));
    }
}

void ProblemsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos).siblingAtColumn(0);
    if (!isRow(index))
        return;
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    // The menu runs an event loop in which a re-check may rebuild the rows: the actions find
    // their row again by key instead of holding the index.
    const QString key = index.data(Role::KeyRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Show on Canvas"), this, [this, key] {
        const QModelIndex row = indexOfKey(key);
        if (row.isValid()) {
            m_tree->setCurrentIndex(row);
            activate(row);
        }
    });
    if (m_waive->isEnabled())
        menu.addAction(tr("Waive…"), this, &ProblemsPanel::waiveCurrent);
    if (m_unwaive->isEnabled())
        menu.addAction(tr("Remove Waiver"), this, &ProblemsPanel::unwaiveCurrent);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace mls
