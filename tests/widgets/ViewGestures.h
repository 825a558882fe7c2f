// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QTest>

namespace mls::test {

/// A mouse drag on @p view's viewport from @p from to @p to (scene coordinates), in six
/// moves with the button held (each QMouseEvent's buttons() say so), as a hand would make it.
inline void dragOnView(QGraphicsView *view, const QPointF &from, const QPointF &to,
                       Qt::KeyboardModifiers mods = {})
{
    QWidget *vp = view->viewport();
    QTest::mousePress(vp, Qt::LeftButton, mods, view->mapFromScene(from));
    const int steps = 6;
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = view->mapFromScene(from + (to - from) * i / steps);
        QMouseEvent move(QEvent::MouseMove, p, vp->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         mods);
        QApplication::sendEvent(vp, &move);
    }
    QTest::mouseRelease(vp, Qt::LeftButton, mods, view->mapFromScene(to));
}

} // namespace mls::test
