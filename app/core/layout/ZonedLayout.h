// SPDX-License-Identifier: MIT
#pragma once

#include "GraphvizLayout.h"

#include <functional>

namespace mls {

/// Zones for engines without Graphviz clusters (sfdp): plain geometry around a flat layout call.
///
/// Each zone's members are laid out on their own (the induced subgraph: members and the
/// connections between them), layered with dot in the chosen direction when the zone is small
/// (60 cards or fewer: tidy and fast), with sfdp when it is larger. The zone then becomes ONE box
/// of the size the canvas draws it (members' cards, LayoutOptions::zonePadding on every side and
/// zoneTitleHeight on top), and a top-level graph of those boxes and the free (unzoned) cards,
/// with every connection between two different boxes or cards, is laid out by sfdp with overlap
/// removal (overlap=scale; prism drew the same but differed between processes in the 10th decimal).
/// Members are finally translated into their box. Boxes never overlap (checked afterwards; a
/// drawing that still overlaps is spread out, then packed in rows as a last resort), so zones stay
/// apart and no card lands in a zone it does not belong to.
///
/// Membership follows the dot path: a card is laid out in the FIRST zone it lists
/// (LayoutNode::zones); a card whose first zone is not in LayoutInput::zoneIds is free. A card
/// in several zones (or zones nested by membership) still counts for every zone's rectangle,
/// so those rectangles may overlap: that is the shape the user drew.
///
/// Routes: connections inside one zone and between two free cards keep the engine's route;
/// the others (into or out of a zone) get none and are drawn by the view's routing.
class ZonedLayout
{
public:
    /// Lays out @p input flat (no zones) with @p engine into result.centres / result.routes,
    /// in any frame; false with result.error on failure.
    using FlatRun =
        std::function<bool(const LayoutInput &input, LayoutEngine engine, LayoutResult &result)>;

    /// True when at least one node is laid out inside a zone (see the class comment).
    static bool hasZones(const LayoutInput &input);
    /// Fills result.centres and result.routes (input order, unplaced frame) or error.
    static bool run(const LayoutInput &input, const FlatRun &flat, LayoutResult &result);
};

} // namespace mls
