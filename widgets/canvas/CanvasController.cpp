// SPDX-License-Identifier: MIT
#include "CanvasController.h"

#include "ComponentItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "NoteItem.h"
#include "SceneNotes.h"
#include "ZoneItem.h"
#include "commands/EditGroupCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/UndoText.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QUndoStack>

#include <utility>

namespace mls {

CanvasController::CanvasController(DiagramScene *scene)
    : m_scene(scene), m_connect(scene), m_resize(scene), m_noteResize(scene)
{}

bool CanvasController::press(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_scene->undoStack())
        return false;
    const QPointF pos = event->scenePos();
    if (m_connect.begin(pos)) {
        m_mode = Mode::Connecting;
        return true;
    }
    if (NoteItem *grip = m_scene->notes()->gripAt(pos)) {
        m_mode = Mode::ResizingNote;
        m_noteResize.begin(grip->noteId(), pos);
        return true;
    }
    QGraphicsItem *item = m_scene->interactiveItemAt(pos);
    auto *card = qgraphicsitem_cast<ComponentItem *>(item);
    auto *zone = qgraphicsitem_cast<ZoneItem *>(item);
    auto *note = qgraphicsitem_cast<NoteItem *>(item);
    if (!card && !zone && !note)
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
    const QString anchor = card ? card->componentId() : note ? note->noteId() : QString();
    beginMove(pos, anchor, zone ? zone->groupId() : QString());
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
    for (const QString &id : m_scene->selectedNoteIds()) // notes move by their top-left corner
        m_start.insert(id, d->note(id)->rect.topLeft());
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
    if (m_mode == Mode::ResizingNote) {
        m_noteResize.update(event->scenePos());
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
        m_mode = Mode::Idle;
        m_connect.finish(event->scenePos(), event->screenPos());
        return true;
    case Mode::Resizing:
    case Mode::ResizingNote: {
        const bool zone = std::exchange(m_mode, Mode::Idle) == Mode::Resizing;
        QUndoCommand *cmd =
            zone ? m_resize.finish(event->scenePos()) : m_noteResize.finish(event->scenePos());
        if (cmd)
            m_scene->undoStack()->push(cmd);
        return true;
    }
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
        ZoneItem *zone = m_scene->zoneItem(g.id);
        if (!zone)
            continue;
        const QRectF area = zone->sceneRect();
        QStringList members = g.members;
        for (auto it = m_start.constBegin(); it != m_start.constEnd(); ++it) {
            if (!d->component(it.key()))
                continue; // notes belong to no zone
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
    const QStringList ids = m_scene->selectedComponentIds() + m_scene->selectedNoteIds();
    if (ids.isEmpty() || m_mode != Mode::Idle || !m_scene->undoStack())
        return false;
    const qreal unit = m_scene->snapToGrid() ? DiagramScene::gridSize : 1;
    step *= unit * ((event->modifiers() & Qt::ShiftModifier) ? 10 : 1);
    const Diagram *d = m_scene->diagram();
    QVector<QPointF> to;
    for (const QString &id : ids) {
        const Component *c = d->component(id);
        to << (c ? c->pos : d->note(id)->rect.topLeft()) + step;
    }
    m_scene->undoStack()->push(MoveComponentsCommand::nudge(m_scene->diagram(), ids, to));
    return true;
}

void CanvasController::cancel()
{
    if (m_mode == Mode::Connecting)
        m_connect.cancel();
    if (m_mode == Mode::Resizing)
        m_resize.cancel();
    if (m_mode == Mode::ResizingNote)
        m_noteResize.cancel();
    if (m_mode == Mode::Moving)
        m_scene->endPreview();
    m_mode = Mode::Idle;
}

} // namespace mls
