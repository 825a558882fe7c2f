// SPDX-License-Identifier: MIT
#include "DiagramView.h"

#include "CardGeometry.h"
#include "Catalog.h"
#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "FarBoardPainter.h"
#include "FlowLegendOverlay.h"
#include "FreeSpot.h"
#include "MimeTypes.h"
#include "NoteItem.h"
#include "SceneNotes.h"
#include "ZoneItem.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditComponentCommand.h"
#include "commands/EditGroupCommand.h"
#include "text/DesignFile.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLineEdit>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QStyleOptionRubberBand>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtMath>

namespace mls {

DiagramView::DiagramView(QWidget *parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::RubberBandDrag);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    viewport()->grabGesture(Qt::PinchGesture);
    m_legend = new FlowLegendOverlay(this);
}

DiagramView::~DiagramView()
{
    if (m_watched)
        m_watched->removeEventFilter(this);
}

int DiagramView::farBoardReads() const
{
    return m_farBoard ? m_farBoard->reads() : 0;
}

void DiagramView::watchScene(DiagramScene *scene)
{
    if (m_watched == scene)
        return;
    if (m_watched) {
        m_watched->removeEventFilter(this);
        disconnect(m_watched, nullptr, this, nullptr);
    }
    m_watched = scene;
    if (m_farBoard)
        m_farBoard->invalidate();
    if (!scene)
        return;
    // Every change of an item (update, move, stacking, visibility, selection, an item added)
    // and of the scene (style, grid, badges: QGraphicsScene::update()) posts a queued call to
    // the scene (its dirty-item processing): any queued call invalidates the batches. A
    // deleted item posts nothing; the batches compare the set of items for that.
    scene->installEventFilter(this);
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_farBoard)
            m_farBoard->invalidate();
    });
}

bool DiagramView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watched && event->type() == QEvent::MetaCall && m_farBoard) {
        m_farBoard->invalidate();
        // Qt repaints an item's change only where the view last painted it, which the batches
        // do not record: an item changed while a full update was pending is taken for one
        // outside the viewport from then on, and its next changes are dropped.
        if (m_batchedPaint)
            viewport()->update();
    }
    return QGraphicsView::eventFilter(watched, event);
}

DiagramScene *DiagramView::diagramScene() const
{
    return qobject_cast<DiagramScene *>(scene());
}

void DiagramView::setZoom(qreal zoom)
{
    zoom = qBound(minZoom, zoom, maxZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    const qreal factor = zoom / this->zoom();
    scale(factor, factor);
    Q_EMIT zoomChanged(this->zoom());
}

void DiagramView::zoomIn()
{
    // Steps from a fitted zoom (34 %, say) pass 100 %: stop there rather than at 101 %.
    const qreal next = zoom() * 1.25;
    setZoom(zoom() < 0.999 && next > 1.001 ? 1.0 : next);
}

void DiagramView::zoomOut()
{
    const qreal next = zoom() / 1.25;
    setZoom(zoom() > 1.001 && next < 0.999 ? 1.0 : next);
}

void DiagramView::actualSize()
{
    setZoom(1.0);
}

void DiagramView::fitToContent()
{
    DiagramScene *s = diagramScene();
    if (!s)
        return;
    const QRectF content = s->contentRect();
    setSceneRect(content.adjusted(-4000, -4000, 4000, 4000));
    const QRectF area = fitArea(content.size());
    const qreal fit = qMin(area.width() / content.width(), area.height() / content.height());
    resetTransform();
    // Not bounded below by minZoom: the whole content must show, however large.
    const qreal zoom = qBound(1e-6, qMin(fit, 1.0), maxZoom);
    scale(zoom, zoom);
    // The content's centre goes to the area's centre, not the viewport's.
    const QPointF shift = area.center() - QRectF(viewport()->rect()).center();
    centerOn(content.center() - shift / zoom);
    Q_EMIT zoomChanged(this->zoom());
}

QRectF DiagramView::fitArea(const QSizeF &content) const
{
    const QRectF all = QRectF(viewport()->rect()).adjusted(8, 8, -8, -8);
    if (!m_legend || !m_legend->isVisible())
        return all;
    // The legend covers the bottom-left corner: fit beside it or above it, whichever shows the
    // content larger, so that no card or label hides under it.
    const QRectF legend = QRectF(m_legend->geometry()).translated(-viewport()->pos());
    QRectF beside = all;
    beside.setLeft(legend.right() + 8);
    QRectF above = all;
    above.setBottom(legend.top() - 8);
    const auto scaleIn = [&](const QRectF &r) {
        if (r.width() <= 0 || r.height() <= 0)
            return 0.0;
        return qMin(r.width() / content.width(), r.height() / content.height());
    };
    const qreal best = qMax(scaleIn(beside), scaleIn(above));
    if (best <= 0)
        return all;
    return scaleIn(beside) >= scaleIn(above) ? beside : above;
}

QPointF DiagramView::centreForNewComponent(const QString &kind) const
{
    const QPointF c = mapToScene(viewport()->rect().center());
    DiagramScene *s = diagramScene();
    if (!s || !s->diagram())
        return c;
    // The free grid place nearest to the view's centre, one grid step clear of every card.
    Component card;
    card.kind = kind;
    card.label = Catalog::builtin().kindLabel(kind);
    card.pos = s->snapped(c);
    QVector<QRectF> occupied;
    for (const Component &other : s->diagram()->components())
        occupied << CardGeometry::rect(other);
    const QRectF wanted = CardGeometry::rect(card);
    const qreal grid = DiagramScene::gridSize;
    return card.pos + FreeSpot::nearestFree(occupied, wanted, grid, grid) - wanted.topLeft();
}

QString DiagramView::addComponent(const QString &kind, const QPointF &scenePos)
{
    DiagramScene *s = diagramScene();
    if (!s || !s->undoStack())
        return {};
    Diagram *d = s->diagram();
    Component c;
    c.id = d->uniqueId(QStringLiteral("c"));
    c.kind = kind;
    c.label = Catalog::builtin().kindLabel(kind);
    c.pos = s->snapped(scenePos);
    s->undoStack()->push(AddItemsCommand::addComponent(d, c));
    s->selectIds({c.id});
    return c.id;
}

void DiagramView::editLabel(const QString &id)
{
    DiagramScene *s = diagramScene();
    if (!s || !s->undoStack())
        return;
    QRectF area;
    QString text;
    if (const Component *c = s->diagram()->component(id)) {
        area = CardGeometry::rect(*c).adjusted(54, 8, -8, -30);
        text = c->label;
    } else if (ZoneItem *zone = s->zoneItem(id)) {
        area = zone->titleRect().adjusted(8, 4, -8, 0);
        area.setWidth(qMin(area.width(), 260.0));
        text = s->diagram()->group(id)->label;
    } else {
        return;
    }
    if (m_editor)
        commitLabel();
    ensureVisible(area, 40, 40);
    m_editedId = id;
    m_editor = new QLineEdit(text, viewport());
    m_editor->setGeometry(mapFromScene(area).boundingRect().adjusted(-2, -4, 2, 4));
    m_editor->selectAll();
    connect(m_editor, &QLineEdit::editingFinished, this, &DiagramView::commitLabel);
    m_editor->installEventFilter(this);
    m_editor->show();
    m_editor->setFocus();
}

void DiagramView::commitLabel()
{
    if (!m_editor)
        return;
    QLineEdit *editor = m_editor;
    m_editor = nullptr; // editingFinished fires again on focus loss: commit once
    DiagramScene *s = diagramScene();
    const QString text = editor->text();
    editor->hide();
    editor->deleteLater();
    if (!s || !s->undoStack())
        return;
    Diagram *d = s->diagram();
    if (d->component(m_editedId))
        s->undoStack()->push(EditComponentCommand::setLabel(d, m_editedId, text));
    else if (d->group(m_editedId))
        s->undoStack()->push(EditGroupCommand::rename(d, m_editedId, text));
    setFocus();
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (m_editor && event->key() == Qt::Key_Escape) {
        QLineEdit *editor = m_editor;
        m_editor = nullptr;
        editor->deleteLater();
        setFocus();
        return;
    }
    const bool typing = m_editor || (diagramScene() && diagramScene()->notes()->isEditing());
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !typing) {
        m_spaceHeld = true;
        setDragMode(QGraphicsView::NoDrag);
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
        m_spaceHeld = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    // Middle-drag, or Space + left-drag, pans like every drawing tool.
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (m_editor)
        commitLabel();
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::setFarBatching(bool on)
{
    if (m_farBatching == on)
        return;
    m_farBatching = on;
    if (m_farBoard)
        m_farBoard->clear(); // read anew when it is on again
    viewport()->update();
}

void DiagramView::paintEvent(QPaintEvent *event)
{
    DiagramScene *s = diagramScene();
    m_batchedPaint = s && m_farBatching && FarBoardPainter::appliesAt(zoom());
    // The batches do not keep QGraphicsView's record of where each item was painted, which it
    // uses to repaint only what changed: zoomed far out, any change repaints the whole viewport
    // (one batched paint), so nothing stale stays on screen.
    setViewportUpdateMode(m_batchedPaint ? FullViewportUpdate : SmartViewportUpdate);
    if (!m_batchedPaint) {
        if (m_farBoard)
            m_farBoard->clear(); // its memory, until the board is zoomed far out again
        QGraphicsView::paintEvent(event);
        return;
    }
    // What QGraphicsView::paintEvent() does, with the items drawn in batches into an image of
    // the viewport (whose pixels the batches write themselves, see PixelCanvas).
    const qreal dpr = viewport()->devicePixelRatioF();
    const QSize pixels = (QSizeF(viewport()->size()) * dpr).toSize();
    if (m_farImage.size() != pixels) {
        // The old pixels go first: a new image made while the old one is still held lands
        // elsewhere on the heap, and the old one's megabytes stay resident as a hole (a 10k
        // board's window grew by its 4.5 MB when the Problems dock took two pixels).
        m_farImage = QImage();
        m_farImage = QImage(pixels, QImage::Format_RGB32);
    }
    m_farImage.setDevicePixelRatio(dpr);
    const QRectF exposed = mapToScene(event->region().boundingRect()).boundingRect();
    // A change is seen when its queued call reaches the scene, which also schedules the
    // repaint that shows it: a repaint() or grab() in the same event-loop turn as the change
    // still shows the batches before it (the window never paints synchronously).
    watchScene(s);
    if (!m_farBoard)
        m_farBoard = std::make_unique<FarBoardPainter::Board>();
    {
        QPainter board(&m_farImage);
        board.setRenderHints(renderHints());
        board.setWorldTransform(viewportTransform());
        board.save();
        drawBackground(&board, exposed);
        board.restore();
        m_farBoard->paint(&board, *s, exposed, viewport());
        drawForeground(&board, exposed);
    }
    QPainter painter(viewport());
    painter.drawImage(QPointF(0, 0), m_farImage);
    // No items, but it tells the scene that a view has painted, as QGraphicsView::paintEvent()
    // does while drawing items: until then, after a full update of the scene (a theme, the
    // badges shown or hidden) the scene drops every item's update, and no change would show.
    QGraphicsView::drawItems(&painter, 0, nullptr, nullptr);
    if (const QRect band = rubberBandRect(); !band.isEmpty()) {
        QStyleOptionRubberBand option;
        option.initFrom(viewport());
        option.rect = band;
        option.shape = QRubberBand::Rectangle;
        QStyleHintReturnMask mask;
        if (viewport()->style()->styleHint(QStyle::SH_RubberBand_Mask, &option, viewport(), &mask))
            painter.setClipRegion(mask.region, Qt::IntersectClip);
        viewport()->style()->drawControl(QStyle::CE_RubberBand, &option, &painter, viewport());
    }
}

bool DiagramView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            setZoom(zoom() * (1.0 + gesture->value()));
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramView::contextMenuEvent(QContextMenuEvent *event)
{
    DiagramScene *s = diagramScene();
    if (!s)
        return;
    QString id;
    QGraphicsItem *item = s->interactiveItemAt(mapToScene(event->pos()));
    if (auto *card = qgraphicsitem_cast<ComponentItem *>(item))
        id = card->componentId();
    else if (auto *arrow = qgraphicsitem_cast<ConnectionItem *>(item))
        id = arrow->connectionId();
    else if (auto *zone = qgraphicsitem_cast<ZoneItem *>(item))
        id = zone->groupId();
    else if (auto *note = qgraphicsitem_cast<NoteItem *>(item))
        id = note->noteId();
    if (item && !item->isSelected())
        s->selectIds({id});
    else if (!item)
        s->clearSelection();
    Q_EMIT contextMenuRequested(event->globalPos(), id);
    event->accept();
}

static QString droppedDiagram(const QMimeData *mime)
{
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && DesignFile::isBoardFile(url.toLocalFile()))
            return url.toLocalFile();
    }
    return {};
}

void DiagramView::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if ((mime->hasFormat(kindMimeType()) && diagramScene() && diagramScene()->undoStack()) ||
        !droppedDiagram(mime).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void DiagramView::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void DiagramView::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(kindMimeType())) {
        const QString kind = QString::fromUtf8(mime->data(kindMimeType()));
        addComponent(kind, mapToScene(event->position().toPoint()));
        event->acceptProposedAction();
        setFocus();
        return;
    }
    const QString path = droppedDiagram(mime);
    if (!path.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT fileDropped(path);
    }
}

} // namespace mls
