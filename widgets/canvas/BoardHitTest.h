// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>

class QGraphicsItem;
class QGraphicsScene;

namespace mls {

class ComponentItem;

/// What a press on the board lands on: the scene's items, topmost first.
namespace BoardHitTest {

/// The card, zone title, note or arrow under @p scenePos (a label stands for its arrow; never
/// a temporary drag item).
QGraphicsItem *interactiveItemAt(const QGraphicsScene &scene, const QPointF &scenePos);
/// The topmost card under @p scenePos.
ComponentItem *componentAt(const QGraphicsScene &scene, const QPointF &scenePos);
/// The card whose connect handles or border band a press at @p scenePos grabs (not when the
/// press is on another card's body above it).
ComponentItem *connectableCardAt(const QGraphicsScene &scene, const QPointF &scenePos);

} // namespace BoardHitTest
} // namespace mls
