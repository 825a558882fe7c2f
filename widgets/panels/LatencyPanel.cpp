// SPDX-License-Identifier: MIT
#include "LatencyPanel.h"

#include "Catalog.h"
#include "Diagram.h"
#include "OnScreen.h"
#include "canvas/DiagramScene.h"
#include "canvas/FindingBadge.h"
#include "commands/SetMetaCommand.h"
#include "rules/RuleController.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mls {

namespace {
constexpr int ClientRole = Qt::UserRole;

QString ms(double value)
{
    return LatencyPanel::tr("%1 ms").arg(QLocale().toString(value, 'g', 6));
}
} // namespace

LatencyPanel::LatencyPanel(RuleController *rules, QWidget *parent) : QWidget(parent), m_rules(rules)
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->setSpacing(6);
    auto *budgetLabel = new QLabel(tr("&Budget:"), this);
    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(1, 100000);
    m_budget->setDecimals(0);
    m_budget->setSingleStep(10);
    m_budget->setSuffix(tr(" ms"));
    m_budget->setKeyboardTracking(false);
    m_budget->setToolTip(tr("p99 budget for every request path that starts at a client "
                            "(saved in the diagram)"));
    budgetLabel->setBuddy(m_budget);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &LatencyPanel::commitBudget);
    m_showPath = new QCheckBox(tr("Show critical &path on the board"), this);
    m_showPath->setToolTip(tr("Highlight the selected client's slowest path on the board"));
    connect(m_showPath, &QAbstractButton::toggled, this, &LatencyPanel::updateHighlight);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("latencySummary"));
    bar->addWidget(budgetLabel);
    bar->addWidget(m_budget);
    bar->addSpacing(8);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_showPath);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Request path"), tr("p99"), tr("")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 260);
    m_tree->header()->resizeSection(1, 80);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LatencyPanel::updateHighlight);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);
    connect(m_rules, &RuleController::findingsChanged, this, &LatencyPanel::findingsChanged);
    refresh();
}

LatencyPanel::~LatencyPanel()
{
    // The tree outlives this object's body and may signal while it dies: nothing may come back.
    m_tree->disconnect(this);
    m_showPath->disconnect(this);
}

QSize LatencyPanel::sizeHint() const
{
    return QSize(640, 230); // the bottom dock's first height
}

void LatencyPanel::setScene(DiagramScene *scene)
{
    m_scene = scene;
    updateHighlight();
}

void LatencyPanel::findingsChanged()
{
    m_dirty = true;
    if (isOnScreen(this) || m_showPath->isChecked())
        refresh();
}

void LatencyPanel::catchUp()
{
    if (m_dirty)
        refresh();
}

void LatencyPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

QString LatencyPanel::labelOf(const QString &id) const
{
    const Diagram *d = m_rules->diagram();
    const Component *c = d ? d->component(id) : nullptr;
    if (!c)
        return id;
    return Catalog::builtin().displayName(*c);
}

void LatencyPanel::refresh()
{
    m_dirty = false;
    const Diagram *d = m_rules->diagram();
    {
        const QSignalBlocker blocker(m_budget);
        m_budget->setEnabled(d && m_rules->undoStack());
        m_budget->setValue(d ? d->meta().latencyBudgetMs : 0);
    }
    // The user's row stays current; without one, none is made current (it would hide the red).
    const QString current =
        m_tree->currentItem() ? m_tree->currentItem()->data(0, ClientRole).toString() : QString();
    QSet<QString> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (!m_tree->topLevelItem(i)->isExpanded())
            collapsed.insert(m_tree->topLevelItem(i)->data(0, ClientRole).toString());
    }
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    const QVector<LatencyPath> &paths = m_rules->latencyPaths();
    int over = 0;
    const QColor red = FindingBadge::color(Severity::Error);
    for (const LatencyPath &p : paths) {
        auto *top = new QTreeWidgetItem(m_tree);
        top->setData(0, ClientRole, p.client);
        top->setText(0, labelOf(p.client));
        top->setText(1, ms(p.totalMs));
        top->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        top->setFont(1, bold);
        if (p.overBudget()) {
            ++over;
            top->setText(
                2, tr("over the %1 budget by %2").arg(ms(p.budgetMs), ms(p.totalMs - p.budgetMs)));
            for (int c = 1; c < 3; ++c)
                top->setForeground(c, red);
            top->setIcon(0, FindingBadge::icon(Severity::Warning));
        } else {
            top->setText(2, tr("within the %1 budget").arg(ms(p.budgetMs)));
        }
        for (int i = 0; i < p.hops.size(); ++i) {
            const LatencyHop &h = p.hops[i];
            auto *row = new QTreeWidgetItem(top);
            row->setData(0, ClientRole, p.client);
            row->setText(0, QStringLiteral("%1. %2").arg(i + 1).arg(labelOf(h.component)));
            row->setText(1, ms(h.latencyMs));
            row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            row->setText(2, i == 0 ? tr("client") : h.lookup ? tr("store lookup") : tr("call"));
        }
        top->setExpanded(!collapsed.contains(p.client));
        if (!current.isEmpty() && p.client == current)
            m_tree->setCurrentItem(top);
    }
    if (paths.isEmpty()) {
        auto *none = new QTreeWidgetItem(
            m_tree, {tr("No client on the board: add a Client to see its request path.")});
        none->setFirstColumnSpanned(true);
        none->setFlags(Qt::ItemIsEnabled);
        m_summary->clear();
    } else {
        m_summary->setText(over > 0 ? tr("<span style='color:%1'>%2 of %3 over budget</span>")
                                          .arg(red.name())
                                          .arg(over)
                                          .arg(paths.size())
                           : paths.size() == 1
                               ? tr("within budget")
                               : tr("all %1 paths within budget").arg(paths.size()));
    }
    updateHighlight();
}

QString LatencyPanel::highlightedClient() const
{
    if (QTreeWidgetItem *item = m_tree->currentItem()) {
        const QString client = item->data(0, ClientRole).toString();
        if (!client.isEmpty())
            return client;
    }
    if (QTreeWidgetItem *first = m_tree->topLevelItem(0))
        return first->data(0, ClientRole).toString();
    return {};
}

void LatencyPanel::updateHighlight()
{
    if (!m_scene)
        return;
    if (!m_showPath->isChecked()) {
        m_scene->setHighlighted({}, {});
        return;
    }
    if (m_dirty)
        refresh(); // calls back here
    const QString client = highlightedClient();
    for (const LatencyPath &p : m_rules->latencyPaths()) {
        if (p.client == client) {
            m_scene->setHighlighted(p.componentIds(), p.connectionIds());
            return;
        }
    }
    m_scene->setHighlighted({}, {});
}

void LatencyPanel::commitBudget()
{
    Diagram *d = m_rules->diagram();
    if (!d || !m_rules->undoStack() || d->meta().latencyBudgetMs == m_budget->value())
        return;
    Meta meta = d->meta();
    meta.latencyBudgetMs = m_budget->value();
    m_rules->undoStack()->push(new SetMetaCommand(d, meta));
}

} // namespace mls
