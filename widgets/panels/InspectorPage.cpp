// SPDX-License-Identifier: MIT
#include "InspectorPage.h"

#include "Diagram.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QUndoStack>

#include <algorithm>

namespace mls {

InspectorPage::InspectorPage(QWidget *parent) : QWidget(parent) {}

void InspectorPage::setDocument(Diagram *diagram, QUndoStack *stack)
{
    m_diagram = diagram;
    m_stack = stack;
}

Diagram *InspectorPage::diagram() const
{
    return m_diagram;
}

void InspectorPage::showElement(const QString &id)
{
    m_shownId = id;
    refresh();
}

void InspectorPage::showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0);
}

void InspectorPage::push(QUndoCommand *command)
{
    if (!command)
        return;
    if (m_stack) {
        m_stack->push(command);
    } else {
        command->redo();
        delete command;
    }
}

QLabel *InspectorPage::heading(const QString &text)
{
    auto *label = new QLabel(text, this);
    QFont f = label->font();
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.25);
    label->setFont(f);
    return label;
}

QLabel *InspectorPage::sectionLabel(const QString &text)
{
    auto *label = new QLabel(text, this);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QGridLayout *InspectorPage::formGrid()
{
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    const int spacing = style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
    grid->setHorizontalSpacing(spacing >= 0 ? spacing : 6);
    return grid;
}

int InspectorPage::alignLabelColumns(const QList<QGridLayout *> &grids)
{
    int width = 0;
    for (const QGridLayout *grid : grids) {
        for (int row = 0; row < grid->rowCount(); ++row) {
            if (const QLayoutItem *item = grid->itemAtPosition(row, 0))
                width = std::max(width, item->sizeHint().width());
        }
    }
    int indent = width;
    for (QGridLayout *grid : grids) {
        grid->setColumnMinimumWidth(0, width);
        indent = width + grid->horizontalSpacing();
    }
    return indent;
}

QLayout *InspectorPage::indentedRow(QWidget *widget, int indent)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(indent, 0, 0, 0);
    row->addWidget(widget);
    return row;
}

QLabel *InspectorPage::addRow(QGridLayout *grid, const QString &text, QWidget *field)
{
    const int row = grid->rowCount();
    auto *label = new QLabel(text, this);
    label->setBuddy(field);
    // Beside a one-line field the label is centred on it; beside a text box, at its top.
    const bool tall = field->sizePolicy().verticalPolicy() & QSizePolicy::ExpandFlag ||
                      field->sizePolicy().verticalPolicy() == QSizePolicy::Ignored;
    grid->addWidget(label, row, 0, tall ? Qt::AlignLeft | Qt::AlignTop : Qt::AlignLeft);
    grid->addWidget(field, row, 1);
    return label;
}

QLabel *InspectorPage::addRow(QGridLayout *grid, const QString &text, QLayout *field,
                              QWidget *buddy)
{
    const int row = grid->rowCount();
    auto *label = new QLabel(text, this);
    label->setBuddy(buddy);
    grid->addWidget(label, row, 0, Qt::AlignLeft);
    grid->addLayout(field, row, 1);
    return label;
}

void InspectorPage::makeSubtle(QLabel *label)
{
    m_subtleLabels.append(label);
    applySubtleColours();
}

void InspectorPage::applySubtleColours()
{
    QPalette p = palette();
    const QColor text = p.color(QPalette::WindowText);
    const QColor window = p.color(QPalette::Window);
    const QColor subtle = QColor::fromRgbF(text.redF() * 0.6f + window.redF() * 0.4f,
                                           text.greenF() * 0.6f + window.greenF() * 0.4f,
                                           text.blueF() * 0.6f + window.blueF() * 0.4f);
    p.setColor(QPalette::WindowText, subtle);
    for (QLabel *label : std::as_const(m_subtleLabels))
        label->setPalette(p);
}

void InspectorPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applySubtleColours();
}

} // namespace mls
