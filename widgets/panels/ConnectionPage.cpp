// SPDX-License-Identifier: MIT
#include "ConnectionPage.h"

#include "Catalog.h"
#include "Diagram.h"
#include "WrappedLabel.h"
#include "commands/EditConnectionCommand.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QPainter>
#include <QVBoxLayout>

namespace mls {

namespace {

/// A short arrow in the flow's colour and line style, as the canvas draws it.
QIcon flowIcon(const FlowType &flow)
{
    QPixmap pm(32, 32); // drawn at 2x so it stays crisp on high-dpi screens
    pm.setDevicePixelRatio(2);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(flow.color, 2);
    pen.setStyle(flow.style == FlowType::Style::Dashed   ? Qt::DashLine
                 : flow.style == FlowType::Style::Dotted ? Qt::DotLine
                                                         : Qt::SolidLine);
    pen.setCapStyle(Qt::FlatCap);
    p.setPen(pen);
    p.drawLine(QPointF(1, 8), QPointF(11, 8));
    p.setPen(Qt::NoPen);
    p.setBrush(flow.color);
    p.drawPolygon(QPolygonF({QPointF(10, 4), QPointF(15, 8), QPointF(10, 12)}));
    return QIcon(pm);
}

} // namespace

ConnectionPage::ConnectionPage(QWidget *parent)
    : InspectorPage(parent), m_ends(new QLabel(this)), m_flow(new QComboBox(this)),
      m_flowDescription(new WrappedLabel(this)), m_label(new QLineEdit(this))
{
    m_ends->setWordWrap(true);
    QFont endsFont = m_ends->font();
    endsFont.setBold(true);
    m_ends->setFont(endsFont);
    m_ends->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_flow->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_flow->setMinimumContentsLength(8);
    makeSubtle(m_flowDescription);
    m_label->setPlaceholderText(tr("Optional text on the arrow"));

    QGridLayout *top = formGrid();
    addRow(top, tr("&Flow:"), m_flow);
    QGridLayout *bottom = formGrid();
    addRow(bottom, tr("&Label:"), m_label);
    const int indent = alignLabelColumns({top, bottom});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Connection")));
    layout->addWidget(m_ends);
    layout->addSpacing(4);
    layout->addLayout(top);
    layout->addLayout(indentedRow(m_flowDescription, indent));
    layout->addLayout(bottom);
    layout->addStretch();

    connect(m_flow, &QComboBox::currentIndexChanged, this, &ConnectionPage::editFlow);
    connect(m_label, &QLineEdit::textEdited, this, &ConnectionPage::editLabel);
}

bool ConnectionPage::showsEnd(const QString &id) const
{
    const Connection *c = diagram() ? diagram()->connection(shownId()) : nullptr;
    return c && (c->from == id || c->to == id);
}

void ConnectionPage::refresh()
{
    const Connection *c = diagram() ? diagram()->connection(shownId()) : nullptr;
    if (!c)
        return;
    const Component *from = diagram()->component(c->from);
    const Component *to = diagram()->component(c->to);
    if (!from || !to)
        return;
    quietly([&] {
        const Catalog &catalog = Catalog::builtin();
        m_ends->setText(
            QStringLiteral("%1 → %2").arg(catalog.displayName(*from), catalog.displayName(*to)));
        m_ends->setToolTip(QStringLiteral("%1 → %2").arg(catalog.kindLabel(from->kind),
                                                         catalog.kindLabel(to->kind)));
        const QStringList valid = catalog.compatibleFlows(from->kind, to->kind);
        fillFlows(valid, c->flow);
        const int flowIndex = m_flow->findData(c->flow);
        if (m_flow->currentIndex() != flowIndex)
            m_flow->setCurrentIndex(flowIndex);
        const QString description = flowDescription(from->kind, to->kind, valid, c->flow);
        m_flowDescription->setWrappedText(description);
        m_flowDescription->setVisible(!description.isEmpty());
        showText(m_label, c->label);
    });
}

void ConnectionPage::fillFlows(const QStringList &valid, const QString &current)
{
    QStringList ids = valid;
    if (!valid.contains(current))
        ids.append(current);
    QStringList shown;
    for (int i = 0; i < m_flow->count(); ++i)
        shown.append(m_flow->itemData(i).toString());
    if (shown == ids)
        return;
    const Catalog &catalog = Catalog::builtin();
    m_flow->clear();
    for (const QString &id : std::as_const(ids)) {
        const FlowType *flow = catalog.flow(id);
        QString text = catalog.flowLabel(id);
        if (!valid.contains(id))
            text = tr("%1 (not valid for these kinds)").arg(text);
        m_flow->addItem(flow ? flowIcon(*flow) : QIcon(), text, id);
    }
}

QString ConnectionPage::flowDescription(const QString &fromKind, const QString &toKind,
                                        const QStringList &valid, const QString &flow) const
{
    const Catalog &catalog = Catalog::builtin();
    if (valid.contains(flow)) {
        const FlowType *type = catalog.flow(flow);
        return type ? type->description : QString();
    }
    if (valid.isEmpty())
        return tr("%1 cannot send anything %2 accepts.")
            .arg(catalog.kindLabel(fromKind), catalog.kindLabel(toKind));
    QStringList labels;
    for (const QString &id : valid)
        labels.append(catalog.flowLabel(id));
    return tr("%1 → %2 can carry: %3.")
        .arg(catalog.kindLabel(fromKind), catalog.kindLabel(toKind),
             labels.join(QStringLiteral(", ")));
}

void ConnectionPage::editFlow(int index)
{
    const Connection *c = diagram() ? diagram()->connection(shownId()) : nullptr;
    const QString flow = m_flow->itemData(index).toString();
    if (refreshing() || !c || flow.isEmpty() || c->flow == flow)
        return;
    push(EditConnectionCommand::setFlow(diagram(), shownId(), flow));
}

void ConnectionPage::editLabel(const QString &text)
{
    const Connection *c = diagram() ? diagram()->connection(shownId()) : nullptr;
    if (refreshing() || !c || c->label == text)
        return;
    push(EditConnectionCommand::setLabel(diagram(), shownId(), text));
}

} // namespace mls
