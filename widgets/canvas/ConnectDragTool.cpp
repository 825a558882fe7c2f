// SPDX-License-Identifier: MIT
#include "ConnectDragTool.h"

#include "Catalog.h"
#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"

#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include <utility>

namespace mls {

ConnectDragTool::ConnectDragTool(DiagramScene *scene) : m_scene(scene) {}

ConnectDragTool::~ConnectDragTool()
{
    cancel();
}

QString ConnectDragTool::refusalText(const QString &fromKind, const QString &toKind)
{
    const Catalog &cat = Catalog::builtin();
    const KindInfo *from = cat.kind(fromKind);
    const KindInfo *to = cat.kind(toKind);
    if (!from || !to)
        return QStringLiteral("%1 is not in the catalog, so no flow is known to fit")
            .arg(!from ? cat.kindLabel(fromKind) : cat.kindLabel(toKind));
    auto list = [](const QStringList &flows) {
        return flows.isEmpty() ? QStringLiteral("nothing") : flows.join(QStringLiteral(", "));
    };
    return QStringLiteral("%1 produces %2; %3 consumes %4")
        .arg(from->label, list(from->produces), to->label, list(to->consumes));
}

void ConnectDragTool::begin(const QString &anchorId, const QPointF &scenePos, bool anchorIsTarget)
{
    cancel();
    m_source = anchorId;
    m_anchorIsTarget = anchorIsTarget;
    const CardStyle &style = m_scene->style();
    m_line = m_scene->addPath(QPainterPath(), QPen(style.selection, 2, Qt::DashLine));
    m_line->setZValue(1000);
    m_hintBox = m_scene->addRect(QRectF(), QPen(style.cardBorder), style.cardFill);
    m_hintBox->setZValue(1001);
    m_hint = new QGraphicsSimpleTextItem(m_hintBox);
    m_hint->setFont(style.kindFont());
    m_hint->setBrush(style.text);
    m_hintBox->setVisible(false);
    update(scenePos);
}

ConnectDragTool::Outcome ConnectDragTool::evaluate(const QPointF &scenePos) const
{
    Outcome out;
    ComponentItem *item = m_scene->componentAt(scenePos);
    if (!item || item->componentId() == m_source)
        return out;
    out.target = item->componentId();
    const Component *from = m_scene->diagram()->component(m_source);
    const Component *to = m_scene->diagram()->component(out.target);
    if (m_anchorIsTarget)
        std::swap(from, to);
    if (!from || !to)
        return out;
    out.flows = Catalog::builtin().compatibleFlows(from->kind, to->kind);
    if (out.flows.isEmpty())
        out.refusal = refusalText(from->kind, to->kind);
    return out;
}

void ConnectDragTool::setTarget(const QString &id, int feedback)
{
    if (m_target != id) {
        if (ComponentItem *old = m_scene->componentItem(m_target))
            old->setConnectFeedback(ComponentItem::ConnectFeedback::None);
        m_target = id;
    }
    if (ComponentItem *item = m_scene->componentItem(m_target))
        item->setConnectFeedback(ComponentItem::ConnectFeedback(feedback));
}

void ConnectDragTool::update(const QPointF &scenePos)
{
    ComponentItem *source = m_scene->componentItem(m_source);
    if (!source || !m_line)
        return;
    const Outcome out = evaluate(scenePos);
    QPainterPath path;
    path.moveTo(ConnectionItem::clipToRect(source->sceneCardRect(), scenePos));
    path.lineTo(scenePos);
    m_line->setPath(path);

    if (out.target.isEmpty()) {
        setTarget(QString(), 0);
        m_hintBox->setVisible(false);
        return;
    }
    const bool fits = !out.flows.isEmpty();
    setTarget(out.target, int(fits ? ComponentItem::ConnectFeedback::Accepts
                                   : ComponentItem::ConnectFeedback::Refuses));
    QStringList labels;
    for (const QString &f : out.flows)
        labels << Catalog::builtin().flowLabel(f).toLower();
    m_hint->setText(fits ? labels.join(QStringLiteral(" or ")) : out.refusal);
    const QRectF text = m_hint->boundingRect();
    m_hint->setPos(6, 3);
    m_hintBox->setRect(QRectF(0, 0, text.width() + 12, text.height() + 6));
    m_hintBox->setPen(QPen(fits ? QColor(0x16, 0xA3, 0x4A) : m_scene->style().unknown, 1));
    m_hintBox->setPos(scenePos + QPointF(14, 14));
    m_hintBox->setVisible(true);
}

ConnectDragTool::Outcome ConnectDragTool::finish(const QPointF &scenePos)
{
    const Outcome out = evaluate(scenePos);
    cancel();
    return out;
}

void ConnectDragTool::cancel()
{
    setTarget(QString(), 0);
    delete m_line;
    m_line = nullptr;
    delete m_hintBox; // owns the hint text
    m_hintBox = nullptr;
    m_hint = nullptr;
    m_source.clear();
    m_anchorIsTarget = false;
}

} // namespace mls
