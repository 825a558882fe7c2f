// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mls {

class Diagram;
struct Component;
struct Connection;
struct Group;

/// Writes the canonical text form of a design: meta, then components, connections and zones
/// in file order, each followed by its notes, waivers and unknown fields. Positions and
/// routes are left out (they stay in the document). TextParser reads it back to the same
/// design.
class TextWriter
{
public:
    static QString toText(const Diagram &diagram);
    static QString componentLine(const Component &c);
    static QString connectionLine(const Connection &c);
    static QString zoneLine(const Group &g);
};

} // namespace mls
