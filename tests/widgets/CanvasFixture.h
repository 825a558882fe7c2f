// SPDX-License-Identifier: MIT
#pragma once

#include "../TestDiagrams.h"
#include "Diagram.h"
#include "ViewGestures.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"

#include <QTest>
#include <QUndoStack>

namespace mls::test {

/// The board of the canvas suites: a client, an API gateway, a model registry, an event stream
/// and a data lake on a real view (offscreen), with an undo stack, driven by synthesized mouse
/// events. A suite derives from it, calls build() and show() in init() and tearDown() in
/// cleanup().
class CanvasFixture
{
protected:
    /// The diagram, its undo stack, scene and view; the view shows the scene, not yet shown.
    void build()
    {
        m_diagram = new Diagram;
        m_diagram->insertComponent(0, component("client", "client", {0, 0}));
        m_diagram->insertComponent(1, component("gw", "api_gateway", {400, 0}));
        m_diagram->insertComponent(2, component("reg", "model_registry", {0, 300}));
        m_diagram->insertComponent(3, component("stream", "event_stream", {400, 300}));
        m_diagram->insertComponent(4, component("lake", "data_lake", {800, 300}));
        m_stack = new QUndoStack;
        m_scene = new DiagramScene(m_diagram);
        m_scene->setUndoStack(m_stack);
        m_view = new DiagramView;
        m_view->setScene(m_scene);
    }
    /// Shows the view at 1200 × 800 around the cards; false when it never got exposed.
    bool show()
    {
        m_view->resize(1200, 800);
        m_view->setSceneRect(-600, -600, 2400, 1800);
        m_view->show();
        if (!QTest::qWaitForWindowExposed(m_view))
            return false;
        m_view->centerOn(400, 150);
        return true;
    }
    void tearDown()
    {
        delete m_view;
        delete m_scene;
        delete m_stack;
        delete m_diagram;
    }

    QPoint viewPoint(const QPointF &scenePos) const { return m_view->mapFromScene(scenePos); }
    void drag(const QPointF &from, const QPointF &to, Qt::KeyboardModifiers mods = {})
    {
        dragOnView(m_view, from, to, mods);
    }

    Diagram *m_diagram = nullptr;
    QUndoStack *m_stack = nullptr;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
};

} // namespace mls::test
