#include "DiagramLayout.h"

#include "../Diagram.h"
#include "../commands/MoveComponentsCommand.h"
#include "LayoutPlacement.h"

#include <QSet>
#include <QUndoCommand>

namespace mls {

namespace {

const char *const pinnedKey = "pinned";

} // namespace

LayoutInput DiagramLayout::input(const Diagram &diagram, const LayoutOptions &options,
                                 const QStringList &selection, const QSizeF &cardSize)
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
        node.size = cardSize;
        if (isPinned(c))
            node.fixedCentre = c.pos;
        node.clusters = diagram.groupsOf(c.id);
        oldBounds |= LayoutPlacement::cardRect(c.pos, cardSize);
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

QUndoCommand *DiagramLayout::command(Diagram *diagram, const LayoutInput &input,
                                     const LayoutResult &result)
{
    const QVector<QPointF> centres = newCentres(input, result);
    if (centres.isEmpty())
        return nullptr;
    // A parent without an id: the move inside can never merge with a later arrow-key nudge.
    auto *parent = new QUndoCommand(QStringLiteral("Auto layout"));
    new MoveComponentsCommand(diagram, nodeIds(input), centres, parent);
    return parent;
}

LayoutResult DiagramLayout::apply(Diagram &diagram, const LayoutOptions &options)
{
    const LayoutInput in = input(diagram, options);
    LayoutResult result = GraphvizLayout::run(in);
    const QVector<QPointF> centres = newCentres(in, result);
    for (int i = 0; i < centres.size(); ++i)
        diagram.moveComponent(in.nodes[i].id, centres[i]);
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
