// SPDX-License-Identifier: MIT
#include "DiagramLayout.h"

#include "../CardGeometry.h"
#include "../Diagram.h"
#include "../commands/MoveComponentsCommand.h"
#include "../commands/SetRoutesCommand.h"
#include "LayoutPlacement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QUndoCommand>

#include <cmath>

namespace mls {

namespace {

const char *const pinnedKey = "pinned";

/// Hundredths of a pixel: finer than any screen, and short in the file.
QPointF rounded(const QPointF &p)
{
    return {std::round(p.x() * 100) / 100, std::round(p.y() * 100) / 100};
}

} // namespace

LayoutInput DiagramLayout::input(const Diagram &diagram, const LayoutOptions &options,
                                 const QStringList &selection)
{
    LayoutInput in;
    in.options = options;
    const QSet<QString> chosen(selection.cbegin(), selection.cend());
    QRectF oldBounds;
    for (const Component &c : diagram.components()) {
        if (!chosen.isEmpty() && !chosen.contains(c.id))
            continue;
        LayoutNode node;
        node.id = c.id;
        node.size = CardGeometry::size(c); // the board's card: the label decides its size
        if (isPinned(c))
            node.fixedCentre = c.pos;
        node.zones = diagram.groupsOf(c.id);
        oldBounds |= LayoutPlacement::cardRect(c.pos, node.size);
        in.nodes.append(node);
    }
    for (const Connection &e : diagram.connections()) {
        if (chosen.isEmpty() || (chosen.contains(e.from) && chosen.contains(e.to)))
            in.edges.append({e.id, e.from, e.to});
    }
    for (const Group &g : diagram.groups())
        in.zoneIds.append(g.id);
    if (!in.nodes.isEmpty() && !in.options.anchorTopLeft)
        in.options.anchorTopLeft = oldBounds.topLeft();
    return in;
}

QStringList DiagramLayout::nodeIds(const LayoutInput &input)
{
    QStringList ids;
    ids.reserve(input.nodes.size());
    for (const LayoutNode &n : input.nodes)
        ids.append(n.id);
    return ids;
}

QVector<QPointF> DiagramLayout::newCentres(const LayoutInput &input, const LayoutResult &result)
{
    if (!result.ok || result.centres.size() != input.nodes.size())
        return {};
    return result.centres;
}

QStringList DiagramLayout::edgeIds(const LayoutInput &input)
{
    QStringList ids;
    ids.reserve(input.edges.size());
    for (const LayoutEdge &e : input.edges)
        ids.append(e.id);
    return ids;
}

QVector<ConnectionRoute> DiagramLayout::newRoutes(const LayoutInput &input,
                                                  const LayoutResult &result)
{
    const QVector<QPointF> centres = newCentres(input, result);
    QVector<ConnectionRoute> routes(input.edges.size());
    if (centres.isEmpty())
        return routes;
    QHash<QString, int> node;
    for (int i = 0; i < input.nodes.size(); ++i)
        node.insert(input.nodes[i].id, i);
    QHash<QString, const EdgeRoute *> drawn;
    for (const EdgeRoute &r : result.routes)
        drawn.insert(r.id, &r);
    for (int i = 0; i < input.edges.size(); ++i) {
        const LayoutEdge &e = input.edges[i];
        const EdgeRoute *r = drawn.value(e.id);
        const int from = node.value(e.from, -1);
        const int to = node.value(e.to, -1);
        if (!r || from < 0 || to < 0 || r->points.size() < 4 || (r->points.size() - 1) % 3 != 0 ||
            r->points.size() > ConnectionRoute::maxPoints)
            continue;
        ConnectionRoute &route = routes[i];
        route.fromCentre = centres[from];
        route.toCentre = centres[to];
        for (const QPointF &p : r->points)
            route.points.append(rounded(p));
        route.tip = rounded(r->arrowTip.value_or(r->points.last()));
    }
    return routes;
}

QUndoCommand *DiagramLayout::command(Diagram *diagram, const LayoutInput &input,
                                     const LayoutResult &result)
{
    const QVector<QPointF> centres = newCentres(input, result);
    if (centres.isEmpty())
        return nullptr;
    // A parent without an id: the move inside can never merge with a later arrow-key nudge.
    auto *parent =
        new QUndoCommand(QCoreApplication::translate("mls::DiagramLayout", "Auto layout"));
    auto *move = new MoveComponentsCommand(diagram, nodeIds(input), centres, parent);
    auto *routes = new SetRoutesCommand(diagram, edgeIds(input), newRoutes(input, result), parent);
    parent->setObsolete(move->isObsolete() && routes->isObsolete()); // laid out already
    return parent;
}

LayoutResult DiagramLayout::apply(Diagram &diagram, const LayoutOptions &options)
{
    const LayoutInput in = input(diagram, options);
    LayoutResult result = GraphvizLayout::run(in);
    const QVector<QPointF> centres = newCentres(in, result);
    for (int i = 0; i < centres.size(); ++i)
        diagram.moveComponent(in.nodes[i].id, centres[i]);
    if (!centres.isEmpty()) {
        const QVector<ConnectionRoute> routes = newRoutes(in, result);
        for (int i = 0; i < routes.size(); ++i)
            diagram.setConnectionRoute(in.edges[i].id, routes[i]);
    }
    return result;
}

bool DiagramLayout::isPinned(const Component &component)
{
    const auto it = component.props.find(pinnedKey);
    return it != component.props.end() && it->is_boolean() && it->get<bool>();
}

void DiagramLayout::setPinned(Component &component, bool pinned)
{
    if (pinned)
        component.props[pinnedKey] = true;
    else if (component.props.is_object())
        component.props.erase(pinnedKey);
}

} // namespace mls
