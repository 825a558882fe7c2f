// SPDX-License-Identifier: MIT
#pragma once

#include "../ConnectionRoute.h"
#include "GraphvizLayout.h"

#include <QSizeF>
#include <QStringList>
#include <QVector>

class QUndoCommand;

namespace mls {

class Diagram;
struct Component;

/// Between the document and GraphvizLayout: builds the plain-data input from a Diagram
/// (pins, zones, "selection only") and turns a result into one undoable move.
///
/// Typical window use: `in = DiagramLayout::input(d, opts, sel)` on the UI thread, then
/// `GraphvizLayout::run(in)` on a worker, then `stack->push(DiagramLayout::command(&d, in, r))`
/// back on the UI thread (drop the result if the diagram changed meanwhile, or on Cancel).
class DiagramLayout
{
public:
    /// The input for all components of @p diagram, or only for @p selection when it is not
    /// empty (connections with both ends inside; the others stay where they are). Pinned
    /// components get a fixed centre; with no pin the drawing keeps the old top-left corner.
    static LayoutInput input(const Diagram &diagram, const LayoutOptions &options,
                             const QStringList &selection = {});
    /// Component ids of @p input, in the order of LayoutResult::centres.
    static QStringList nodeIds(const LayoutInput &input);
    /// The centres to move nodeIds(input) to; empty unless @p result is ok and matches.
    static QVector<QPointF> newCentres(const LayoutInput &input, const LayoutResult &result);
    /// The routes to store on the laid-out connections (input edge order): Graphviz's
    /// Bézier points rounded to 0.01 px, with the ends' new centres; empty where Graphviz drew
    /// none (those arrows fall back to the view's routing).
    static QVector<ConnectionRoute> newRoutes(const LayoutInput &input, const LayoutResult &result);
    /// Ids of the connections of @p input, in the order of newRoutes().
    static QStringList edgeIds(const LayoutInput &input);
    /// One undo step "Auto layout" moving every laid-out component and setting the routes of
    /// the laid-out connections (never merges with the next move); nullptr when the result is
    /// not usable.
    static QUndoCommand *command(Diagram *diagram, const LayoutInput &input,
                                 const LayoutResult &result);
    /// Lays out the whole diagram and moves the components and sets the routes directly (no
    /// undo; headless use).
    static LayoutResult apply(Diagram &diagram, const LayoutOptions &options);

    /// True when the component carries props["pinned"] == true.
    static bool isPinned(const Component &component);
    /// Sets or clears props["pinned"] (cleared means the key is removed).
    static void setPinned(Component &component, bool pinned);
};

} // namespace mls
