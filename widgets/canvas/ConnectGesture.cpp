// SPDX-License-Identifier: MIT
#include "ConnectGesture.h"

#include "BoardHitTest.h"
#include "Catalog.h"
#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "commands/AddItemsCommand.h"
#include "commands/ReattachConnectionCommand.h"

#include <QApplication>
#include <QLineF>
#include <QUndoStack>

#include <utility>

namespace mls {

ConnectGesture::ConnectGesture(DiagramScene *scene) : m_scene(scene), m_connect(scene) {}

QString ConnectGesture::arrowEndAt(const QPointF &scenePos, bool *source) const
{
    for (const QString &id : m_scene->selectedConnectionIds()) {
        ConnectionItem *arrow = m_scene->connectionItem(id);
        if (!arrow || arrow->fromId() == arrow->toId())
            continue;
        const qreal hit = ConnectionItem::endHandleHitRadius;
        if (QLineF(arrow->targetEnd(), scenePos).length() <= hit) {
            *source = false;
            return id;
        }
        if (QLineF(arrow->sourceEnd(), scenePos).length() <= hit) {
            *source = true;
            return id;
        }
    }
    return {};
}

bool ConnectGesture::begin(const QPointF &pos)
{
    // Before anything else under the cursor: an end handle of a selected arrow, then a card's
    // handles and border band (they win over the arrows and labels beneath or above them).
    bool tail = false;
    const QString arrow = arrowEndAt(pos, &tail);
    if (!arrow.isEmpty()) {
        const Connection *c = m_scene->diagram()->connection(arrow);
        m_reattach = arrow;
        m_pressPos = pos;
        m_connect.begin(tail ? c->to : c->from, pos, tail);
        return true;
    }
    if (ComponentItem *card = BoardHitTest::connectableCardAt(*m_scene, pos)) {
        m_reattach.clear();
        m_pressPos = pos;
        m_connect.begin(card->componentId(), pos);
        return true;
    }
    return false;
}

QString ConnectGesture::pickFlow(const QStringList &fitting, const QString &fromKind,
                                 const QString &keep, const QString &refusal,
                                 const QPoint &screenPos)
{
    QStringList choices = fitting;
    if (choices.isEmpty()) {
        if (!m_scene->allowIncompatible()) {
            m_scene->reportRefusal(refusal, screenPos);
            return {};
        }
        // Drawn anyway, for the rule checker to flag: offer what the source can send.
        const KindInfo *kind = Catalog::builtin().kind(fromKind);
        for (const FlowType &f : Catalog::builtin().flows()) {
            if (!kind || kind->produces.contains(f.id))
                choices << f.id;
        }
    }
    if (!keep.isEmpty() && choices.contains(keep))
        return keep;
    return choices.size() == 1 ? choices.first() : m_scene->chooseFlow(choices, screenPos);
}

void ConnectGesture::finish(const QPointF &scenePos, const QPoint &screenPos)
{
    const QString source = m_connect.source();
    const bool tail = m_connect.anchorIsTarget(); // finish() forgets it
    const ConnectDragTool::Outcome out = m_connect.finish(scenePos);
    if (!m_reattach.isEmpty()) {
        finishReattach(out, tail, screenPos);
        return;
    }
    Diagram *d = m_scene->diagram();
    const Component *from = d->component(source);
    if (!from)
        return;
    if (out.target.isEmpty()) {
        // A click on a handle is not a drop; over a card's body (its own) neither.
        const bool dragged =
            QLineF(m_pressPos, scenePos).length() > 3 * QApplication::startDragDistance();
        if (dragged && !m_scene->componentAt(scenePos))
            dropOnCanvas(source, scenePos, screenPos);
        return;
    }
    const QString flow = pickFlow(out.flows, from->kind, QString(), out.refusal, screenPos);
    if (flow.isEmpty())
        return;
    Connection c;
    c.id = d->uniqueId(QStringLiteral("e"));
    c.from = source;
    c.to = out.target;
    c.flow = flow;
    m_scene->undoStack()->push(AddItemsCommand::connect(d, c));
}

void ConnectGesture::finishReattach(const ConnectDragTool::Outcome &out, bool tail,
                                    const QPoint &screenPos)
{
    Diagram *d = m_scene->diagram();
    const QString id = std::exchange(m_reattach, QString());
    const Connection *c = d->connection(id);
    if (!c || out.target.isEmpty())
        return;
    const QString from = tail ? out.target : c->from;
    const QString to = tail ? c->to : out.target;
    if (from == c->from && to == c->to)
        return;
    const QString flow =
        pickFlow(out.flows, d->component(from)->kind, c->flow, out.refusal, screenPos);
    if (flow.isEmpty())
        return;
    m_scene->undoStack()->push(new ReattachConnectionCommand(d, id, from, to, flow));
}

void ConnectGesture::dropOnCanvas(const QString &source, const QPointF &scenePos,
                                  const QPoint &screenPos)
{
    Diagram *d = m_scene->diagram();
    const Catalog &cat = Catalog::builtin();
    const Component *from = d->component(source);
    // The same compatibility the connect veto uses: what the source produces and a kind consumes.
    QStringList kinds;
    QStringList flowTexts;
    for (const KindInfo &k : cat.kinds()) {
        const QStringList flows = cat.compatibleFlows(from->kind, k.id);
        if (flows.isEmpty())
            continue;
        QStringList labels;
        for (const QString &f : flows)
            labels << cat.flowLabel(f).toLower();
        kinds << k.id;
        flowTexts << labels.join(QStringLiteral(" or "));
    }
    if (kinds.isEmpty()) {
        m_scene->reportRefusal(QStringLiteral("%1 produces nothing another component consumes")
                                   .arg(cat.displayName(*from)),
                               screenPos);
        return;
    }
    const QString kind = m_scene->chooseKind(kinds, flowTexts, screenPos);
    if (kind.isEmpty())
        return;
    const QString flow = pickFlow(cat.compatibleFlows(from->kind, kind), from->kind, QString(),
                                  QString(), screenPos);
    if (flow.isEmpty())
        return;
    // The new card's near edge where the arrow was dropped, away from the source.
    const QPointF away = scenePos - from->pos;
    const bool sideways =
        std::abs(away.x()) * CardStyle::cardHeight >= std::abs(away.y()) * CardStyle::cardWidth;
    const QPointF half =
        sideways
            ? QPointF(away.x() < 0 ? -CardStyle::cardWidth / 2 : CardStyle::cardWidth / 2, 0)
            : QPointF(0, away.y() < 0 ? -CardStyle::cardHeight / 2 : CardStyle::cardHeight / 2);
    Component c;
    c.id = d->uniqueId(QStringLiteral("c"));
    c.kind = kind;
    c.label = cat.kindLabel(kind);
    c.pos = m_scene->snapped(scenePos + half);
    Connection e;
    e.id = d->uniqueId(QStringLiteral("e"));
    e.from = source;
    e.to = c.id;
    e.flow = flow;
    m_scene->undoStack()->push(AddItemsCommand::addConnected(d, c, e));
    m_scene->selectIds({c.id});
}

void ConnectGesture::update(const QPointF &scenePos)
{
    m_connect.update(scenePos);
}

void ConnectGesture::cancel()
{
    m_connect.cancel();
    m_reattach.clear();
}

} // namespace mls
