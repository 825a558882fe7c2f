// SPDX-License-Identifier: MIT
#include "PropsTable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSet>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mls {

namespace {
/// The value cell remembers the JSON it was filled with, so an untouched cell keeps its type.
constexpr int OriginalJsonRole = Qt::UserRole;
constexpr int KeyColumn = 0;
constexpr int ValueColumn = 1;
} // namespace

PropsTable::PropsTable(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(0, 2, this)), m_add(new QToolButton(this)),
      m_remove(new QToolButton(this))
{
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              3 * m_table->verticalHeader()->defaultSectionSize() + 4);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    m_add->setText(tr("Add"));
    m_add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setToolTip(tr("Add a property"));
    m_remove->setText(tr("Remove"));
    m_remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setToolTip(tr("Remove the selected properties"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QToolButton::clicked, this, &PropsTable::addRow);
    connect(m_remove, &QToolButton::clicked, this, &PropsTable::removeSelectedRows);
    connect(m_table, &QTableWidget::itemChanged, this, &PropsTable::cellChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PropsTable::updateButtons);
    updateButtons();
}

Json PropsTable::parseValue(const QString &text)
{
    const Json parsed = Json::parse(text.trimmed().toStdString(), nullptr, false);
    if (!text.trimmed().isEmpty() && (parsed.is_number() || parsed.is_boolean()))
        return parsed;
    return Json(toStd(text));
}

QString PropsTable::displayValue(const Json &value)
{
    if (value.is_string())
        return toQt(value.get<std::string>());
    return toQt(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void PropsTable::setProps(const Json &props)
{
    if (props == this->props())
        return;
    const bool wasFilling = m_filling;
    m_filling = true;
    m_table->setRowCount(0);
    if (props.is_object()) {
        for (auto it = props.begin(); it != props.end(); ++it)
            appendRow(toQt(it.key()), it.value());
    }
    markDuplicates();
    m_filling = wasFilling;
    updateButtons();
}

Json PropsTable::props() const
{
    Json result = Json::object();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *key = m_table->item(row, KeyColumn);
        const std::string k = key ? toStd(key->text().trimmed()) : std::string();
        if (k.empty() || result.contains(k))
            continue;
        result[k] = valueAt(row);
    }
    return result;
}

Json PropsTable::valueAt(int row) const
{
    const QTableWidgetItem *item = m_table->item(row, ValueColumn);
    if (!item)
        return Json("");
    const QString original = item->data(OriginalJsonRole).toString();
    if (!original.isEmpty()) {
        const Json was = Json::parse(original.toStdString(), nullptr, false);
        if (!was.is_discarded() && displayValue(was) == item->text())
            return was;
    }
    return parseValue(item->text());
}

void PropsTable::appendRow(const QString &key, const Json &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, KeyColumn, new QTableWidgetItem(key));
    auto *valueItem = new QTableWidgetItem(displayValue(value));
    valueItem->setData(OriginalJsonRole,
                       toQt(value.dump(-1, ' ', false, Json::error_handler_t::replace)));
    m_table->setItem(row, ValueColumn, valueItem);
}

void PropsTable::addRow()
{
    const bool wasFilling = m_filling;
    m_filling = true;
    m_table->insertRow(m_table->rowCount());
    m_table->setItem(m_table->rowCount() - 1, KeyColumn, new QTableWidgetItem);
    m_table->setItem(m_table->rowCount() - 1, ValueColumn, new QTableWidgetItem);
    m_filling = wasFilling;
    // A row without a key is not a property yet: nothing to save until the key is typed.
    QTableWidgetItem *key = m_table->item(m_table->rowCount() - 1, KeyColumn);
    m_table->setCurrentItem(key);
    m_table->editItem(key);
    updateButtons();
}

void PropsTable::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    const Json before = props();
    m_filling = true;
    for (int row : rows)
        m_table->removeRow(row);
    markDuplicates();
    m_filling = false;
    updateButtons();
    if (props() != before)
        Q_EMIT edited();
}

void PropsTable::cellChanged()
{
    if (m_filling)
        return;
    m_filling = true;
    markDuplicates();
    m_filling = false;
    Q_EMIT edited();
}

void PropsTable::markDuplicates()
{
    QSet<QString> seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *key = m_table->item(row, KeyColumn);
        if (!key)
            continue;
        const QString k = key->text().trimmed();
        const bool duplicate = !k.isEmpty() && seen.contains(k);
        seen.insert(k);
        key->setData(Qt::ForegroundRole,
                     duplicate ? QVariant(QColor(0xC6, 0x28, 0x28)) : QVariant());
        key->setToolTip(duplicate ? tr("Duplicate key: this row is ignored") : QString());
    }
}

void PropsTable::updateButtons()
{
    m_remove->setEnabled(m_table->rowCount() > 0 &&
                         (m_table->selectionModel()->hasSelection() || m_table->currentRow() >= 0));
}

} // namespace mls
