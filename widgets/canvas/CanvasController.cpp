// SPDX-License-Identifier: MIT
#include "CanvasController.h"

#include "Catalog.h"
#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "GroupItem.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditGroupCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/ReattachConnectionCommand.h"
#include "commands/UndoText.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QToolTip>
#include <QUndoStack>

namespace mls {

CanvasController::CanvasController(DiagramScene *scene)
    : m_scene(scene), m_connect(scene), m_resize(scene)
{}

ComponentItem *CanvasController::connectableCardAt(const QPointF &scenePos) const
{
    // The band reaches a few px outside the card, beyond its shape: look in a small square.
    const qreal r = ConnectHandles::edgeOutside + 1;
    const QRectF around(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r));
    for (QGraphicsItem *item : m_scene->items(around)) { // topmost first
        auto *card = qgraphicsitem_cast<ComponentItem *>(item);
        if (!card)
            continue;
        if (card->grabsConnection(scenePos))
            return card;
        if (card->sceneCardRect().contains(scenePos))
            return nullptr; // the body of a card above wins over a neighbour's handle
    }
    return nullptr;
}

QString CanvasController::arrowEndAt(const QPointF &scenePos, bool *source) const
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

bool CanvasController::beginConnectOrReattach(const QPointF &pos)
{
    // Before anything else under the cursor: an end handle of a selected arrow, then a card's
    // handles and border band (they win over the arrows and labels beneath or above them).
    bool tail = false;
    const QString arrow = arrowEndAt(pos, &tail);
    if (!arrow.isEmpty()) {
        const Connection *c = m_scene->diagram()->connection(arrow);
        m_mode = Mode::Connecting;
        m_reattach = arrow;
        m_pressPos = pos;
        m_connect.begin(tail ? c->to : c->from, pos, tail);
        return true;
    }
    if (ComponentItem *card = connectableCardAt(pos)) {
        m_mode = Mode::Connecting;
        m_reattach.clear();
        m_pressPos = pos;
        m_connect.begin(card->componentId(), pos);
        return true;
    }
    return false;
}

bool CanvasController::press(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_scene->undoStack())
        return false;
    const QPointF pos = event->scenePos();
    if (beginConnectOrReattach(pos))
        return true;
    QGraphicsItem *item = m_scene->interactiveItemAt(pos);
    auto *card = qgraphicsitem_cast<ComponentItem *>(item);
    auto *zone = qgraphicsitem_cast<GroupItem *>(item);
    if (!card && !zone)
        return false; // connections and empty canvas: default selection and rubber band
    const bool toggle = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    if (const Qt::Edges edges = zone ? zone->resizeEdgesAt(pos) : Qt::Edges(); edges && !toggle) {
        m_scene->selectIds({zone->groupId()});
        m_mode = Mode::Resizing;
        m_resize.begin(zone->groupId(), edges, pos);
        return true;
    }
    if (toggle) {
        item->setSelected(!item->isSelected());
        return true;
    }
    if (!item->isSelected()) {
        m_scene->clearSelection();
        item->setSelected(true);
    }
    beginMove(pos, card ? card->componentId() : QString(), zone ? zone->groupId() : QString());
    return true;
}

void CanvasController::beginMove(const QPointF &scenePos, const QString &anchorId,
                                 const QString &zoneId)
{
    m_mode = Mode::Pending;
    m_pressPos = scenePos;
    m_zone = zoneId;
    m_delta = QPointF();
    m_start.clear();
    const Diagram *d = m_scene->diagram();
    auto add = [&](const QString &id) {
        if (const Component *c = d->component(id))
            m_start.insert(id, c->pos);
    };
    for (const QString &id : m_scene->selectedComponentIds())
        add(id);
    for (const QString &gid : m_scene->selectedGroupIds()) {
        if (const Group *g = d->group(gid)) {
            for (const QString &m : g->members)
                add(m);
        }
    }
    m_anchor = anchorId;
    if (m_anchor.isEmpty() && !m_start.isEmpty())
        m_anchor = m_start.constBegin().key();
}

bool CanvasController::move(QGraphicsSceneMouseEvent *event)
{
    if (m_mode == Mode::Connecting) {
        m_connect.update(event->scenePos());
        return true;
    }
    if (m_mode == Mode::Resizing) {
        m_resize.update(event->scenePos());
        return true;
    }
    if (m_mode != Mode::Pending && m_mode != Mode::Moving)
        return false;
    const QPointF raw = event->scenePos() - m_pressPos;
    if (m_mode == Mode::Pending && raw.manhattanLength() < QApplication::startDragDistance())
        return true;
    m_mode = Mode::Moving;
    // The anchor card lands on the grid; everything else keeps its offset to it.
    QPointF delta = raw;
    if (m_start.contains(m_anchor))
        delta = m_scene->snapped(m_start.value(m_anchor) + raw) - m_start.value(m_anchor);
    m_delta = delta;
    QHash<QString, QPointF> preview;
    for (auto it = m_start.constBegin(); it != m_start.constEnd(); ++it)
        preview.insert(it.key(), it.value() + delta);
    m_scene->previewMove(preview, m_scene->selectedGroupIds(), delta);
    return true;
}

bool CanvasController::release(QGraphicsSceneMouseEvent *event)
{
    switch (m_mode) {
    case Mode::Idle:
        return false;
    case Mode::Connecting:
        finishConnect(event->scenePos(), event->screenPos());
        return true;
    case Mode::Resizing:
        m_mode = Mode::Idle;
        if (QUndoCommand *cmd = m_resize.finish(event->scenePos()))
            m_scene->undoStack()->push(cmd);
        return true;
    case Mode::Pending:
        m_mode = Mode::Idle;
        return true;
    case Mode::Moving:
        finishMove();
        return true;
    }
    return false;
}

QStringList CanvasController::membershipChanges(QHash<QString, QStringList> &newMembers) const
{
    // Only single cards dragged on their own change zones; dragging a zone keeps its members.
    QStringList changed;
    if (!m_scene->selectedGroupIds().isEmpty())
        return changed;
    const Diagram *d = m_scene->diagram();
    for (const Group &g : d->groups()) {
        GroupItem *zone = m_scene->groupItem(g.id);
        if (!zone)
            continue;
        const QRectF area = zone->sceneRect();
        QStringList members = g.members;
        for (auto it = m_start.constBegin(); it != m_start.constEnd(); ++it) {
            const bool inside = area.contains(it.value() + m_delta);
            const bool member = members.contains(it.key());
            if (member && !inside)
                members.removeAll(it.key());
            else if (!member && inside)
                members.append(it.key());
        }
        if (members != g.members) {
            newMembers.insert(g.id, members);
            changed << g.id;
        }
    }
    return changed;
}

void CanvasController::finishMove()
{
    m_mode = Mode::Idle;
    QUndoStack *stack = m_scene->undoStack();
    Diagram *d = m_scene->diagram();
    QStringList ids;
    QVector<QPointF> to;
    for (auto it = m_start.constBegin(); it != m_start.constEnd(); ++it) {
        ids << it.key();
        to << it.value() + m_delta;
    }
    QHash<QString, QStringList> newMembers;
    const QStringList zones = membershipChanges(newMembers);
    m_scene->endPreview();
    if (m_delta.isNull() || ids.isEmpty())
        return;
    if (zones.isEmpty()) {
        stack->push(new MoveComponentsCommand(d, ids, to));
        return;
    }
    const int n = int(ids.size());
    stack->beginMacro(sourcePlural(
        QCoreApplication::translate("mls::CanvasController",
                                    "Move %n component(s) and change zones", nullptr, n),
        n));
    stack->push(new MoveComponentsCommand(d, ids, to));
    for (const QString &gid : zones)
        stack->push(EditGroupCommand::setMembers(d, gid, newMembers.value(gid)));
    stack->endMacro();
}

QString CanvasController::pickFlow(const QStringList &fitting, const QString &fromKind,
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

void CanvasController::finishConnect(const QPointF &scenePos, const QPoint &screenPos)
{
    m_mode = Mode::Idle;
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

void CanvasController::finishReattach(const ConnectDragTool::Outcome &out, bool tail,
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

void CanvasController::dropOnCanvas(const QString &source, const QPointF &scenePos,
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

bool CanvasController::key(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_mode != Mode::Idle) {
        cancel();
        return true;
    }
    QPointF step;
    switch (event->key()) {
    case Qt::Key_Left:
        step = QPointF(-1, 0);
        break;
    case Qt::Key_Right:
        step = QPointF(1, 0);
        break;
    case Qt::Key_Up:
        step = QPointF(0, -1);
        break;
    case Qt::Key_Down:
        step = QPointF(0, 1);
        break;
    default:
        return false;
    }
    const QStringList ids = m_scene->selectedComponentIds();
    if (ids.isEmpty() || m_mode != Mode::Idle || !m_scene->undoStack())
        return false;
    const qreal unit = m_scene->snapToGrid() ? DiagramScene::gridSize : 1;
    step *= unit * ((event->modifiers() & Qt::ShiftModifier) ? 10 : 1);
    QVector<QPointF> to;
    for (const QString &id : ids)
        to << m_scene->diagram()->component(id)->pos + step;
    m_scene->undoStack()->push(MoveComponentsCommand::nudge(m_scene->diagram(), ids, to));
    return true;
}

void CanvasController::cancel()
{
    if (m_mode == Mode::Connecting)
        m_connect.cancel();
    if (m_mode == Mode::Resizing)
        m_resize.cancel();
    m_reattach.clear();
    if (m_mode == Mode::Moving)
        m_scene->endPreview();
    m_mode = Mode::Idle;
}

} // namespace mls
