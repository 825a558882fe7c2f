#include "CanvasController.h"

#include "Catalog.h"
#include "ComponentItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "GroupItem.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditGroupCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/UndoText.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QToolTip>
#include <QUndoStack>

namespace mls {

CanvasController::CanvasController(DiagramScene *scene) : m_scene(scene), m_connect(scene) {}

bool CanvasController::press(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_scene->undoStack())
        return false;
    const QPointF pos = event->scenePos();
    QGraphicsItem *item = m_scene->interactiveItemAt(pos);
    auto *card = qgraphicsitem_cast<ComponentItem *>(item);
    auto *zone = qgraphicsitem_cast<GroupItem *>(item);
    if (card && card->handleRect().contains(card->mapFromScene(pos))) {
        m_mode = Mode::Connecting;
        m_connect.begin(card->componentId(), pos);
        return true;
    }
    if (!card && !zone)
        return false; // connections and empty canvas: default selection and rubber band
    const bool toggle = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
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
        const QRectF area = zone->sceneBoundingRect();
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

void CanvasController::finishConnect(const QPointF &scenePos, const QPoint &screenPos)
{
    m_mode = Mode::Idle;
    const QString source = m_connect.source();
    const ConnectDragTool::Outcome out = m_connect.finish(scenePos);
    Diagram *d = m_scene->diagram();
    const Component *from = d->component(source);
    if (out.target.isEmpty() || !from)
        return;
    QStringList choices = out.flows;
    if (choices.isEmpty()) {
        if (!m_scene->allowIncompatible()) {
            m_scene->reportRefusal(out.refusal, screenPos);
            return;
        }
        // Drawn anyway, for the rule checker to flag: offer what the source can send.
        const KindInfo *kind = Catalog::builtin().kind(from->kind);
        for (const FlowType &f : Catalog::builtin().flows()) {
            if (!kind || kind->produces.contains(f.id))
                choices << f.id;
        }
    }
    const QString flow =
        choices.size() == 1 ? choices.first() : m_scene->chooseFlow(choices, screenPos);
    if (flow.isEmpty())
        return;
    Connection c;
    c.id = d->uniqueId(QStringLiteral("e"));
    c.from = source;
    c.to = out.target;
    c.flow = flow;
    m_scene->undoStack()->push(AddItemsCommand::connect(d, c));
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
    if (m_mode == Mode::Moving)
        m_scene->endPreview();
    m_mode = Mode::Idle;
}

} // namespace mls
