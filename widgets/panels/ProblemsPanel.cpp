#include "ProblemsPanel.h"

#include "Catalog.h"
#include "Diagram.h"
#include "canvas/DiagramScene.h"
#include "canvas/FindingBadge.h"
#include "rules/RuleController.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mls {

namespace {

enum Roles
{
    KeyRole = Qt::UserRole, ///< finding key, or "item|rule" for a stale waiver
    SectionRole,            ///< the Section of the row
    SeverityRole,           ///< the row's Severity, -1 for none
};

QString sectionName(ProblemsPanel::Section g)
{
    switch (g) {
    case ProblemsPanel::Section::Errors:
        return ProblemsPanel::tr("Errors");
    case ProblemsPanel::Section::Warnings:
        return ProblemsPanel::tr("Warnings");
    case ProblemsPanel::Section::Infos:
        return ProblemsPanel::tr("Infos");
    case ProblemsPanel::Section::Waived:
        return ProblemsPanel::tr("Waived");
    case ProblemsPanel::Section::StaleWaivers:
        return ProblemsPanel::tr("Stale waivers");
    case ProblemsPanel::Section::RulePacks:
        return ProblemsPanel::tr("Rule packs not loaded");
    }
    return {};
}

ProblemsPanel::Section sectionOf(const Finding &f)
{
    if (f.waived)
        return ProblemsPanel::Section::Waived;
    switch (f.severity) {
    case Severity::Error:
        return ProblemsPanel::Section::Errors;
    case Severity::Warning:
        return ProblemsPanel::Section::Warnings;
    case Severity::Info:
        break;
    }
    return ProblemsPanel::Section::Infos;
}

constexpr ProblemsPanel::Section allSections[] = {
    ProblemsPanel::Section::Errors,       ProblemsPanel::Section::Warnings,
    ProblemsPanel::Section::Infos,        ProblemsPanel::Section::Waived,
    ProblemsPanel::Section::StaleWaivers, ProblemsPanel::Section::RulePacks};

bool defaultPrompt(QWidget *parent, const Finding &f, QString *reason)
{
    const std::unique_ptr<QInputDialog> dialog = ProblemsPanel::reasonDialog(parent, f);
    if (dialog->exec() != QDialog::Accepted)
        return false;
    *reason = dialog->textValue().trimmed();
    return !reason->isEmpty();
}

} // namespace

std::unique_ptr<QInputDialog> ProblemsPanel::reasonDialog(QWidget *parent, const Finding &f)
{
    auto dialog = std::make_unique<QInputDialog>(parent);
    dialog->setWindowTitle(tr("Waive %1").arg(f.rule));
    dialog->setLabelText(tr("%1\n\nWhy does “%2” not apply here? The reason is saved in the file.")
                             .arg(f.message, f.title));
    dialog->setTextValue(f.waiverReason);
    dialog->setOkButtonText(tr("Waive"));
    // A waiver without a reason teaches the next reader nothing: Waive needs some text.
    QInputDialog *d = dialog.get();
    auto update = [d] {
        if (auto *buttons = d->findChild<QDialogButtonBox *>()) {
            if (QPushButton *ok = buttons->button(QDialogButtonBox::Ok))
                ok->setEnabled(!d->textValue().trimmed().isEmpty());
        }
    };
    QObject::connect(d, &QInputDialog::textValueChanged, d, update);
    // The buttons exist once the dialog has laid itself out, when it is shown.
    QMetaObject::invokeMethod(d, update, Qt::QueuedConnection);
    return dialog;
}

ProblemsPanel::ProblemsPanel(RuleController *rules, QWidget *parent)
    : QWidget(parent), m_rules(rules), m_prompt(defaultPrompt)
{
    buildUi();
    connect(m_rules, &RuleController::findingsChanged, this, &ProblemsPanel::findingsChanged);
    refresh();
}

ProblemsPanel::~ProblemsPanel()
{
    // The tree outlives this object's body and may signal while it dies: nothing may come back.
    m_tree->disconnect(this);
}

void ProblemsPanel::buildUi()
{
    auto *bar = new QHBoxLayout;
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
        connect(b, &QToolButton::toggled, this, &ProblemsPanel::applyFilters);
        m_severityFilters.insert(int(severity), b);
        bar->addWidget(b);
    }
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter problems"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, this, &ProblemsPanel::applyFilters);
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

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (Section g : allSections) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setFlags(Qt::ItemIsEnabled);
        item->setData(0, SectionRole, int(g));
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setExpanded(true);
        item->setFirstColumnSpanned(true);
        m_sections.insert(int(g), item);
    }
    m_placeholder = new QTreeWidgetItem(m_tree, {tr("No problems: the design passes every rule.")});
    m_placeholder->setFlags(Qt::ItemIsEnabled);
    m_placeholder->setFirstColumnSpanned(true);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activate(item); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ProblemsPanel::showContextMenu);

    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a problem to see why it matters and how to fix it."));

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_tree);
    m_split->addWidget(m_details);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
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
    // A hidden dock (a background tab) catches up when it is shown.
    m_dirty = true;
    if (isVisible())
        refresh();
}

void ProblemsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void ProblemsPanel::refresh()
{
    m_dirty = false;
    const QVector<Finding> &findings = m_rules->findings();
    const QString current =
        m_tree->currentItem() ? m_tree->currentItem()->data(0, KeyRole).toString() : QString();
    const int scroll = m_tree->verticalScrollBar()->value();

    const QStringList &keys = m_rules->keys();
    QHash<int, QVector<Row>> rows;
    for (int i = 0; i < findings.size(); ++i) {
        const Finding &f = findings[i];
        // No tooltip: the detail pane says it all, and tens of thousands of them cost.
        rows[int(sectionOf(f))].push_back(
            Row{keys[i], f.message, f.rule, int(f.severity), f.waived, QString()});
    }
    rows[int(Section::StaleWaivers)] = staleRows();
    for (const QString &e : std::as_const(m_packErrors))
        rows[int(Section::RulePacks)].push_back(
            Row{e, e, QString(), int(Severity::Error), false, e});

    m_tree->setUpdatesEnabled(false);
    {
        const QSignalBlocker blocker(m_tree);
        for (Section g : allSections)
            fillSection(g, rows.value(int(g)));
        applyFilters();
        if (!current.isEmpty()) {
            for (Section g : allSections) {
                QTreeWidgetItem *section = sectionItem(g);
                for (int i = 0; i < section->childCount(); ++i) {
                    if (section->child(i)->data(0, KeyRole).toString() == current)
                        m_tree->setCurrentItem(section->child(i));
                }
            }
        }
        m_tree->verticalScrollBar()->setValue(scroll);
    }
    m_tree->setUpdatesEnabled(true);
    updateDetails();
    updateButtons();
}

QVector<ProblemsPanel::Row> ProblemsPanel::staleRows() const
{
    QVector<Row> rows;
    for (const StaleWaiver &w : m_rules->staleWaivers()) {
        const QString text = tr("%1 waived on %2 no longer applies (“%3”)")
                                 .arg(w.rule, quotedLabel(w.item), w.reason);
        rows.push_back(Row{w.item + QLatin1Char('|') + w.rule, text, w.rule, -1, true,
                           tr("Nothing triggers this rule here any more: remove the waiver.")});
    }
    return rows;
}

void ProblemsPanel::fillSection(Section section, const QVector<Row> &rows)
{
    QTreeWidgetItem *parent = sectionItem(section);
    bool same = parent->childCount() == rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = parent->child(i)->data(0, KeyRole).toString() == rows[i].key;
    if (!same) {
        // Rebuilt only when the set or order of rows changed; texts are updated in place.
        qDeleteAll(parent->takeChildren());
        QList<QTreeWidgetItem *> items;
        items.reserve(rows.size());
        for (const Row &r : rows) {
            auto *item = new QTreeWidgetItem;
            item->setData(0, KeyRole, r.key);
            item->setData(0, SectionRole, int(section));
            item->setData(0, SeverityRole, -1);
            items << item;
        }
        parent->addChildren(items);
    }
    // Only what changed is set: every set is a model change the view processes.
    for (int i = 0; i < rows.size(); ++i) {
        QTreeWidgetItem *item = parent->child(i);
        if (item->text(0) != rows[i].text)
            item->setText(0, rows[i].text);
        if (item->text(1) != rows[i].rule)
            item->setText(1, rows[i].rule);
        if (item->toolTip(0) != rows[i].toolTip)
            item->setToolTip(0, rows[i].toolTip);
        if (item->data(0, SeverityRole).toInt() != rows[i].severity) { // e.g. an override
            item->setData(0, SeverityRole, rows[i].severity);
            item->setIcon(0, rows[i].severity >= 0
                                 ? FindingBadge::icon(Severity(rows[i].severity), rows[i].muted)
                                 : QIcon());
        }
    }
}

void ProblemsPanel::applyFilters()
{
    const QString text = m_filter->text().trimmed();
    bool shownSeverity[3];
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Error})
        shownSeverity[int(s)] = severityFilter(s)->isChecked();
    bool anything = false;
    for (Section g : allSections) {
        QTreeWidgetItem *parent = sectionItem(g);
        for (int i = 0; i < parent->childCount(); ++i) {
            QTreeWidgetItem *item = parent->child(i);
            const int severity = item->data(0, SeverityRole).toInt();
            const bool isFinding = g != Section::StaleWaivers && g != Section::RulePacks;
            bool shown = !isFinding || shownSeverity[severity];
            if (shown && !text.isEmpty()) {
                const Finding *f = isFinding ? findingOf(item) : nullptr;
                shown = item->text(0).contains(text, Qt::CaseInsensitive) ||
                        item->text(1).contains(text, Qt::CaseInsensitive) ||
                        (f && f->title.contains(text, Qt::CaseInsensitive));
            }
            if (item->isHidden() == shown)
                item->setHidden(!shown);
        }
        updateHeader(g);
        anything = anything || parent->childCount() > 0;
    }
    m_placeholder->setHidden(anything);
}

int ProblemsPanel::visibleCount(Section section) const
{
    const QTreeWidgetItem *parent = sectionItem(section);
    int n = 0;
    for (int i = 0; i < parent->childCount(); ++i)
        n += parent->child(i)->isHidden() ? 0 : 1;
    return n;
}

void ProblemsPanel::updateHeader(Section section)
{
    QTreeWidgetItem *parent = sectionItem(section);
    const int total = parent->childCount();
    const int shown = visibleCount(section);
    parent->setText(
        0, shown == total
               ? QStringLiteral("%1 (%2)").arg(sectionName(section)).arg(total)
               : tr("%1 (%2 of %3 shown)").arg(sectionName(section)).arg(shown).arg(total));
    parent->setHidden(total == 0);
}

const Finding *ProblemsPanel::findingOf(const QTreeWidgetItem *item) const
{
    if (!item || !item->parent())
        return nullptr;
    const auto section = Section(item->data(0, SectionRole).toInt());
    if (section == Section::StaleWaivers || section == Section::RulePacks)
        return nullptr;
    return m_rules->finding(item->data(0, KeyRole).toString());
}

QString ProblemsPanel::currentKey() const
{
    const Finding *f = findingOf(m_tree->currentItem());
    return f ? m_tree->currentItem()->data(0, KeyRole).toString() : QString();
}

bool ProblemsPanel::selectFinding(const QString &key)
{
    if (m_dirty)
        refresh();
    for (Section g : allSections) {
        QTreeWidgetItem *parent = sectionItem(g);
        for (int i = 0; i < parent->childCount(); ++i) {
            QTreeWidgetItem *item = parent->child(i);
            if (item->data(0, KeyRole).toString() == key && !item->isHidden()) {
                m_tree->setCurrentItem(item);
                m_tree->scrollToItem(item);
                return true;
            }
        }
    }
    return false;
}

QString ProblemsPanel::labelOf(const QString &id) const
{
    const Diagram *d = m_rules->diagram();
    if (const Component *c = d ? d->component(id) : nullptr)
        return Catalog::builtin().displayName(*c);
    if (const Connection *c = d ? d->connection(id) : nullptr)
        return tr("%1 → %2").arg(labelOf(c->from), labelOf(c->to));
    return id;
}

QString ProblemsPanel::quotedLabel(const QString &id) const
{
    return QStringLiteral("“%1”").arg(labelOf(id));
}

void ProblemsPanel::updateDetails()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const Finding *f = findingOf(item);
    if (!f) {
        const bool other = item && item->parent();
        m_details->setHtml(
            other ? QStringLiteral("<p>%1</p><p>%2</p>")
                        .arg(item->text(0).toHtmlEscaped(), item->toolTip(0).toHtmlEscaped())
                  : QString());
        return;
    }
    QStringList where;
    for (const QString &id : f->components + f->connections)
        where << labelOf(id).toHtmlEscaped();
    const QColor colour = FindingBadge::color(f->severity);
    // Compact: the dock is short, and the explanation and fix are what the reader is after.
    QString html =
        QStringLiteral("<p style='margin-top:0'><b style='font-size:large'>%1</b><br/>"
                       "<span style='color:%2;font-weight:bold'>%3</span> · %4%5</p>"
                       "<p>%6</p>")
            .arg(f->title.toHtmlEscaped(), colour.name(),
                 severityName(f->severity).left(1).toUpper() + severityName(f->severity).mid(1),
                 f->rule, f->waived ? tr(" · waived") : QString(), f->message.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b><br/>%2</p>")
                .arg(tr("Why it matters"), f->explanation.toHtmlEscaped());
    html +=
        QStringLiteral("<p><b>%1</b><br/>%2</p>").arg(tr("How to fix it"), f->fix.toHtmlEscaped());
    if (f->waived)
        html += QStringLiteral("<p><b>%1</b><br/>%2</p>")
                    .arg(tr("Waived because"), f->waiverReason.toHtmlEscaped());
    html += QStringLiteral("<p style='color:gray'>%1 %2</p>")
                .arg(tr("Involves:"), where.join(QStringLiteral(", ")));
    m_details->setHtml(html);
}

void ProblemsPanel::updateButtons()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const Finding *f = findingOf(item);
    const bool stale = item && item->parent() &&
                       Section(item->data(0, SectionRole).toInt()) == Section::StaleWaivers;
    const bool editable = m_rules->undoStack() != nullptr;
    m_waive->setEnabled(editable && f && !f->waived);
    m_unwaive->setEnabled(editable && ((f && f->waived) || stale));
}

void ProblemsPanel::activate(QTreeWidgetItem *item)
{
    if (const Finding *f = findingOf(item)) {
        reveal(*f);
    } else if (item && item->parent() &&
               Section(item->data(0, SectionRole).toInt()) == Section::StaleWaivers && m_scene) {
        m_scene->revealItems({item->data(0, KeyRole).toString().section(QLatin1Char('|'), 0, 0)});
    }
}

void ProblemsPanel::reveal(const Finding &f)
{
    if (m_scene)
        m_scene->revealItems(f.components + f.connections);
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
    if (const Finding *f = findingOf(m_tree->currentItem()); f && !f->waived)
        waiveInteractive(*f);
}

void ProblemsPanel::unwaiveCurrent()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (const Finding *f = findingOf(item)) {
        if (f->waived)
            m_rules->unwaive(*f);
    } else if (item && item->parent() &&
               Section(item->data(0, SectionRole).toInt()) == Section::StaleWaivers) {
        const QString key = item->data(0, KeyRole).toString();
        m_rules->removeWaiver(key.section(QLatin1Char('|'), 0, 0),
                              key.section(QLatin1Char('|'), 1));
    }
}

void ProblemsPanel::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (!item || !item->parent())
        return;
    m_tree->setCurrentItem(item);
    // The menu runs an event loop in which a re-check may rebuild the rows: the actions find
    // their row again by key instead of holding the item.
    const QString key = item->data(0, KeyRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Show on Canvas"), this, [this, key] {
        if (selectFinding(key))
            activate(m_tree->currentItem());
    });
    if (m_waive->isEnabled())
        menu.addAction(tr("Waive…"), this, &ProblemsPanel::waiveCurrent);
    if (m_unwaive->isEnabled())
        menu.addAction(tr("Remove Waiver"), this, &ProblemsPanel::unwaiveCurrent);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace mls
