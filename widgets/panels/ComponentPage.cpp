// SPDX-License-Identifier: MIT
#include "ComponentPage.h"

#include "Catalog.h"
#include "ComponentProps.h"
#include "Diagram.h"
#include "IconCache.h"
#include "LatencySpinBox.h"
#include "PropsTable.h"
#include "WrappedLabel.h"
#include "commands/EditComponentCommand.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mls {

ComponentPage::ComponentPage(QWidget *parent)
    : InspectorPage(parent), m_label(new QLineEdit(this)), m_kind(new QComboBox(this)),
      m_kindDescription(new WrappedLabel(this)), m_latency(new LatencySpinBox(this)),
      m_latencyReset(new QToolButton(this)), m_notes(new QPlainTextEdit(this)),
      m_props(new PropsTable(this))
{
    m_label->setPlaceholderText(tr("Name shown on the card"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(8);
    m_kind->setMaxVisibleItems(20);
    fillKindCombo();
    m_kindDescription->setTextInteractionFlags(Qt::TextSelectableByMouse);
    makeSubtle(m_kindDescription);

    m_latency->setDefaultLatency(0);
    m_latency->setSingleStep(5);
    m_latency->setToolTip(tr("p99 latency of this component on the request path; leave at "
                             "Default to use the kind's typical value"));
    m_latencyReset->setText(tr("Reset"));
    m_latencyReset->setToolTip(tr("Use the kind's default latency"));
    auto *latencyRow = new QHBoxLayout;
    latencyRow->setContentsMargins(0, 0, 0, 0);
    latencyRow->addWidget(m_latency, 1);
    latencyRow->addWidget(m_latencyReset);

    m_notes->setPlaceholderText(tr("Assumptions, capacity, open questions…"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 5 + 12);
    // Grows into the space left, but does not ask for more (no scroll bar at 600 px).
    m_notes->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    QGridLayout *top = formGrid();
    addRow(top, tr("&Label:"), m_label);
    addRow(top, tr("&Kind:"), m_kind);
    QGridLayout *bottom = formGrid();
    addRow(bottom, tr("La&tency p99:"), latencyRow, m_latency);
    addRow(bottom, tr("&Notes:"), m_notes);
    alignLabelColumns({top, bottom});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Component")));
    layout->addLayout(top);
    layout->addWidget(m_kindDescription);
    layout->addLayout(bottom);
    layout->addSpacing(6);
    layout->addWidget(sectionLabel(tr("Properties")));
    layout->addWidget(m_props, 1);

    connect(m_label, &QLineEdit::textEdited, this, &ComponentPage::editLabel);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ComponentPage::editKind);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &ComponentPage::editNotes);
    connect(m_latency, &QDoubleSpinBox::valueChanged, this, &ComponentPage::editLatency);
    connect(m_latencyReset, &QToolButton::clicked, this, &ComponentPage::resetLatency);
    connect(m_props, &PropsTable::edited, this, &ComponentPage::editProps);
}

void ComponentPage::fillKindCombo()
{
    const Catalog &catalog = Catalog::builtin();
    auto *model = qobject_cast<QStandardItemModel *>(m_kind->model());
    QVector<Category> categories = catalog.categories();
    categories.append(Category{QString(), tr("Other"), QColor()});
    for (const Category &category : categories) {
        bool first = true;
        for (const KindInfo &kind : catalog.kinds()) {
            if (kind.category != category.id &&
                (!category.id.isEmpty() || catalog.category(kind.category)))
                continue;
            if (first && model) {
                // A category header: shown in the list, never chosen.
                auto *header = new QStandardItem(category.label);
                header->setFlags(Qt::NoItemFlags);
                QFont f = m_kind->font();
                f.setBold(true);
                header->setFont(f);
                model->appendRow(header);
            }
            first = false;
            m_kind->addItem(IconCache::instance().icon(kind.icon, kind.color), kind.label, kind.id);
            m_kind->setItemData(m_kind->count() - 1, kind.description, Qt::ToolTipRole);
        }
    }
    // The list may be wider than the field: a narrow dock must not elide kind names.
    QAbstractItemView *view = m_kind->view();
    view->setMinimumWidth(view->sizeHintForColumn(0) +
                          view->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
}

void ComponentPage::showElement(const QString &id)
{
    if (id != shownId())
        dropUnknownKind(); // the extra entry belongs to the component that was shown
    InspectorPage::showElement(id);
}

void ComponentPage::showUnknownKind(const QString &kind)
{
    if (kind == m_unknownKind)
        return;
    dropUnknownKind();
    m_unknownKind = kind;
    const QColor grey(0x6B, 0x72, 0x80);
    quietly([&] {
        m_kind->insertItem(0, IconCache::instance().icon(IconCache::iconFileForKind(kind), grey),
                           tr("Unknown kind (%1)").arg(kind), kind);
    });
}

void ComponentPage::dropUnknownKind()
{
    if (m_unknownKind.isEmpty())
        return;
    quietly([&] { m_kind->removeItem(0); });
    m_unknownKind.clear();
}

void ComponentPage::refresh()
{
    const Component *c = diagram() ? diagram()->component(shownId()) : nullptr;
    if (!c)
        return;
    quietly([&] {
        const KindInfo *kind = Catalog::builtin().kind(c->kind);
        if (!kind)
            showUnknownKind(c->kind);
        showText(m_label, c->label);
        const int kindIndex = m_kind->findData(c->kind);
        if (m_kind->currentIndex() != kindIndex)
            m_kind->setCurrentIndex(kindIndex);
        m_kindDescription->setWrappedText(
            kind ? kind->description
                 : tr("This kind is not in mlsketch's catalog; perhaps the file comes from a "
                      "newer version. It is kept as it is. Pick a kind to replace it."));
        if (m_notes->toPlainText() != c->notes)
            m_notes->setPlainText(c->notes);
        m_latency->setDefaultLatency(kind ? kind->latencyMs : 0);
        const std::optional<double> override = known::latencyOverrideMs(c->props);
        m_latency->setOverrideMs(override);
        m_latencyReset->setEnabled(override.has_value());
        m_props->setProps(known::withoutLatencyOverride(c->props));
    });
}

void ComponentPage::editLabel(const QString &text)
{
    const Component *c = diagram() ? diagram()->component(shownId()) : nullptr;
    if (refreshing() || !c || c->label == text)
        return;
    push(EditComponentCommand::setLabel(diagram(), shownId(), text));
}

void ComponentPage::editKind(int index)
{
    const Component *c = diagram() ? diagram()->component(shownId()) : nullptr;
    const QString kind = m_kind->itemData(index).toString();
    if (refreshing() || !c || kind.isEmpty() || c->kind == kind)
        return;
    // The connections stay: ones that no longer fit are flagged by the rule checker.
    push(EditComponentCommand::setKind(diagram(), shownId(), kind));
}

void ComponentPage::editNotes()
{
    const Component *c = diagram() ? diagram()->component(shownId()) : nullptr;
    if (refreshing() || !c || c->notes == m_notes->toPlainText())
        return;
    push(EditComponentCommand::setNotes(diagram(), shownId(), m_notes->toPlainText()));
}

void ComponentPage::editLatency()
{
    const Component *c = diagram() ? diagram()->component(shownId()) : nullptr;
    if (refreshing() || !c)
        return;
    const Json props = known::withLatencyOverride(c->props, m_latency->overrideMs());
    if (props != c->props)
        push(EditComponentCommand::setProps(diagram(), shownId(), props));
}

void ComponentPage::resetLatency()
{
    m_latency->setOverrideMs(std::nullopt);
    editLatency();
}

void ComponentPage::editProps()
{
    const Component *c = diagram() ? diagram()->component(shownId()) : nullptr;
    if (refreshing() || !c)
        return;
    const Json props = known::mergeLatencyOverride(c->props, m_props->props());
    if (props != c->props)
        push(EditComponentCommand::setProps(diagram(), shownId(), props));
}

} // namespace mls
